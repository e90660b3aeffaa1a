import { Injectable } from '@nestjs/common';
import { notFound } from '../../common/domain-error';
import { fieldError } from '../../common/validation';
import { Database } from '../../infra/database/database';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../auth/auth.decorators';
import { AnalysesRepository, RunSummary, RunTarget } from './analyses.repository';
import { AnalysisProducer } from './analysis.producer';
import { compareVersions, currentVersionOf } from './analyzer-registry';
import { RerunDto } from './dto/rerun.dto';

export function toRunView(r: RunSummary) {
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
    private readonly db: Database,
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
    const stale = latest.filter((r) => isOutdated(r) && (!dto.belowVersion || compareVersions(r.analyzerVersion, dto.belowVersion) < 0));
    const ids = await this.queueCurrentVersion(stale, user.id, 'analysis.rerun', dto.campaignId ?? dto.analyzer ?? '*', { ...dto });
    return { analysisRunIds: ids, skipped: latest.length - ids.length };
  }

  /**
   * What a worker does when it starts: every file whose newest run came from an older version of
   * its analyzer is queued again for the current one, so results follow the analyzers without
   * anyone asking. Workers starting together queue each file once (see queueCurrentVersion).
   */
  async reanalyzeOutdated(): Promise<string[]> {
    const stale = (await this.runs.latestRuns({})).filter(isOutdated);
    return this.queueCurrentVersion(stale, null, 'analysis.reanalyze', '*', { reason: 'analyzer versions changed' });
  }

  /**
   * Creates, for each target without one, a QUEUED run at its analyzer's current version, in one
   * transaction with the audit row, and publishes the new runs; returns their ids.
   */
  async queueCurrentVersion(targets: RunTarget[], actorId: string | null, action: string, entityId: string, data: object): Promise<string[]> {
    if (targets.length === 0) return [];
    const created = await this.db.transaction(async (trx) => {
      await this.runs.lockRequeues(trx);
      const ids: string[] = [];
      for (const t of targets) {
        const { measurementId, fileId, fileSha256, analyzer } = t;
        const run = await this.runs.createOrGet(trx, { measurementId, fileId, fileSha256, analyzer, analyzerVersion: currentVersionOf(analyzer)! });
        if (run.created) ids.push(run.id);
      }
      if (ids.length > 0) await this.audit.record(trx, actorId, action, 'AnalysisRun', entityId, { ...data, created: ids.length });
      return ids;
    });
    await this.producer.publish(created);
    return created;
  }
}

/** A run made by an older version of an analyzer this process knows. */
const isOutdated = (r: { analyzer: string; analyzerVersion: string }): boolean => {
  const current = currentVersionOf(r.analyzer);
  return current !== undefined && compareVersions(r.analyzerVersion, current) < 0;
};
