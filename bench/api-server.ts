import { ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../scripts/pg-admin';

/** The checkout root: this file runs as dist/bench/api-server.js. */
export const ROOT = join(__dirname, '..', '..');

const run = promisify(execFile);

/** Applies prisma/migrations through the project's own Prisma config (JS schema engine, pg adapter); `root`: another checkout's. */
export async function migrate(url: string, root = ROOT): Promise<void> {
  try {
    await run('npx', ['prisma', 'migrate', 'deploy'], { cwd: root, env: { ...process.env, DATABASE_URL: url }, maxBuffer: 16 * 1024 * 1024 });
  } catch (e) {
    const { stdout, stderr } = e as { stdout?: string; stderr?: string };
    throw new Error(`prisma migrate deploy failed:\n${stdout ?? ''}${stderr ?? ''}`);
  }
}

export interface RunningApi {
  baseUrl: string;
  child: ChildProcess;
  /** The last lines the API printed, for error reports. */
  tail: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts the compiled API (dist/apps/api/main.js) on its own port and waits until /health answers 200.
 * `nodeArgs` go before the script, e.g. ['--cpu-prof'] to profile the server; `root` runs another
 * built checkout's API (bench/api-ab.ts compares two).
 */
export async function startApi(env: Record<string, string>, nodeArgs: string[] = [], readyTimeoutMs = 60_000, root = ROOT): Promise<RunningApi> {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, join(root, 'dist', 'apps', 'api', 'main.js')], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - 40));
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited: string | undefined;
  child.once('exit', (code, signal) => (exited = `exited with ${signal ?? code}`));

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = once(child, 'exit');
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await gone;
    clearTimeout(timer);
  };
  const tail = () => lines.join('\n');

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (exited) throw new Error(`the API ${exited} before it was ready:\n${tail()}`);
    try {
      const res = await fetch(`${baseUrl}/health`);
      if (res.status === 200) return { baseUrl, child, tail, stop };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the API did not answer /health with 200 within ${readyTimeoutMs} ms:\n${tail()}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function login(baseUrl: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

export async function getJson<T>(url: string, token: string): Promise<T> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function postJson<T>(url: string, token: string, body: unknown, expected: number): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== expected) throw new Error(`POST ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/**
 * A MEMBER in every project the database has (the seed's two), logged in: the routes are measured
 * as a project member sees them, through the project predicate (an ADMIN's lists have none).
 */
export async function memberToken(baseUrl: string, adminToken: string): Promise<string> {
  const email = 'bench-member@vitrack.local';
  const password = 'bench-member-password';
  const user = await postJson<{ id: string }>(`${baseUrl}/api/users`, adminToken, { email, name: 'Bench member', role: 'MEMBER', password }, 201);
  for (const project of await getJson<{ id: string }[]>(`${baseUrl}/api/projects`, adminToken)) {
    await postJson(`${baseUrl}/api/projects/${project.id}/members`, adminToken, { userId: user.id, role: 'MEMBER' }, 200);
  }
  return login(baseUrl, email, password);
}
