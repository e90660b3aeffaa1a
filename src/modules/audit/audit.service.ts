import { Injectable } from '@nestjs/common';
import type { Executor } from '../../infra/database/database';
import { AuditEntry, AuditRepository } from './audit.repository';

export type { AuditEntry } from './audit.repository';

/** Who did what, when, to which record. Writes go through the caller's transaction, so a change and its audit row land together. */
@Injectable()
export class AuditService {
  constructor(private readonly audit: AuditRepository) {}

  record(trx: Executor, actorId: string | null, action: string, entityType: string, entityId: string, data?: object): Promise<void> {
    return this.audit.insert(trx, { actorId, action, entityType, entityId, data });
  }

  list(entityId: string | undefined, limit: number): Promise<AuditEntry[]> {
    return this.audit.list(entityId, limit);
  }
}
