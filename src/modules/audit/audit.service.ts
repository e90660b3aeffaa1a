import { Injectable } from '@nestjs/common';
import type { Executor } from '../../infra/database/database';
import { type Viewer, visibleProjectIds } from '../projects/project-access';
import { AuditEntry, AuditRepository } from './audit.repository';

export type { AuditEntry } from './audit.repository';

/** Who did what, when, to which record. Writes go through the caller's transaction, so a change and its audit row land together. */
@Injectable()
export class AuditService {
  constructor(private readonly audit: AuditRepository) {}

  /** `projectId` names the project of the record acted on; leave it out (null) for global actions, which only ADMIN reads. */
  record(
    trx: Executor,
    actorId: string | null,
    action: string,
    entityType: string,
    entityId: string,
    data?: object,
    projectId: string | null = null,
  ): Promise<void> {
    return this.audit.insert(trx, { actorId, action, entityType, entityId, data, projectId });
  }

  /** The rows `viewer` may read: their projects' (ADMIN: all, global actions included). */
  list(entityId: string | undefined, limit: number, viewer: Viewer): Promise<AuditEntry[]> {
    return this.audit.list(entityId, limit, visibleProjectIds(viewer));
  }
}
