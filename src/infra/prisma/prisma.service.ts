import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';
import { Database } from '../database/database';

/** The PrismaClient of a process, on the process's one pool (Database.pool), while repositories move to Kysely. */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  constructor(database: Database) {
    super({ adapter: new PrismaPg(database.pool), transactionOptions: { maxWait: 10_000, timeout: 15_000 } });
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}

/** A client usable inside `$transaction(async (tx) => …)` as well as outside it. */
export type Db = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;
