import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { compileOnce } from '../../infra/database/compile-once';
import { Database, Executor } from '../../infra/database/database';
import type { Role, TokenScope } from '../../infra/database/schema';

export interface ApiTokenInfo {
  id: string;
  name: string;
  scope: TokenScope;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
}

/** The only place that touches api_tokens. */
@Injectable()
export class ApiTokensRepository {
  constructor(private readonly database: Database) {}

  create(db: Executor, data: { userId: string; name: string; tokenHash: string; scope: TokenScope; expiresAt: Date }): Promise<ApiTokenInfo> {
    return db
      .insertInto('api_tokens')
      .values({ id: randomUUID(), ...data })
      .returning(['id', 'name', 'scope', 'createdAt', 'expiresAt', 'lastUsedAt'])
      .executeTakeFirstOrThrow();
  }

  listOf(userId: string): Promise<ApiTokenInfo[]> {
    return this.database.kysely
      .selectFrom('api_tokens')
      .select(['id', 'name', 'scope', 'createdAt', 'expiresAt', 'lastUsedAt'])
      .where('userId', '=', userId)
      .orderBy('createdAt', 'desc')
      .execute();
  }

  /** Deletes one of the user's tokens; whether it existed. */
  async deleteOwn(db: Executor, userId: string, id: string): Promise<{ name: string } | undefined> {
    return db.deleteFrom('api_tokens').where('id', '=', id).where('userId', '=', userId).returning('name').executeTakeFirst();
  }

  /** The token and its user when the token is unexpired and the user not disabled. */
  async findLive(tokenHash: string): Promise<{ tokenId: string; scope: TokenScope; id: string; email: string; role: Role } | null> {
    return (await liveToken(this.database.kysely, tokenHash))[0] ?? null;
  }

  async touch(id: string): Promise<void> {
    await this.database.kysely
      .updateTable('api_tokens')
      .set({ lastUsedAt: sql`now()` })
      .where('id', '=', id)
      .execute();
  }
}

const liveToken = compileOnce((db: Executor, tokenHash: string) =>
  db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.userId')
    .select(['t.id as tokenId', 't.scope', 'u.id', 'u.email', 'u.role'])
    .where('t.tokenHash', '=', tokenHash)
    .where('t.expiresAt', '>', sql<Date>`now()`)
    .where('u.disabled', '=', false),
);
