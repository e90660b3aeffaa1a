import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { Pool } from 'pg';
import { Env } from '../../config/env';
import { isRetryableConflict } from './database-errors';
import { createPgPool } from './pg-pool';
import { runStatementsDirectly } from './compile-once';
import { preparingPool, StatementNames } from './prepared-statements';
import type { DB } from './schema';

/**
 * What repositories run statements on: the process's Kysely instance, or the transaction a
 * service opened with Database.transaction (a Kysely Transaction is one too).
 */
export type Executor = Kysely<DB>;

/** Attempts of a transaction that PostgreSQL aborted for a serialization failure or a deadlock. */
const TRANSACTION_ATTEMPTS = 3;

/**
 * The one way to PostgreSQL in a process: one pg.Pool of DB_POOL_MAX connections (UTC sessions,
 * UTC timestamp parsing, DB_POOL_WAIT_MS), one Kysely query layer over it whose parameterised
 * statements are named prepared statements, and one transaction helper. Repositories are the
 * only code that writes queries on it.
 */
@Injectable()
export class Database implements OnModuleDestroy {
  readonly pool: Pool;
  readonly kysely: Executor;
  readonly statementNames = new StatementNames();

  constructor(env: Env) {
    this.pool = createPgPool(env.DATABASE_URL, env.DB_POOL_MAX, env.DB_POOL_WAIT_MS);
    const { kyselyPool, run } = preparingPool(this.pool, this.statementNames);
    this.kysely = new Kysely<DB>({ dialect: new PostgresDialect({ pool: kyselyPool }) });
    // Compiled-once statements on the pool (not in a transaction) skip Kysely's executor: see preparingPool.
    runStatementsDirectly(this.kysely, run);
  }

  /**
   * Runs `work` in one transaction: committed if it resolves, rolled back if it throws. A
   * serialization failure or deadlock (SQLSTATE 40001, 40P01) rolls back and runs `work` again,
   * up to TRANSACTION_ATTEMPTS in all; after that the error reaches the filter as 409. So `work`
   * must only touch the database through `trx` (publish to the queue after commit, never inside).
   */
  async transaction<T>(work: (trx: Executor) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.kysely.transaction().execute(work);
      } catch (e) {
        if (attempt >= TRANSACTION_ATTEMPTS || !isRetryableConflict(e)) throw e;
        await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * attempt));
      }
    }
  }

  /** One round trip through the pool that serves requests (the health check). */
  async ping(): Promise<void> {
    await sql`SELECT 1`.execute(this.kysely);
  }

  async onModuleDestroy(): Promise<void> {
    await this.kysely.destroy();
  }
}

/** A jsonb parameter: pg would send a JS array as a PostgreSQL array, so JSON is always sent as text. */
export const json = (value: unknown): string | null => (value === undefined || value === null ? null : JSON.stringify(value));
