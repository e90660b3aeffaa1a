import { Logger } from '@nestjs/common';
import { Pool, TypeOverrides, types } from 'pg';

/**
 * Timestamps are stored without time zone, meaning UTC; now() and the column defaults follow the
 * session zone, so every session is pinned to UTC whatever the server's.
 */
const SESSION_UTC = '-c TimeZone=UTC';

/**
 * node-pg reads a timestamp without time zone in the Node process's zone; these columns hold UTC,
 * so on a host set to another zone every time read would be off by that zone's offset.
 */
const utcTimestamps = new TypeOverrides();
utcTimestamps.setTypeParser(types.builtins.TIMESTAMP, (text: string) =>
  /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?$/.test(text)
    ? new Date(`${text.replace(' ', 'T')}Z`)
    : (types.getTypeParser(types.builtins.TIMESTAMP) as (value: string) => Date)(text),
);

/**
 * The one pool of a process: `max` connections in all, each pinned to UTC, timestamps parsed as
 * UTC; a checkout that gets no connection within `waitMs` (DB_POOL_WAIT_MS) fails, and the query
 * layer reports it as the database being unavailable (503). An idle connection the server drops
 * (restart, failover) is only logged: the pool replaces it on the next checkout, and an unhandled
 * 'error' event would kill the process.
 */
export function createPgPool(connectionString: string, max: number, waitMs: number): Pool {
  const pool = new Pool({
    connectionString,
    max,
    connectionTimeoutMillis: waitMs,
    options: SESSION_UTC,
    types: utcTimestamps,
    application_name: 'vitrack',
  });
  const logger = new Logger('Database');
  pool.on('error', (e) => logger.warn(`idle database connection lost: ${e.message}`));
  return pool;
}
