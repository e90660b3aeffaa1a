import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { compileOnce } from '../../infra/database/compile-once';
import { Database, Executor } from '../../infra/database/database';
import type { Role, UserRow } from '../../infra/database/schema';

export type PublicUser = Pick<UserRow, 'id' | 'email' | 'name' | 'role' | 'disabled' | 'createdAt'>;
export const PUBLIC_USER = ['id', 'email', 'name', 'role', 'disabled', 'createdAt'] as const;

/** The only place that touches users. */
@Injectable()
export class UsersRepository {
  constructor(private readonly database: Database) {}

  async findByEmail(email: string): Promise<UserRow | null> {
    const row = await this.database.kysely
      .selectFrom('users')
      .select([...PUBLIC_USER, 'passwordHash'])
      .where('email', '=', email)
      .executeTakeFirst();
    return row ?? null;
  }

  /** The user as they are now (role and disabled included); null when no such user. */
  async findById(id: string, db: Executor = this.database.kysely): Promise<PublicUser | null> {
    return (await userById(db, id))[0] ?? null;
  }

  async findWithHash(db: Executor, id: string): Promise<UserRow | null> {
    return (
      (await db
        .selectFrom('users')
        .select([...PUBLIC_USER, 'passwordHash'])
        .where('id', '=', id)
        .executeTakeFirst()) ?? null
    );
  }

  create(db: Executor, data: { email: string; name: string; role: Role; passwordHash: string }): Promise<PublicUser> {
    return db
      .insertInto('users')
      .values({ id: randomUUID(), ...data })
      .returning([...PUBLIC_USER])
      .executeTakeFirstOrThrow();
  }

  async update(db: Executor, id: string, changes: { role?: Role; disabled?: boolean; name?: string }): Promise<PublicUser | null> {
    return (
      (await db
        .updateTable('users')
        .set(changes)
        .where('id', '=', id)
        .returning([...PUBLIC_USER])
        .executeTakeFirst()) ?? null
    );
  }

  /**
   * The ids of the active administrators, their rows locked until the transaction ends, so two
   * concurrent demotions cannot both see "another admin remains" and leave none.
   */
  async lockActiveAdmins(db: Executor): Promise<string[]> {
    const rows = await db.selectFrom('users').select('id').where('role', '=', 'ADMIN').where('disabled', '=', false).forUpdate().execute();
    return rows.map((r) => r.id);
  }

  /** Replaces a password hash (a change, a reset, or a rehash at login to today's scrypt cost). */
  async updatePasswordHash(id: string, passwordHash: string, db: Executor = this.database.kysely): Promise<void> {
    await db.updateTable('users').set({ passwordHash }).where('id', '=', id).execute();
  }

  list(): Promise<PublicUser[]> {
    return this.database.kysely.selectFrom('users').select(PUBLIC_USER).orderBy('createdAt', 'asc').execute();
  }
}

const userById = compileOnce((db: Executor, id: string) => db.selectFrom('users').select(PUBLIC_USER).where('id', '=', id));
