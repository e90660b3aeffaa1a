import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Pool, PoolClient, TypeOverrides, types } from 'pg';
import { Env } from '../../config/env';

/**
 * Timestamps are stored without time zone, meaning UTC (Prisma's convention); now() and the
 * column defaults follow the session zone, so every session is pinned to UTC whatever the server's.
 */
export const SESSION_UTC = '-c TimeZone=UTC';

/**
 * node-pg reads a timestamp without time zone in the Node process's zone; these columns hold UTC
 * (as Prisma reads them), so on a host set to another zone every time read through this pool
 * would be off by that zone's offset.
 */
const utcTimestamps = new TypeOverrides();
utcTimestamps.setTypeParser(types.builtins.TIMESTAMP, (text: string) =>
  /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?$/.test(text) ? new Date(`${text.replace(' ', 'T')}Z`) : types.getTypeParser(types.builtins.TIMESTAMP)(text),
);

/**
 * Plain pg for the paths Prisma makes expensive: instrument-file bytes (through Prisma's driver
 * adapter a 0.7 MB bytea costs ~25 ms of CPU to write and ~60 ms to read; pg moves it as a Buffer
 * in 2–5 ms, bench/pipeline-throughput.ts) and the hot reads (history, lists: ~1 ms of API CPU
 * per request less, bench/api-throughput.ts). Only repositories use it.
 */
@Injectable()
export class PgPool implements OnModuleDestroy {
  private readonly pool: Pool;

  constructor(env: Env) {
    this.pool = new Pool({
      connectionString: env.DATABASE_URL,
      max: env.DB_POOL_MAX,
      connectionTimeoutMillis: 10_000,
      options: SESSION_UTC,
      types: utcTimestamps,
    });
  }

  /**
   * Runs one statement as a named prepared statement: node-pg parses it once per connection and
   * then only binds and executes it, so PostgreSQL skips parsing and planning on every later call.
   * That was ~0.6 ms of server CPU per history request (three statements; pgbench -M extended
   * against -M prepared on the benchmark's seed), on a machine where the API and PostgreSQL share
   * two cores. Statements list their columns (no `*`), so a migration cannot change a cached
   * plan's result type under a running process.
   */
  async query<T extends object>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pool.query<T>({ name: this.statementName(sql), text: sql, values: params })).rows;
  }

  private readonly names = new Map<string, string>();

  /** A name per distinct SQL text; node-pg refuses one name for two texts. */
  private statementName(sql: string): string {
    let name = this.names.get(sql);
    if (!name) this.names.set(sql, (name = `vt_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`));
    return name;
  }

  /** Runs `work` in one transaction: committed if it resolves, rolled back if it throws. */
  async transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.end();
  }
}
