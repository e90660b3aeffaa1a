import { Injectable } from '@nestjs/common';
import { AnalysisRun } from '@prisma/client';
import { notFound } from '../../common/domain-error';
import { fieldError } from '../../common/validation';
import { PrismaService } from '../../infra/prisma/prisma.service';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../auth/auth.decorators';
import { AnalysesRepository } from './analyses.repository';
import { AnalysisProducer } from './analysis.producer';
import { compareVersions, currentVersionOf } from './analyzer-registry';
import { RerunDto } from './dto/rerun.dto';

export function toRunView(r: AnalysisRun) {
  return {
    id: r.id,
    measurementId: r.measurementId,
    fileId: r.fileId,
    fileSha256: r.fileSha256,
    status: r.status,
    analyzer: r.analyzer,
    analyzerVersion: r.analyzerVersion,
    metrics: r.metrics,
    warnings: r.warnings,
    error: r.error,
    errorCode: r.errorCode,
    timings: r.timings,
    attempts: r.attempts,
    queuedAt: r.queuedAt,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
  };
}

@Injectable()
export class AnalysesService {
  constructor(
    private readonly runs: AnalysesRepository,
    private readonly producer: AnalysisProducer,
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
  ) {}

  async get(id: string, withCurves = false) {
    const run = await this.runs.find(id);
    if (!run) throw notFound('analysis run', id);
    return { ...toRunView(run), ...(withCurves ? { curves: run.curves } : {}) };
  }

  /**
   * Re-queues, as new runs of the current analyzer version, the newest run of each file that an
   * older version analysed (or one below `belowVersion`). Old results are kept; reads show the newest.
   */
  async rerun(dto: RerunDto, user: AuthUser): Promise<{ analysisRunIds: string[]; skipped: number }> {
    if (dto.analyzer && !currentVersionOf(dto.analyzer)) throw fieldError('analyzer', `unknown analyzer "${dto.analyzer}"`);
    const latest = await this.runs.latestRuns({ analyzer: dto.analyzer, campaignId: dto.campaignId });
    const stale = latest.filter((r) => {
      const current = currentVersionOf(r.analyzer);
      if (!current) return false;
      const olderThanCurrent = compareVersions(r.analyzerVersion, current) < 0;
      return dto.belowVersion ? compareVersions(r.analyzerVersion, dto.belowVersion) < 0 && olderThanCurrent : olderThanCurrent;
    });
    const created = await this.prisma.$transaction(async (tx) => {
      const ids: string[] = [];
      for (const r of stale) {
        const { run, created } = await this.runs.createOrGet(tx, { measurementId: r.measurementId, fileId: r.fileId, fileSha256: r.fileSha256, analyzer: r.analyzer, analyzerVersion: currentVersionOf(r.analyzer)! });
        if (created) ids.push(run.id);
      }
      await this.audit.record(tx, user.id, 'analysis.rerun', 'AnalysisRun', dto.campaignId ?? dto.analyzer ?? '*', { ...dto, created: ids.length });
      return ids;
    });
    await this.producer.publish(created);
    return { analysisRunIds: created, skipped: latest.length - created.length };
  }
}
