import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { compileOnce } from '../../infra/database/compile-once';
import { Database, Executor } from '../../infra/database/database';
import type { Role } from '../../infra/database/schema';

/** The user a live session belongs to, as they are now. */
export interface SessionUser {
  id: string;
  email: string;
  role: Role;
}

/** The only place that touches sessions and password_resets. */
@Injectable()
export class SessionsRepository {
  constructor(private readonly database: Database) {}

  async create(userId: string, expiresAt: Date): Promise<string> {
    const id = randomUUID();
    await this.database.kysely.insertInto('sessions').values({ id, userId, expiresAt }).execute();
    return id;
  }

  /** The session's user when the session is live (not revoked, not expired) and the user is not disabled. */
  async liveUser(sessionId: string, userId: string): Promise<SessionUser | null> {
    return (await liveSessionUser(this.database.kysely, sessionId, userId))[0] ?? null;
  }

  async revoke(sessionId: string, db: Executor = this.database.kysely): Promise<void> {
    await db
      .updateTable('sessions')
      .set({ revokedAt: sql`now()` })
      .where('id', '=', sessionId)
      .where('revokedAt', 'is', null)
      .execute();
  }

  /** Revokes every live session of a user but `keep` (the one that asked); the ids revoked. */
  async revokeAllOf(db: Executor, userId: string, keep?: string): Promise<string[]> {
    let q = db
      .updateTable('sessions')
      .set({ revokedAt: sql`now()` })
      .where('userId', '=', userId)
      .where('revokedAt', 'is', null);
    if (keep) q = q.where('id', '!=', keep);
    return (await q.returning('id').execute()).map((r) => r.id);
  }

  async createReset(db: Executor, data: { userId: string; tokenHash: string; createdById: string; expiresAt: Date }): Promise<void> {
    // A new reset supersedes any earlier one still unused.
    await db
      .updateTable('password_resets')
      .set({ usedAt: sql`now()` })
      .where('userId', '=', data.userId)
      .where('usedAt', 'is', null)
      .execute();
    await db
      .insertInto('password_resets')
      .values({ id: randomUUID(), ...data })
      .execute();
  }

  /** Marks an unused, unexpired reset used and returns its user; null when there is none. */
  async consumeReset(db: Executor, tokenHash: string): Promise<string | null> {
    const row = await db
      .updateTable('password_resets')
      .set({ usedAt: sql`now()` })
      .where('tokenHash', '=', tokenHash)
      .where('usedAt', 'is', null)
      .where('expiresAt', '>', sql<Date>`now()`)
      .returning('userId')
      .executeTakeFirst();
    return row?.userId ?? null;
  }
}

/** Every cookie or login-JWT request resolves its session (cached a few seconds): compiled once. */
const liveSessionUser = compileOnce((db: Executor, sessionId: string, userId: string) =>
  db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.userId')
    .select(['u.id', 'u.email', 'u.role'])
    .where('s.id', '=', sessionId)
    .where('s.userId', '=', userId)
    .where('s.revokedAt', 'is', null)
    .where('s.expiresAt', '>', sql<Date>`now()`)
    .where('u.disabled', '=', false),
);
