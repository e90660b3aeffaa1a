import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';
import { MIN_TEST_SCRYPT_LOG2_N, PRODUCTION_SCRYPT_LOG2_N } from '../modules/auth/password';

const toNumber = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/** A whole-number setting, read from its text, from `min` up to `max` when given (the rule most settings share). */
function WholeNumber(min: number, max?: number): PropertyDecorator {
  const rules = [Transform(toNumber), IsInt(), Min(min), ...(max === undefined ? [] : [Max(max)])];
  return (target, key) => {
    for (const rule of rules) rule(target, key);
  };
}

/** The development default of JWT_SECRET and the value docker-compose once shipped: public, so refused in production. */
export const PUBLIC_JWT_SECRETS = ['vitrack-dev-secret-change-me', 'change-me-to-a-long-random-secret'];

/** The demo administrator's password outside production (README, `npm run demo`). */
export const DEV_ADMIN_PASSWORD = 'vitrack-admin';

/** Shortest JWT_SECRET accepted in production, bytes (HS256 wants a key as long as its 256-bit hash). */
export const MIN_PRODUCTION_SECRET_BYTES = 32;

/** Longest login token lifetime, s: a stolen token is useful for a day at most. */
export const MAX_JWT_TTL_S = 24 * 3600;

/** Every setting Vitrack reads, from the environment only; validated at boot by both processes. */
export class Env {
  /** 'production' turns the development conveniences off (public JWT secret, default admin password). */
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  /** PostgreSQL connection string. */
  @IsString()
  DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/vitrack';

  /** Redis for BullMQ and health checks. */
  @IsString()
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** HTTP port of the API process. */
  @WholeNumber(0, 65535)
  PORT = 3000;

  /** BullMQ key prefix, so several deployments (or test runs) share one Redis safely. */
  @IsString()
  @MinLength(1)
  QUEUE_PREFIX = 'vitrack';

  /** HMAC (HS256) secret for access tokens; in production required, not a public value, and at least 32 bytes. */
  @IsString()
  @MinLength(16)
  JWT_SECRET = PUBLIC_JWT_SECRETS[0];

  /** Lifetime of a login access token, in seconds (at most a day). */
  @WholeNumber(60, MAX_JWT_TTL_S)
  JWT_TTL_S = 12 * 3600;

  /** How long a token's user (id, email, role) is remembered before the database is asked again, ms. */
  @WholeNumber(0, 60_000)
  AUTH_USER_CACHE_MS = 3000;

  /** Login attempts one client address may make per minute (429 beyond; counted in Redis across replicas). */
  @WholeNumber(1)
  LOGIN_MAX_PER_ADDRESS_PER_MIN = 20;

  /** Wrong passwords one account may take within LOGIN_FAILURE_WINDOW_S before logins to it answer 429. */
  @WholeNumber(1)
  LOGIN_MAX_FAILURES_PER_ACCOUNT = 10;

  @WholeNumber(1)
  LOGIN_FAILURE_WINDOW_S = 900;

