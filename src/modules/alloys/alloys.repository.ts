import { Injectable } from '@nestjs/common';
import { Selectable } from 'kysely';
import { randomUUID } from 'node:crypto';
import { Database, Executor, json } from '../../infra/database/database';
import type { DB } from '../../infra/database/schema';

export type Alloy = Selectable<DB['alloys']>;
const COLUMNS = ['id', 'name', 'composition', 'densityGCm3', 'tgK', 'txK', 'createdAt'] as const;

/** The only place that touches alloys. */
@Injectable()
export class AlloysRepository {
  constructor(private readonly database: Database) {}

  create(db: Executor, data: Omit<Alloy, 'id' | 'createdAt'>): Promise<Alloy> {
    return db
      .insertInto('alloys')
      .values({ id: randomUUID(), ...data, composition: json(data.composition)! })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
  }

  list(): Promise<Alloy[]> {
    return this.database.kysely.selectFrom('alloys').select(COLUMNS).orderBy('name', 'asc').execute();
  }

  async find(id: string): Promise<Alloy | null> {
    return (await this.database.kysely.selectFrom('alloys').select(COLUMNS).where('id', '=', id).executeTakeFirst()) ?? null;
  }
}
