import { randomBytes, scrypt as scryptCb, ScryptOptions, timingSafeEqual } from 'node:crypto';

/** OWASP's scrypt parameters (Password Storage Cheat Sheet): N = 2^17, r = 8, p = 1. */
export const SCRYPT_PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const;

/** Node's default scrypt cost, which hashes stored as `scrypt$<salt>$<hash>` (before OWASP's parameters) used. */
const LEGACY_PARAMS = { N: 2 ** 14, r: 8, p: 1 } as const;

/** scrypt needs 128·N·r bytes; Node refuses more than maxmem (32 MiB by default), so allow that plus slack. */
const maxmemFor = (p: { N: number; r: number }) => 128 * p.N * p.r + 16 * 1024 * 1024;

/**
 * At most this many hashes at once: each holds 128 MiB and a libuv thread for ~0.3 s, so a login
 * flood cannot take the API's memory or the thread pool that brotli and file reads share.
 */
const MAX_CONCURRENT_HASHES = 2;
let running = 0;
const waiting: Array<() => void> = [];

async function scrypt(password: string, salt: Buffer, keylen: number, params: { N: number; r: number; p: number }): Promise<Buffer> {
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
  const hash = await scrypt(password, salt, 32, SCRYPT_PARAMS);
  const { N, r, p } = SCRYPT_PARAMS;
  return `scrypt$N=${N},r=${r},p=${p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/** Reads `N=..,r=..,p=..`; undefined for anything else, or for costs beyond what this code would ever write. */
function parseParams(s: string): { N: number; r: number; p: number } | undefined {
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
  const weaker = params.N < SCRYPT_PARAMS.N || params.r < SCRYPT_PARAMS.r || params.p < SCRYPT_PARAMS.p;
  return { ok, needsRehash: ok && weaker };
}

/**
 * A hash of a random password, verified against when the email is unknown, so an unknown and a
 * known email cost the same scrypt and answer in the same time.
 */
let dummy: Promise<string> | undefined;
export const dummyPasswordHash = (): Promise<string> => (dummy ??= hashPassword(randomBytes(16).toString('base64')));
