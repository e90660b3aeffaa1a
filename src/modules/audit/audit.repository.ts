import { Injectable } from '@nestjs/common';
import { compileOnce } from '../../infra/database/compile-once';
import { Database, Executor, json } from '../../infra/database/database';

export interface AuditEntry {
  id: string;
  at: Date;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data: unknown;
}

/** The only place that touches audit_log (append-only: a trigger rejects UPDATE and DELETE). */
@Injectable()
export class AuditRepository {
  constructor(private readonly database: Database) {}

  async insert(db: Executor, row: { actorId: string | null; action: string; entityType: string; entityId: string; data?: object }): Promise<void> {
    await insertAudit(db, row.actorId, row.action, row.entityType, row.entityId, json(row.data));
  }

  /** Newest first; the bigint id comes back as a string. */
  list(entityId: string | undefined, limit: number): Promise<AuditEntry[]> {
    let q = this.database.kysely.selectFrom('audit_log').select(['id', 'at', 'actorId', 'action', 'entityType', 'entityId', 'data']);
    if (entityId !== undefined) q = q.where('entityId', '=', entityId);
    return q.orderBy('id', 'desc').limit(limit).execute();
  }
}

const insertAudit = compileOnce((db: Executor, actorId: string | null, action: string, entityType: string, entityId: string, data: string | null) =>
  db.insertInto('audit_log').values({ actorId, action, entityType, entityId, data }),
);
