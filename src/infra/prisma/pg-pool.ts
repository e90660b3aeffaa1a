import { Injectable } from '@nestjs/common';
import { PoolClient } from 'pg';
import { Database } from '../database/database';

/** Plain pg on the process's one pool (Database.pool), while repositories move to Kysely. */
@Injectable()
export class PgPool {
  constructor(private readonly database: Database) {}

  /** Runs one statement as a named prepared statement (see prepared-statements.ts). */
  async query<T extends object>(sql: string, params: unknown[] = []): Promise<T[]> {
    const name = this.database.statementNames.nameFor(sql);
    return (await this.database.pool.query<T>({ text: sql, values: params, ...(name ? { name } : {}) })).rows;
  }

  /** Runs `work` in one transaction: committed if it resolves, rolled back if it throws. */
  async transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.database.pool.connect();
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
}
