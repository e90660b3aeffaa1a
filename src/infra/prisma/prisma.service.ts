import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';
import { Env } from '../../config/env';
import { SESSION_UTC } from './pg-pool';

/** The one PrismaClient of a process, on the pg driver adapter (no native query engine). */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  constructor(env: Env) {
    // Under a burst of uploads a request waits for a connection rather than failing at 2 s.
    super({
      adapter: new PrismaPg({ connectionString: env.DATABASE_URL, max: env.DB_POOL_MAX, connectionTimeoutMillis: 10_000, options: SESSION_UTC }),
      transactionOptions: { maxWait: 10_000, timeout: 15_000 },
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}

/** A client usable inside `$transaction(async (tx) => …)` as well as outside it. */
export type Db = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;
