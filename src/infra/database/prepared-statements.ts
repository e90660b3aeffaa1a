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

/**
 * Opens the text of a statement that must be planned for its arguments on every call (run
 * unnamed: PostgreSQL plans an unnamed statement at each bind). A named statement may switch to
 * a generic plan after five executions, planned without the arguments; for a filter whose best
 * plan depends on them that plan can be far worse. On the benchmark seed (10,500 samples, EXPLAIN
 * ANALYZE of the sample list, generic against custom plan): a code prefix matching nearly every
 * row sorted ~10,400 rows, 20.5 ms against 0.05 ms (+0.06 ms planning), and a member of an empty
 * project scanned every sample, 17.7 ms against 0.01 ms (+0.04 ms planning), since
 * `"projectId" = ANY($1)` is estimated without the ids.
 */
export const CUSTOM_PLAN = '/* custom plan */ ';

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
    if (sql.startsWith(CUSTOM_PLAN)) return undefined;
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

/** Statement text, its parameters, and the rows it returned: how compileOnce runs a statement past Kysely's executor. */
export type RunStatement = (sql: string, parameters: readonly unknown[]) => Promise<unknown[]>;

/**
 * The process's pg.Pool as the query layer uses it: every statement with parameters runs as a
 * named prepared statement (node-pg then parses it once per connection and afterwards only binds
 * and executes it, so PostgreSQL skips parsing and planning on every later call: that was ~0.6 ms
 * of server CPU per history request, three statements; pgbench -M extended against -M prepared on
 * the benchmark's seed, on a machine where the API and PostgreSQL share two cores). Statements
 * without parameters (BEGIN, COMMIT, the health check) run as simple queries. Statements list
 * their columns (no `*`), so a migration cannot change a cached plan's result type under a
 * running process.
 *
 * `kyselyPool` is what Kysely's PostgresDialect sees as its pool. `run` is the same statement
 * path without Kysely: checkout, statement, release, with node-pg's callbacks. Kysely's executor
 * makes ~24 promises per statement (executor, connection provider, runtime driver, dialect driver,
 * result transform, release, each an async function), against ~3 here; with nestjs-pino's
 * AsyncLocalStorage every promise also runs the async-hooks promise hooks. On the history route
 * (three statements) that was 187 promises and 212 kB allocated per request against 89 and
 * 152 kB at fdaef63 (bench/api-ab.ts, profiles); compileOnce's statements take this path.
 */
export function preparingPool(pool: Pool, names: StatementNames): { kyselyPool: PostgresPool; run: RunStatement } {
  const logger = new Logger('Database');
  const watched = new WeakSet<PoolClient>();
  // pg-pool listens for errors on idle clients only; one that breaks while checked out emits
  // 'error' too (after failing its query), which would otherwise crash the process.
  const watch = (client: PoolClient): void => {
    if (watched.has(client)) return;
    watched.add(client);
    client.on('error', (e: Error) => logger.warn(`database connection lost while in use: ${e.message}`));
  };
  const config = (sql: string, parameters: readonly unknown[]) => {
    const values = parameters.map(utcParam);
    const name = values.length > 0 ? names.nameFor(sql) : undefined;
    return name ? { text: sql, values, name } : { text: sql, values };
  };
  const failure = <E>(e: E): E | DatabaseUnavailableError => (isBrokenConnection(e) ? new DatabaseUnavailableError(e) : e);

  const wrappers = new WeakMap<PoolClient, PostgresPoolClient>();
  const wrap = (client: PoolClient): PostgresPoolClient => ({
    query: ((sqlOrCursor: string | PostgresCursor<unknown>, parameters?: ReadonlyArray<unknown>) => {
      if (typeof sqlOrCursor !== 'string') return client.query(sqlOrCursor as never);
      return client.query(config(sqlOrCursor, parameters ?? [])).catch((e: unknown) => {
        throw failure(e);
      }) as unknown as Promise<PostgresQueryResult<unknown>>;
    }) as PostgresPoolClient['query'],
    release: (destroy?: boolean) => client.release(destroy),
  });
  const kyselyPool: PostgresPool = {
    connect: async () => {
      const client = await pool.connect().catch((e: unknown) => {
        throw new DatabaseUnavailableError(e);
      });
      watch(client);
      let wrapper = wrappers.get(client);
      if (!wrapper) wrappers.set(client, (wrapper = wrap(client)));
      return wrapper;
    },
    end: () => pool.end(),
  };

  const run: RunStatement = (sql, parameters) =>
    new Promise((resolve, reject) => {
      pool.connect((connectError, client, release) => {
        if (connectError || !client) return reject(new DatabaseUnavailableError(connectError));
        watch(client);
        // Released as Kysely's driver releases (kept in the pool): a broken one is dropped by pg-pool's own error handling.
        client.query(config(sql, parameters), (e: Error | null, result: { rows: unknown[] }) => {
          release();
          if (e) reject(failure(e));
          else resolve(result.rows);
        });
      });
    });

  return { kyselyPool, run };
}
