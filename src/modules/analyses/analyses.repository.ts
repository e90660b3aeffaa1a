import { Injectable } from '@nestjs/common';
import { AnalysisRun, Prisma, RunStatus, Technique } from '@prisma/client';
import { PgPool } from '../../infra/prisma/pg-pool';
import { Db, PrismaService } from '../../infra/prisma/prisma.service';

export type RunWithContext = AnalysisRun & {
  file: { content: Uint8Array; sha256: string };
  measurement: {
    id: string;
    technique: Technique;
    conditions: Prisma.JsonValue;
    sampleId: string;
    sample: { massMg: number | null; alloy: { densityGCm3: number } };
  };
};

/** The only place that touches analysis_runs. */
@Injectable()
export class AnalysesRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly pg: PgPool,
  ) {}

  /** Creates a QUEUED run unless (measurement, hash, analyzer, version) exists; returns the run either way. */
  async createOrGet(db: Db, data: { measurementId: string; fileId: string; fileSha256: string; analyzer: string; analyzerVersion: string }): Promise<{ run: AnalysisRun; created: boolean }> {
    const key = { measurementId: data.measurementId, fileSha256: data.fileSha256, analyzer: data.analyzer, analyzerVersion: data.analyzerVersion };
    const existing = await db.analysisRun.findUnique({ where: { measurementId_fileSha256_analyzer_analyzerVersion: key } });
    if (existing) return { run: existing, created: false };
    return { run: await db.analysisRun.create({ data }), created: true };
  }

  find(id: string): Promise<AnalysisRun | null> {
    return this.prisma.analysisRun.findUnique({ where: { id } });
  }

  async findWithContext(id: string): Promise<RunWithContext | null> {
    const run = await this.prisma.analysisRun.findUnique({
      where: { id },
      include: { measurement: { select: { id: true, technique: true, conditions: true, sampleId: true, sample: { select: { massMg: true, alloy: { select: { densityGCm3: true } } } } } } },
    });
    const content = run && (await this.fileContent(run.fileId));
    return run && content ? ({ ...run, file: { content, sha256: run.fileSha256 } } as RunWithContext) : null;
  }

  /** File bytes through plain pg (see PgPool for why). */
  private async fileContent(fileId: string): Promise<Buffer | undefined> {
    return (await this.pg.query<{ content: Buffer }>('SELECT content FROM data_files WHERE id = $1', [fileId]))[0]?.content;
  }

  markPublished(ids: string[]): Promise<unknown> {
    return this.prisma.analysisRun.updateMany({ where: { id: { in: ids } }, data: { publishedAt: new Date() } });
  }

  /** Moves QUEUED → RUNNING (or re-enters RUNNING after a crash) and counts the attempt; null when already finished. */
  async start(id: string): Promise<AnalysisRun | null> {
    const res = await this.prisma.analysisRun.updateMany({ where: { id, status: { in: ['QUEUED', 'RUNNING'] } }, data: { status: 'RUNNING', startedAt: new Date(), attempts: { increment: 1 } } });
    return res.count === 1 ? this.find(id) : null;
  }

  /** Records the outcome once: a duplicate delivery that finishes second changes nothing. */
  async finish(id: string, outcome: { status: Extract<RunStatus, 'SUCCEEDED' | 'FAILED'>; metrics?: unknown; warnings?: unknown; curves?: unknown; error?: string; errorCode?: string; timings: Record<string, number> }): Promise<boolean> {
    const json = (v: unknown) => (v === undefined ? undefined : (v as Prisma.InputJsonValue));
    const res = await this.prisma.analysisRun.updateMany({
      where: { id, status: 'RUNNING' },
      data: { status: outcome.status, metrics: json(outcome.metrics), warnings: json(outcome.warnings), curves: json(outcome.curves), error: outcome.error, errorCode: outcome.errorCode, timings: json(outcome.timings), finishedAt: new Date() },
    });
    return res.count === 1;
  }

  /** Runs whose publish never happened (Redis was down at upload time). */
  unpublished(createdBefore: Date, limit: number): Promise<{ id: string }[]> {
    return this.prisma.analysisRun.findMany({ where: { status: 'QUEUED', publishedAt: null, createdAt: { lt: createdBefore } }, select: { id: true }, orderBy: { createdAt: 'asc' }, take: limit });
  }

  /** Unfinished runs published long ago: their job may have been lost with Redis. */
  publishedBefore(before: Date, limit: number): Promise<{ id: string }[]> {
    return this.prisma.analysisRun.findMany({ where: { status: { in: ['QUEUED', 'RUNNING'] }, publishedAt: { lt: before } }, select: { id: true }, orderBy: { publishedAt: 'asc' }, take: limit });
  }

  /** The FC partner of a ZFC magnetic measurement: the newest file of an FC measurement of the same sample. */
  async fcPartnerBytes(sampleId: string, excludeMeasurementId: string): Promise<Uint8Array | undefined> {
    const link = await this.prisma.measurementFile.findFirst({
      where: { measurementId: { not: excludeMeasurementId }, measurement: { sampleId, technique: 'MAGNETIC', conditions: { path: ['mode'], equals: 'FC' } } },
      orderBy: { createdAt: 'desc' },
      select: { fileId: true },
    });
    return link ? this.fileContent(link.fileId) : undefined;
  }

  /** The newest run per (measurement, file, analyzer) matching the filter, for re-runs. */
  latestRuns(filter: { analyzer?: string; campaignId?: string }): Promise<AnalysisRun[]> {
    return this.prisma.analysisRun.findMany({
      where: {
        analyzer: filter.analyzer,
        ...(filter.campaignId ? { measurement: { sample: { assignments: { some: { campaignId: filter.campaignId } } } } } : {}),
      },
      orderBy: { createdAt: 'desc' },
      distinct: ['measurementId', 'fileId', 'analyzer'],
    });
  }

  create(db: Db, data: Prisma.AnalysisRunUncheckedCreateInput): Promise<AnalysisRun> {
    return db.analysisRun.create({ data });
  }
}
