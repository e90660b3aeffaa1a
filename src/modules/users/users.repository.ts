import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { compileOnce } from '../../infra/database/compile-once';
import { Database, Executor } from '../../infra/database/database';
import type { Role, UserRow } from '../../infra/database/schema';

export type PublicUser = Pick<UserRow, 'id' | 'email' | 'name' | 'role' | 'createdAt'>;
const PUBLIC = ['id', 'email', 'name', 'role', 'createdAt'] as const;

/** The only place that touches users and api_tokens. */
@Injectable()
export class UsersRepository {
  constructor(private readonly database: Database) {}

  async findByEmail(email: string): Promise<UserRow | null> {
    const row = await this.database.kysely
      .selectFrom('users')
      .select([...PUBLIC, 'passwordHash'])
      .where('email', '=', email)
      .executeTakeFirst();
    return row ?? null;
  }

  /** The user a token names, as they are now (role included); null when no such user. */
  async findById(id: string): Promise<PublicUser | null> {
    return (await userById(this.database.kysely, id))[0] ?? null;
  }

  async findByApiTokenHash(tokenHash: string): Promise<PublicUser | null> {
    return (await userByTokenHash(this.database.kysely, tokenHash))[0] ?? null;
  }

  create(db: Executor, data: { email: string; name: string; role: Role; passwordHash: string }): Promise<PublicUser> {
    return db
      .insertInto('users')
      .values({ id: randomUUID(), ...data })
      .returning([...PUBLIC])
      .executeTakeFirstOrThrow();
  }

  /** Replaces a password hash (a rehash at login moves old hashes to today's scrypt cost). */
  async updatePasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.database.kysely.updateTable('users').set({ passwordHash }).where('id', '=', id).execute();
  }

  list(): Promise<PublicUser[]> {
    return this.database.kysely.selectFrom('users').select(PUBLIC).orderBy('createdAt', 'asc').execute();
  }

  createApiToken(db: Executor, userId: string, name: string, tokenHash: string): Promise<{ id: string }> {
    return db.insertInto('api_tokens').values({ id: randomUUID(), userId, name, tokenHash }).returning('id').executeTakeFirstOrThrow();
  }
}

/** Every authenticated request resolves its user (JWT subject or API token): compiled once. */
const userById = compileOnce((db: Executor, id: string) => db.selectFrom('users').select(PUBLIC).where('id', '=', id));
const userByTokenHash = compileOnce((db: Executor, tokenHash: string) =>
  db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.userId')
    .select(['u.id', 'u.email', 'u.name', 'u.role', 'u.createdAt'])
    .where('t.tokenHash', '=', tokenHash),
);
