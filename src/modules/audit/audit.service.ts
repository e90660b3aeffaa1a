import { Injectable } from '@nestjs/common';
import { Prisma } from '@prisma/client';
import { Db, PrismaService } from '../../infra/prisma/prisma.service';

export interface AuditEntry {
  id: string;
  at: Date;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data: unknown;
}

/** Who did what, when, to which record. Writes go through the caller's transaction, so a change and its audit row land together. */
@Injectable()
export class AuditService {
  constructor(private readonly prisma: PrismaService) {}

  async record(db: Db, actorId: string | null, action: string, entityType: string, entityId: string, data?: object): Promise<void> {
    await db.auditLog.create({ data: { actorId, action, entityType, entityId, data: (data ?? Prisma.JsonNull) as Prisma.InputJsonValue } });
  }

  async list(entityId: string | undefined, limit: number): Promise<AuditEntry[]> {
    const rows = await this.prisma.auditLog.findMany({
      where: entityId ? { entityId } : undefined,
      orderBy: { id: 'desc' },
      take: limit,
    });
    return rows.map((r) => ({ ...r, id: r.id.toString() }));
  }
}
