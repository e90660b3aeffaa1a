import { Injectable } from '@nestjs/common';
import { Campaign, Prisma, RunStatus, Technique } from '@prisma/client';
import { Db, PrismaService } from '../../infra/prisma/prisma.service';

export interface AssignedPiece {
  sampleId: string;
  code: string;
  level: number;
}

export interface MeasurementFacts {
  sampleId: string;
  technique: Technique;
  mode: 'ZFC' | 'FC' | null;
  fileCount: number;
  runs: { id: string; status: RunStatus; analyzer: string; analyzerVersion: string; createdAt: Date; metrics: Prisma.JsonValue }[];
}

/** The only place that touches campaigns and campaign_assignments. */
@Injectable()
export class CampaignsRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(db: Db, data: Prisma.CampaignUncheckedCreateInput): Promise<Campaign> {
    return db.campaign.create({ data });
  }

  find(id: string): Promise<Campaign | null> {
    return this.prisma.campaign.findUnique({ where: { id } });
  }

  list(): Promise<Campaign[]> {
    return this.prisma.campaign.findMany({ orderBy: { createdAt: 'desc' } });
  }

  upsertAssignment(db: Db, campaignId: string, sampleId: string, level: number, createdById: string) {
    return db.campaignAssignment.upsert({
      where: { campaignId_sampleId: { campaignId, sampleId } },
      create: { campaignId, sampleId, level, createdById },
      update: { level },
    });
  }

  async pieces(campaignId: string): Promise<AssignedPiece[]> {
    const rows = await this.prisma.campaignAssignment.findMany({
      where: { campaignId },
      select: { sampleId: true, level: true, sample: { select: { code: true } } },
      orderBy: [{ level: 'asc' }, { sample: { code: 'asc' } }],
    });
    return rows.map((r) => ({ sampleId: r.sampleId, code: r.sample.code, level: r.level }));
  }

  /** Every measurement of the campaign's pieces with its file count and runs (no curves, no bytes). */
  async measurementFacts(campaignId: string): Promise<MeasurementFacts[]> {
    const rows = await this.prisma.measurement.findMany({
      where: { sample: { assignments: { some: { campaignId } } } },
      select: {
        sampleId: true,
        technique: true,
        conditions: true,
        _count: { select: { files: true } },
        runs: { select: { id: true, status: true, analyzer: true, analyzerVersion: true, createdAt: true, metrics: true }, orderBy: { createdAt: 'desc' } },
      },
    });
    return rows.map((m) => {
      const mode = (m.conditions as { mode?: unknown } | null)?.mode;
      return { sampleId: m.sampleId, technique: m.technique, mode: mode === 'ZFC' || mode === 'FC' ? mode : null, fileCount: m._count.files, runs: m.runs };
    });
  }
}
