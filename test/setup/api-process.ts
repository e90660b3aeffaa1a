import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { freePort } from '../../scripts/pg-admin';
import { deleteKeysUnder } from '../../scripts/redis-admin';
import { productionHashCost } from './production-hash-cost';
import { createTestDatabase, uniquePrefix } from './test-db';

const ROOT = join(__dirname, '..', '..');

/**
 * The real API as its own OS process (node + SWC register on apps/api/main.ts) on a real port,
 * with its own database and queue prefix, every line it prints kept: for what inject cannot
 * show (the log as written, raw sockets, signals).
 */
export class ApiProcess {
  private output = '';
  private constructor(
    private readonly child: ChildProcess,
    readonly baseUrl: string,
    readonly port: number,
    /** Its database and queue prefix, for a second replica beside it. */
    readonly databaseUrl: string,
    readonly queuePrefix: string,
    private readonly cleanup: () => Promise<void>,
  ) {
    child.stdout?.on('data', (c: Buffer) => (this.output += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (this.output += c.toString()));
  }

  /**
   * On a database cloned from the template and a fresh queue prefix, unless `env` names a
   * DATABASE_URL (kept as it is) or a QUEUE_PREFIX: another process's, for a second replica.
   * `timeoutMs` bounds a hang, not the start's speed: on a 2-core machine kept busy by other work,
   * compiling and booting the API took over 60 s.
   */
  static async start(env: Record<string, string> = {}, timeoutMs = 90_000): Promise<ApiProcess> {
    const db = env.DATABASE_URL ? { url: env.DATABASE_URL, drop: async () => undefined } : await createTestDatabase();
    const port = await freePort();
    const prefix = env.QUEUE_PREFIX ?? uniquePrefix('proc');
    const redisUrl = env.REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'apps/api/main.ts')], {
      cwd: ROOT,
      env: { ...process.env, ...productionHashCost(env), LOG_LEVEL: 'info', DATABASE_URL: db.url, QUEUE_PREFIX: prefix, PORT: String(port), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const cleanup = async () => {
      await db.drop();
      await deleteKeysUnder(prefix, redisUrl).catch(() => undefined);
    };
    const api = new ApiProcess(child, `http://127.0.0.1:${port}`, port, db.url, prefix, cleanup);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (child.exitCode !== null) {
        await cleanup();
        throw new Error(`the API exited with ${child.exitCode}:\n${api.output.slice(-3000)}`);
      }
      try {
        if ((await fetch(`${api.baseUrl}/health`)).status === 200) return api;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        await api.stop();
        throw new Error(`the API did not answer /health within ${timeoutMs} ms:\n${api.output.slice(-3000)}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** Everything the process has printed so far (stdout and stderr). */
  get log(): string {
    return this.output;
  }

  /** Whether the process has exited, and how. */
  get exit(): { code: number | null; signal: NodeJS.Signals | null } | undefined {
    return this.child.exitCode !== null || this.child.signalCode !== null ? { code: this.child.exitCode, signal: this.child.signalCode } : undefined;
  }

  /** Sends a signal without waiting (SIGTERM to test draining). */
  kill(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  async waitForExit(timeoutMs = 30_000): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (!this.exit) {
      const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
      await once(this.child, 'exit');
      clearTimeout(timer);
    }
    return this.exit!;
  }

  async request(
    method: string,
    path: string,
    opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<{ status: number; body: any; headers: Headers }> {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.baseUrl}${path}`, { method, headers, body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON
    }
    return { status: res.status, body, headers: res.headers };
  }

  /** SIGTERM, wait for the exit, then drop the database and queue keys. */
  async stop(): Promise<void> {
    if (!this.exit) {
      this.child.kill('SIGTERM');
      await this.waitForExit();
    }
    await this.cleanup();
  }
}
