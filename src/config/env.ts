import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min, MinLength, validateSync } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/** Every setting Vitrack reads, from the environment only; validated at boot by both processes. */
export class Env {
  /** PostgreSQL connection string. */
  @IsString()
  DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/vitrack';

  /** Redis for BullMQ and health checks. */
  @IsString()
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** HTTP port of the API process. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** BullMQ key prefix, so several deployments (or test runs) share one Redis safely. */
  @IsString()
  @MinLength(1)
  QUEUE_PREFIX = 'vitrack';

  /** HMAC secret for access tokens; change it in production. */
  @IsString()
  @MinLength(16)
  JWT_SECRET = 'vitrack-dev-secret-change-me';

  /** Lifetime of a login access token, in seconds. */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  JWT_TTL_S = 12 * 3600;

  /** The first administrator, created at API start if absent. */
  @IsString()
  ADMIN_EMAIL = 'admin@vitrack.local';

  @IsString()
  @MinLength(8)
  ADMIN_PASSWORD = 'vitrack-admin';

  /** Largest instrument file accepted by an upload, bytes (413 above it). */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  UPLOAD_LIMIT_BYTES = 50 * 1024 * 1024;

  /** Analysis jobs one worker process runs at once. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  WORKER_CONCURRENCY = 2;

  /**
   * Whether a starting worker queues again every file whose newest analysis came from an older
   * analyzer version ('true' or 'false').
   */
  @IsIn(['true', 'false'])
  REANALYZE_ON_START: 'true' | 'false' = 'true';

  /** pino log level. */
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Largest PostgreSQL pool per process. */
  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(1)
  DB_POOL_MAX = 10;
}

/** Reads and validates the environment; throws one error listing every bad variable. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const defined = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const env = plainToInstance(Env, defined, { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new Error(`Invalid environment:\n  ${lines.join('\n  ')}`);
  }
  return env;
}
