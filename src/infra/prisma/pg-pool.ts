import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Pool, PoolClient } from 'pg';
import { Env } from '../../config/env';

/**
 * Timestamps are stored without time zone, meaning UTC (Prisma's convention); now() and the
 * column defaults follow the session zone, so every session is pinned to UTC whatever the server's.
 */
export const SESSION_UTC = '-c TimeZone=UTC';

/**
 * Plain pg for the one hot path Prisma makes expensive: instrument-file bytes. Through Prisma's
 * driver adapter a 0.7 MB bytea costs ~25 ms of CPU to write and ~60 ms to read; pg moves it as a
 * Buffer in 2–5 ms (bench/pipeline-throughput.ts). Only repositories use it.
 */
@Injectable()
export class PgPool implements OnModuleDestroy {
  private readonly pool: Pool;

  constructor(env: Env) {
    this.pool = new Pool({ connectionString: env.DATABASE_URL, max: env.DB_POOL_MAX, connectionTimeoutMillis: 10_000, options: SESSION_UTC });
  }

  async query<T extends object>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pool.query<T>(sql, params)).rows;
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
