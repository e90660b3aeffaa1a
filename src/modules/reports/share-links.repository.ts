import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { Database, Executor } from '../../infra/database/database';

export interface ShareLinkRow {
  id: string;
  campaignId: string;
  createdById: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

/** The only place that touches share_links. */
@Injectable()
export class ShareLinksRepository {
  constructor(private readonly database: Database) {}

  create(db: Executor, data: { campaignId: string; createdById: string; expiresAt: Date }): Promise<ShareLinkRow> {
    return db
      .insertInto('share_links')
      .values({ id: randomUUID(), ...data })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  listFor(campaignId: string): Promise<ShareLinkRow[]> {
    return this.database.kysely.selectFrom('share_links').selectAll().where('campaignId', '=', campaignId).orderBy('createdAt', 'desc').execute();
  }

  /** Revokes a link of that campaign; whether there was one. */
  async revoke(db: Executor, campaignId: string, id: string): Promise<boolean> {
    const row = await db
      .updateTable('share_links')
      .set({ revokedAt: sql`coalesce("revokedAt", now())` })
      .where('id', '=', id)
      .where('campaignId', '=', campaignId)
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  }

  /**
   * The campaign a live link opens; null otherwise. Live: unrevoked, unexpired, and its creator
   * could still make it (an enabled ADMIN, or an enabled PI of the campaign's project), so a link
   * stops working when its creator is demoted, removed from the project or disabled.
   */
  async liveCampaign(id: string): Promise<string | null> {
    const row = await this.database.kysely
      .selectFrom('share_links as sl')
      .innerJoin('campaigns as c', 'c.id', 'sl.campaignId')
      .innerJoin('users as u', 'u.id', 'sl.createdById')
      .select('sl.campaignId')
      .where('sl.id', '=', id)
      .where('sl.revokedAt', 'is', null)
      .where('sl.expiresAt', '>', sql<Date>`now()`)
      .where('u.disabled', '=', false)
      .where((eb) =>
        eb.or([
          eb('u.role', '=', 'ADMIN'),
          eb.exists(
            eb
              .selectFrom('project_members as pm')
              .select('pm.userId')
              .whereRef('pm.projectId', '=', 'c.projectId')
              .whereRef('pm.userId', '=', 'sl.createdById')
              .where('pm.role', '=', 'PI'),
          ),
        ]),
      )
      .executeTakeFirst();
    return row?.campaignId ?? null;
  }
}
