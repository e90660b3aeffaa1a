import { randomBytes, scrypt as scryptCb, ScryptOptions, timingSafeEqual } from 'node:crypto';

/** OWASP's scrypt parameters (Password Storage Cheat Sheet): N = 2^17, r = 8, p = 1. Production always hashes at these. */
export const SCRYPT_PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const;

/** log2 of OWASP's N, and the cheapest N a test run may ask for instead (TEST_SCRYPT_LOG2_N). */
export const PRODUCTION_SCRYPT_LOG2_N = 17;
export const MIN_TEST_SCRYPT_LOG2_N = 10;

type ScryptParams = { N: number; r: number; p: number };

/**
 * The parameters new hashes are made at, and below which a stored hash is rehashed at login:
 * OWASP's, except outside production when TEST_SCRYPT_LOG2_N asks for a cheaper N (jest.config.js
 * sets 10). Every spec's logins each pay one scrypt, and at 2^17 (128 MiB, ~0.3 s of a quiet core)
 * they dominated the suite on a busy 2-core machine. Production ignores the variable here, and
 * loadEnv refuses to boot with it set below 17 (src/config/env.ts).
 */
export function scryptParams(source: NodeJS.ProcessEnv = process.env): ScryptParams {
  const log2N = Number(source.TEST_SCRYPT_LOG2_N);
  const cheaper = Number.isInteger(log2N) && log2N >= MIN_TEST_SCRYPT_LOG2_N && log2N < PRODUCTION_SCRYPT_LOG2_N;
  return source.NODE_ENV !== 'production' && cheaper ? { ...SCRYPT_PARAMS, N: 2 ** log2N } : SCRYPT_PARAMS;
}

/** Node's default scrypt cost, which hashes stored as `scrypt$<salt>$<hash>` (before OWASP's parameters) used. */
const LEGACY_PARAMS = { N: 2 ** 14, r: 8, p: 1 } as const;

/** scrypt needs 128·N·r bytes; Node refuses more than maxmem (32 MiB by default), so allow that plus slack. */
const maxmemFor = (p: ScryptParams) => 128 * p.N * p.r + 16 * 1024 * 1024;

/**
 * At most this many hashes at once: each holds 128 MiB and a libuv thread for ~0.3 s, so a login
 * flood cannot take the API's memory or the thread pool that brotli and file reads share.
 */
const MAX_CONCURRENT_HASHES = 2;
let running = 0;
const waiting: Array<() => void> = [];

async function scrypt(password: string, salt: Buffer, keylen: number, params: ScryptParams): Promise<Buffer> {
  if (running >= MAX_CONCURRENT_HASHES) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    const options: ScryptOptions = { ...params, maxmem: maxmemFor(params) };
    return await new Promise<Buffer>((resolve, reject) => scryptCb(password, salt, keylen, options, (e, key) => (e ? reject(e) : resolve(key))));
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** scrypt from node:crypto (memory-hard, no native addon); stored as `scrypt$N=..,r=..,p=..$<salt>$<hash>` in base64. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const params = scryptParams();
  const hash = await scrypt(password, salt, 32, params);
  const { N, r, p } = params;
  return `scrypt$N=${N},r=${r},p=${p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/** Reads `N=..,r=..,p=..`; undefined for anything else, or for costs beyond what this code would ever write. */
function parseParams(s: string): ScryptParams | undefined {
  const m = /^N=(\d{1,8}),r=(\d{1,2}),p=(\d{1,2})$/.exec(s);
  if (!m) return undefined;
  const [N, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return N <= 2 ** 20 && r <= 16 && p <= 4 ? { N, r, p } : undefined;
}

/**
 * Whether `password` matches the stored hash, and whether that hash uses weaker parameters than
 * today's (the caller then stores a fresh hash, so old accounts move to OWASP's cost at login).
 */
export async function verifyPassword(password: string, stored: string): Promise<{ ok: boolean; needsRehash: boolean }> {
  const parts = stored.split('$');
  const [scheme, params, salt, hash] =
    parts.length === 3 ? [parts[0], LEGACY_PARAMS, parts[1], parts[2]] : [parts[0], parseParams(parts[1] ?? ''), parts[2], parts[3]];
  if (scheme !== 'scrypt' || !params || !salt || !hash) return { ok: false, needsRehash: false };
  const expected = Buffer.from(hash, 'base64');
  if (expected.length < 16) return { ok: false, needsRehash: false };
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, params);
  const ok = timingSafeEqual(actual, expected);
  const today = scryptParams();
  const weaker = params.N < today.N || params.r < today.r || params.p < today.p;
  return { ok, needsRehash: ok && weaker };
}

/**
 * A hash of a random password, verified against when the email is unknown, so an unknown and a
 * known email cost the same scrypt and answer in the same time.
 */
let dummy: Promise<string> | undefined;
export const dummyPasswordHash = (): Promise<string> => (dummy ??= hashPassword(randomBytes(16).toString('base64')));
