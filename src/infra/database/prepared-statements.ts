import { Logger } from '@nestjs/common';
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { DatabaseUnavailableError, isBrokenConnection } from './database-errors';

/**
 * Distinct parameterised statements a process prepares at most. Every repository statement has a
 * fixed text (lists are bound as one array, `= ANY($1)`, never as an IN list that grows with its
 * length), so a process uses a few dozen; past the cap a statement runs unnamed, so a statement
 * whose text varies without bound cannot grow node-pg's per-connection cache and the server's
 * prepared statements without bound either.
 */
export const MAX_PREPARED_STATEMENTS = 500;

/** A name per distinct SQL text (node-pg refuses one name for two texts), up to MAX_PREPARED_STATEMENTS. */
export class StatementNames {
  private readonly names = new Map<string, string>();
  private readonly logger = new Logger('Database');
  private warned = false;

  constructor(private readonly cap = MAX_PREPARED_STATEMENTS) {}

  get size(): number {
    return this.names.size;
  }

  nameFor(sql: string): string | undefined {
    const known = this.names.get(sql);
    if (known) return known;
    if (this.names.size >= this.cap) {
      if (!this.warned) this.logger.warn(`${this.cap} distinct statements prepared; new ones run unprepared (a statement whose text varies?)`);
      this.warned = true;
      return undefined;
    }
    const name = `vt_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
    this.names.set(sql, name);
    return name;
  }
}

/**
 * node-pg writes a Date parameter in the process's zone ("…+14:00") and PostgreSQL drops the
 * offset when the column is a timestamp without time zone, so a UTC+14 host would store local
 * times. toISOString gives UTC digits, right whether the server reads the "Z" or not. Buffers and
 * other values pass untouched (pg sends a Buffer as a binary parameter without copying it).
 */
function utcParam(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(utcParam);
  return value;
}

/**
 * What Kysely's PostgresDialect sees as its pool: the process's pg.Pool, whose clients run every
 * statement with parameters as a named prepared statement. node-pg then parses it once per
 * connection and afterwards only binds and executes it, so PostgreSQL skips parsing and planning
 * on every later call: that was ~0.6 ms of server CPU per history request (three statements;
 * pgbench -M extended against -M prepared on the benchmark's seed), on a machine where the API
 * and PostgreSQL share two cores. Statements without parameters (BEGIN, COMMIT, the health
 * check) run as simple queries. Statements list their columns (no `*`), so a migration cannot
 * change a cached plan's result type under a running process.
 */
export function preparingPool(pool: Pool, names: StatementNames): PostgresPool {
  const logger = new Logger('Database');
  const wrappers = new WeakMap<PoolClient, PostgresPoolClient>();
  const wrap = (client: PoolClient): PostgresPoolClient => ({
    query: ((sqlOrCursor: string | PostgresCursor<unknown>, parameters?: ReadonlyArray<unknown>) => {
      if (typeof sqlOrCursor !== 'string') return client.query(sqlOrCursor as never);
      const values = (parameters ?? []).map(utcParam);
      const name = values.length > 0 ? names.nameFor(sqlOrCursor) : undefined;
      return client.query({ text: sqlOrCursor, values, ...(name ? { name } : {}) }).catch((e: unknown) => {
        throw isBrokenConnection(e) ? new DatabaseUnavailableError(e) : e;
      }) as unknown as Promise<PostgresQueryResult<unknown>>;
    }) as PostgresPoolClient['query'],
    release: (destroy?: boolean) => client.release(destroy),
  });
  return {
    connect: async () => {
      const client = await pool.connect().catch((e: unknown) => {
        throw new DatabaseUnavailableError(e);
      });
      let wrapper = wrappers.get(client);
      if (!wrapper) {
        // pg-pool listens for errors on idle clients only; one that breaks while checked out
        // emits 'error' too (after failing its query), which would otherwise crash the process.
        client.on('error', (e: Error) => logger.warn(`database connection lost while in use: ${e.message}`));
        wrappers.set(client, (wrapper = wrap(client)));
      }
      return wrapper;
    },
    end: () => pool.end(),
  };
}
