/**
 * What a driver error means for the client, decided in one place from SQLSTATE codes and the
 * server's structured fields (never from its message, which can carry SQL or values). The
 * exception filter turns the result into the error body; nothing else inspects driver errors.
 */
export interface DatabaseFailure {
  statusCode: 404 | 409 | 422 | 503;
  code: 'NOT_FOUND' | 'CONFLICT' | 'APPEND_ONLY' | 'INVALID_VALUE' | 'DATABASE_UNAVAILABLE';
  message: string;
  /** The column(s) at fault, as the request names them (columns carry the DTO's field names). */
  field?: string;
  /** Seconds, for a Retry-After header. */
  retryAfterS?: number;
}

interface PgError {
  code?: string;
  detail?: string;
  column?: string;
  constraint?: string;
  table?: string;
}

const pgError = (e: unknown): PgError | undefined => (e !== null && typeof e === 'object' ? e : undefined);

/** "Key (a, \"bC\")=(…) …" → "a,bC": the key's columns, without the values (never echoed). */
function keyColumns(detail: string | undefined): string | undefined {
  const cols = detail?.match(/^Key \((.+?)\)=/)?.[1];
  return cols
    ?.split(',')
    .map((c) => c.trim().replace(/^"|"$/g, ''))
    .join(',');
}

/**
 * The pool gave no connection (server down or unreachable, database missing, too many
 * connections, or none free within DB_POOL_WAIT_MS), or the connection broke mid-statement.
 * Raised by the query layer only, so a Redis outage is never reported as the database's.
 */
export class DatabaseUnavailableError extends Error {
  constructor(readonly cause: unknown) {
    super(`database unavailable: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'DatabaseUnavailableError';
  }
}

/** Socket failures and node-pg's own messages for a connection that broke mid-statement. */
const BROKEN_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);
const BROKEN_MESSAGE = /^(Connection terminated|Client has encountered a connection error|Client was closed)/;
export const isBrokenConnection = (e: unknown): boolean => BROKEN_ERRNO.has(pgError(e)?.code ?? '') || (e instanceof Error && BROKEN_MESSAGE.test(e.message));

/** SQLSTATEs a server sends when it cannot serve: class 08, shutting down or starting (57P01–57P03). */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123])$/;

/** Serialization failure and deadlock: the transaction helper retries these first. */
export const isRetryableConflict = (e: unknown): boolean => ['40001', '40P01'].includes(pgError(e)?.code ?? '');

/** A unique violation, optionally on the key made of exactly these columns. */
export function isUniqueViolation(e: unknown, columns?: string): boolean {
  const err = pgError(e);
  return err?.code === '23505' && (columns === undefined || keyColumns(err.detail) === columns);
}

/** The client-facing meaning of a driver error, or undefined when it is not one (a bug: 500). */
export function describeDatabaseError(e: unknown): DatabaseFailure | undefined {
  const err = pgError(e);
  if (!err) return undefined;
  const code = err.code ?? '';
  switch (code) {
    case 'VTA01':
      return { statusCode: 409, code: 'APPEND_ONLY', message: 'history is append-only: steps and audit rows cannot be changed' };
    case '23505': {
      const field = keyColumns(err.detail) ?? err.constraint;
      return { statusCode: 409, code: 'CONFLICT', message: `a record with this ${field ?? 'value'} already exists`, field };
    }
    case '23503': {
      const field = keyColumns(err.detail);
      return /is still referenced/.test(err.detail ?? '')
        ? { statusCode: 409, code: 'CONFLICT', message: 'other records still refer to this one', field }
        : { statusCode: 404, code: 'NOT_FOUND', message: `${field ?? 'a referenced record'} does not exist`, field };
    }
    case '23514': {
      const field = err.column ?? err.constraint?.replace(new RegExp(`^${err.table ?? ''}_`), '').replace(/_check$/, '');
      return { statusCode: 422, code: 'INVALID_VALUE', message: `${field ?? 'a value'} breaks a rule of the data model`, field };
    }
    case '23502':
      return { statusCode: 422, code: 'INVALID_VALUE', message: `${err.column ?? 'a value'} is required`, field: err.column };
    case '40001':
    case '40P01':
      return { statusCode: 409, code: 'CONFLICT', message: 'the record was changed by a concurrent request; try again' };
  }
  // Class 22: data exceptions (malformed uuid, number out of range, text too long).
  if (code.startsWith('22')) return { statusCode: 422, code: 'INVALID_VALUE', message: 'a value is malformed or out of range', field: err.column };
  if (e instanceof DatabaseUnavailableError || UNAVAILABLE_SQLSTATE.test(code)) {
    return { statusCode: 503, code: 'DATABASE_UNAVAILABLE', message: 'the database is unavailable; try again shortly', retryAfterS: 2 };
  }
  return undefined;
}
