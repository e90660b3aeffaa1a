/**
 * Where the demo runs. It logs users with published passwords (README), so it only ever writes to
 * its own database, `vitrack_demo` (or another name starting with `vitrack_demo`), under its own
 * queue prefix, and never reads DATABASE_URL: a shell set up for a real deployment cannot point the
 * demo at real data by accident. Its queue prefix follows the database's name (vitrack_demo_2 →
 * vitrack-demo-2), so two demos on one Redis (DEMO_DATABASE_URL and PORT set apart) never take
 * each other's jobs.
 */
import { randomBytes } from 'node:crypto';

export const DEMO_DATABASE = 'vitrack_demo';
export const DEMO_QUEUE_PREFIX = 'vitrack-demo';
export const DEMO_PASSWORD = 'vitrack-demo';
export const DEMO_ADMIN = { email: 'admin@vitrack.local', password: 'vitrack-admin' };
export const DEMO_USERS = [
  { email: 'pi@vitrack.local', role: 'PI' },
  { email: 'member@vitrack.local', role: 'MEMBER' },
] as const;

/** A type, not an interface, so it passes where NodeJS.ProcessEnv is expected. */
export type DemoEnv = {
  DATABASE_URL: string;
  REDIS_URL: string;
  QUEUE_PREFIX: string;
  PORT: string;
  NODE_ENV: 'development';
  JWT_SECRET: string;
  ADMIN_EMAIL: string;
  ADMIN_PASSWORD: string;
  LOG_LEVEL: string;
};

/** The demo database's URL: DEMO_DATABASE_URL, else vitrack_demo on the local server. */
export function demoDatabaseUrl(source: NodeJS.ProcessEnv = process.env): string {
  const url = source.DEMO_DATABASE_URL ?? `postgresql://postgres@127.0.0.1:5432/${DEMO_DATABASE}`;
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^vitrack_demo\w*$/.test(name)) {
    throw new Error(
      `DEMO_DATABASE_URL names the database "${name}": the demo writes users with published passwords, so its database must be named ${DEMO_DATABASE}[_…]`,
    );
  }
  return url;
}

/** The queue prefix of the demo on this database: vitrack-demo, plus what follows vitrack_demo in its name (lower case, `_` as `-`). */
export function demoQueuePrefix(databaseUrl: string): string {
  const suffix = decodeURIComponent(new URL(databaseUrl).pathname.slice(1)).slice(DEMO_DATABASE.length);
  // scripts/redis-admin.ts deletes keys under plain prefixes only ([a-z0-9-]).
  return DEMO_QUEUE_PREFIX + suffix.toLowerCase().replace(/_/g, '-');
}

/** The environment the demo's API and worker run with. */
export function demoEnv(source: NodeJS.ProcessEnv = process.env): DemoEnv {
  const databaseUrl = demoDatabaseUrl(source);
  return {
    DATABASE_URL: databaseUrl,
    REDIS_URL: source.REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: demoQueuePrefix(databaseUrl),
    PORT: source.PORT ?? '3000',
    // Development, so the published admin password is accepted; a fresh secret per run, so a token
    // signed with the public development secret opens nothing here.
    NODE_ENV: 'development',
    JWT_SECRET: randomBytes(32).toString('base64url'),
    ADMIN_EMAIL: DEMO_ADMIN.email,
    ADMIN_PASSWORD: DEMO_ADMIN.password,
    LOG_LEVEL: source.LOG_LEVEL ?? 'warn',
  };
}
