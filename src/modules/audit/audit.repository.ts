import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { compileOnce } from '../../infra/database/compile-once';
import { Database, Executor, json } from '../../infra/database/database';

export interface AuditEntry {
  id: string;
  at: Date;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  /** The project of the record acted on; null for global actions (users, tokens). */
  projectId: string | null;
  data: unknown;
}

/** The only place that touches audit_log (append-only: a trigger rejects UPDATE and DELETE). */
@Injectable()
export class AuditRepository {
  constructor(private readonly database: Database) {}

  async insert(
    db: Executor,
    row: { actorId: string | null; action: string; entityType: string; entityId: string; data?: object; projectId: string | null },
  ): Promise<void> {
    await insertAudit(db, row.actorId, row.action, row.entityType, row.entityId, json(row.data), row.projectId);
  }

  /**
   * Newest first; the bigint id comes back as a string. `projectIds` limits the rows to those
   * projects (global rows, with no project, are left out); undefined reads every row (ADMIN).
   */
  list(entityId: string | undefined, limit: number, projectIds: string[] | undefined): Promise<AuditEntry[]> {
    let q = this.database.kysely.selectFrom('audit_log').select(['id', 'at', 'actorId', 'action', 'entityType', 'entityId', 'projectId', 'data']);
    if (entityId !== undefined) q = q.where('entityId', '=', entityId);
    if (projectIds !== undefined) q = q.where('projectId', '=', sql<string>`ANY(${projectIds}::uuid[])`);
    return q.orderBy('id', 'desc').limit(limit).execute();
  }
}

const insertAudit = compileOnce(
  (db: Executor, actorId: string | null, action: string, entityType: string, entityId: string, data: string | null, projectId: string | null) =>
    db.insertInto('audit_log').values({ actorId, action, entityType, entityId, data, projectId }),
);
