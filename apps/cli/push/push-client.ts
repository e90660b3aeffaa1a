/**
 * vitrack-push's HTTP calls, each retried with exponential backoff while the API is unreachable
 * (connection refused, a 5xx, 408, 429), so files queue up on the instrument PC until it is back.
 */

/** The API answered that the token is no good: nothing will work until a person fixes it. */
export class AuthFailure extends Error {}

/** The API refused this request for good (a 4xx naming what is wrong). */
export class Refused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

class Unavailable extends Error {}

export interface ClientDeps {
  log(line: string): void;
  sleep(ms: number): Promise<void>;
  /** Stops retrying (shutdown). */
  stopped(): boolean;
}

export class PushClient {
  constructor(
    private readonly apiUrl: string,
    private readonly token: string,
    private readonly maxBackoffMs: number,
    private readonly deps: ClientDeps,
  ) {}

  postJson<T>(path: string, body: unknown): Promise<T> {
    return this.retrying(path, () => this.once<T>(path, { 'content-type': 'application/json' }, JSON.stringify(body)));
  }

  postFile<T>(path: string, fileName: string, bytes: Uint8Array): Promise<T> {
    return this.retrying(path, () => {
      const form = new FormData();
      form.append('file', new Blob([bytes]), fileName);
      return this.once<T>(path, {}, form);
    });
  }

  private async once<T>(path: string, headers: Record<string, string>, body: string | FormData): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${this.apiUrl}${path}`, { method: 'POST', headers: { ...headers, authorization: `Bearer ${this.token}` }, body });
    } catch (e) {
      throw new Unavailable(
        `cannot reach ${this.apiUrl}: ${(e as Error).cause instanceof Error ? ((e as Error).cause as Error).message : (e as Error).message}`,
      );
    }
    const text = await res.text();
    let parsed: { message?: string } | undefined;
    try {
      parsed = text ? (JSON.parse(text) as { message?: string }) : undefined;
    } catch {
      parsed = undefined;
    }
    if (res.ok) return parsed as T;
    const message = parsed?.message ?? (text.slice(0, 200) || res.statusText);
    if (res.status >= 500 || res.status === 408 || res.status === 429) throw new Unavailable(`${res.status} from ${path}: ${message}`);
    if (res.status === 401 || res.status === 403) throw new AuthFailure(`the API refused the token (${res.status}): ${message}`);
    throw new Refused(res.status, message);
  }

  private async retrying<T>(path: string, attempt: () => Promise<T>): Promise<T> {
    let waitMs = 500;
    for (;;) {
      try {
        return await attempt();
      } catch (e) {
        if (!(e instanceof Unavailable) || this.deps.stopped()) throw e;
        this.deps.log(`API unavailable (${e.message}); retrying ${path} in ${(waitMs / 1000).toFixed(1)} s`);
        await this.deps.sleep(waitMs);
        waitMs = Math.min(waitMs * 2, this.maxBackoffMs);
      }
    }
  }
}
