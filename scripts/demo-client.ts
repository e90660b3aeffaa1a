/** A minimal JSON client for the demo and benchmarks: real HTTP against a running API. */
export class ApiClient {
  token?: string;
  constructor(readonly baseUrl: string) {}

  async call<T = any>(method: string, path: string, body?: unknown, expected: number[] = [200, 201]): Promise<{ status: number; body: T }> {
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const parsed = text ? JSON.parse(text) : undefined;
    if (!expected.includes(res.status)) throw new Error(`${method} ${path} → ${res.status}: ${text.slice(0, 500)}`);
    return { status: res.status, body: parsed as T };
  }

  async login(email: string, password: string): Promise<void> {
    this.token = (await this.call<{ accessToken: string }>('POST', '/api/auth/login', { email, password })).body.accessToken;
  }

  /** Polls /health until it answers 200 or the deadline passes. */
  async waitHealthy(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      try {
        if ((await fetch(`${this.baseUrl}/health`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`${this.baseUrl}/health did not answer 200 within ${timeoutMs} ms`);
  }
}

/** Puts users (by email) into the "Default" project every database starts with, each with the role given. */
export async function joinDefaultProject(admin: ApiClient, members: readonly { email: string; role: 'MEMBER' | 'PI' }[]): Promise<void> {
  const users = (await admin.call<{ id: string; email: string }[]>('GET', '/api/users')).body;
  const project = (await admin.call<{ id: string; name: string }[]>('GET', '/api/projects')).body.find((p) => p.name === 'Default');
  if (!project) throw new Error('the Default project is missing');
  for (const { email, role } of members) {
    const user = users.find((u) => u.email === email);
    if (!user) throw new Error(`no user ${email}`);
    await admin.call('POST', `/api/projects/${project.id}/members`, { userId: user.id, role }, [200]);
  }
}