  /**
   * The address users reach Vitrack at (e.g. https://vitrack.lab), the base of every link the API
   * builds for them (share links). Never taken from the request's Host header, which a client
   * chooses; unset (or empty), links are relative paths.
   */
  @Transform(({ value }: { value: unknown }) => (value === '' ? undefined : typeof value === 'string' ? value.replace(/\/+$/, '') : value))
  @IsOptional()
  @Matches(/^https?:\/\/[^/?#\s@]+(\/[^?#\s]*)?$/, { message: 'PUBLIC_URL must be an http(s) URL such as https://vitrack.lab, with no query' })
  PUBLIC_URL?: string;

  /** Whether the API sits behind a reverse proxy whose X-Forwarded-For names the client ('true'/'false'). */
  @IsIn(['true', 'false'])
  TRUST_PROXY: 'true' | 'false' = 'false';

  /** Longest time a client may take to send a whole request, s (a slow body is cut off with 408). */
  @WholeNumber(1)
  HTTP_REQUEST_TIMEOUT_S = 120;

  /** Longest time a client may take to send the request headers, s. */
  @WholeNumber(1)
  HTTP_HEADERS_TIMEOUT_S = 10;

  /** How long an idle keep-alive connection stays open, s. */
  @WholeNumber(1)
  HTTP_KEEPALIVE_TIMEOUT_S = 5;

  /** Event streams (GET /api/events) one user may hold open per API process (429 beyond). */
  @WholeNumber(1)
  SSE_MAX_PER_USER = 5;

  /** The first administrator, created at API start if absent. */
  @IsString()
  ADMIN_EMAIL = 'admin@vitrack.local';

  /**
   * Its password. Development falls back to DEV_ADMIN_PASSWORD; production has no default: without
   * it the API logs a one-time setup token instead of creating an account with a known password.
   */
  @IsOptional()
  @IsString()
  @MinLength(8)
  ADMIN_PASSWORD?: string;

  /** Largest instrument file accepted by an upload, bytes (413 above it). */
  @WholeNumber(1024)
  UPLOAD_LIMIT_BYTES = 50 * 1024 * 1024;

  /**
   * Uploads whose bytes one API process reads and stores at a time; more wait their turn with
   * their bytes still on the network (TCP holds them), so the API's memory stays within about
   * this many uploads whatever the number sent at once (bench/upload-memory.ts).
   */
  @WholeNumber(1)
  UPLOAD_CONCURRENCY = 2;

  /** Analysis jobs one worker process runs at once. */
  @WholeNumber(1, 64)
  WORKER_CONCURRENCY = 2;

  /** Wall-time limit of one analysis, s; a run past it fails ("took longer than …") and is not retried. */
  @Transform(toNumber)
  @IsNumber()
  @Min(0.1)
  @Max(3600)
  ANALYSIS_TIMEOUT_S = 60;

  /** V8 heap limit of one analysis thread, MB; a run past it fails ("needed more than …") and is not retried. */
  @WholeNumber(64, 65536)
  ANALYSIS_MAX_MEMORY_MB = 2048;

  /**
   * Whether a starting worker queues again every file whose newest analysis came from an older
   * analyzer version ('true' or 'false').
   */
  @IsIn(['true', 'false'])
  REANALYZE_ON_START: 'true' | 'false' = 'true';

  /** pino log level. */
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /**
   * Bearer token a Prometheus scraper sends to read /metrics (at least 32 characters). Unset, /metrics
   * is public outside production and answers 403 in production: queue depth and run counts tell an
   * outsider on the network when the lab works and how much.
   */
  @IsOptional()
  @IsString()
  @MinLength(32)
  METRICS_TOKEN?: string;

  /** Largest PostgreSQL pool per process. */
  @IsOptional()
  @WholeNumber(1)
  DB_POOL_MAX = 10;

  /**
   * How long a statement waits for a pool connection (a free one, or a new one to the server), ms,
   * before the request fails with 503 and Retry-After. Long enough to ride out a burst of uploads on
   * a full pool (each holds a connection for ~10 ms); short enough that a database that is down or
   * unreachable answers quickly instead of holding every request for the kernel's TCP timeout.
   */
  @WholeNumber(10, 120_000)
  DB_POOL_WAIT_MS = 3000;

  /**
   * Tests only: log2 of a cheaper scrypt N for password hashes (jest.config.js sets 10, so the
   * suite's logins do not each cost 128 MiB and a core for ~0.3 s). Read by password.ts outside
   * production; refused in production, which always hashes at OWASP's N = 2^17.
   */
  @IsOptional()
  @WholeNumber(MIN_TEST_SCRYPT_LOG2_N, PRODUCTION_SCRYPT_LOG2_N)
  TEST_SCRYPT_LOG2_N?: number;
}

/** Reads and validates the environment; throws one error listing every bad variable. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const defined = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const env = plainToInstance(Env, defined, { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: false });
  const lines = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
  if (env.NODE_ENV === 'production') lines.push(...productionProblems(defined));
  else env.ADMIN_PASSWORD ??= DEV_ADMIN_PASSWORD;
  if (lines.length > 0) throw new Error(`Invalid environment:\n  ${lines.join('\n  ')}`);
  return env;
}

/** What a production deployment must set itself: a defaulted secret would let anyone sign tokens. */
function productionProblems(defined: Record<string, string | undefined>): string[] {
  const admin = defined.ADMIN_PASSWORD === DEV_ADMIN_PASSWORD ? ['ADMIN_PASSWORD: is the public development default; set your own or leave it unset'] : [];
  const weakHashes =
    defined.TEST_SCRYPT_LOG2_N !== undefined && Number(defined.TEST_SCRYPT_LOG2_N) !== PRODUCTION_SCRYPT_LOG2_N
      ? [`TEST_SCRYPT_LOG2_N: lowers the password hash cost for tests; production hashes at N = 2^${PRODUCTION_SCRYPT_LOG2_N}: unset it`]
      : [];
  return [...admin, ...weakHashes, ...secretProblems(defined.JWT_SECRET)];
}

function secretProblems(secret: string | undefined): string[] {
  if (secret === undefined) return ['JWT_SECRET: must be set in production (e.g. `openssl rand -base64 48`)'];
  if (PUBLIC_JWT_SECRETS.includes(secret)) return ['JWT_SECRET: is a public default value; set your own random secret in production'];
  if (Buffer.byteLength(secret) < MIN_PRODUCTION_SECRET_BYTES) return [`JWT_SECRET: must be at least ${MIN_PRODUCTION_SECRET_BYTES} bytes in production`];
  return [];
}
