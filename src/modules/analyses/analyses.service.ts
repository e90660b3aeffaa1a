import { ForbiddenException, Inject, Injectable } from '@nestjs/common';
import type { Curves } from '../../../libs/analysis/src/core/types';
import { analysisPlot } from '../../../libs/analysis/src/plots/analysis-plot';
import { DomainError } from '../../common/domain-error';
import { fieldError } from '../../common/validation';
import { Database } from '../../infra/database/database';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../auth/auth.decorators';
import { assertVisible, isPiIn, type Viewer, visibleProjectIds } from '../projects/project-access';
import { AnalysesRepository, RunSummary, RunTarget } from './analyses.repository';
import { AnalysisProducer } from './analysis.producer';
import { compareVersions, currentVersionOf } from './analyzer-registry';
import { RerunDto } from './dto/rerun.dto';
import { TECHNIQUES, type Techniques } from '../techniques/technique-registry';
import { renderPlotSvg } from './render-plot-svg';

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
    failureKind: r.failureKind,
    retry: r.retry,
    retryOfId: r.retryOfId,
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
    @Inject(TECHNIQUES) private readonly techniques: Techniques,
  ) {}

  async get(id: string, viewer: Viewer, withCurves = false) {
    const run = await this.runs.find(id);
    assertVisible(viewer, run?.projectId, 'analysis run', id);
    return { ...toRunView(run), ...(withCurves ? { curves: run.curves } : {}) };
  }

  /**
   * The run's plot panels (libs/analysis analysisPlot) from its stored curves and metrics; read
   * through `get`, so whoever may read the run may read its plot and nobody else. The technique and
   * mode come from the run's measurement.
   */
  async plot(id: string, viewer: Viewer) {
    const run = await this.get(id, viewer, true);
    const measurement = await this.runs.measurementOf(run.measurementId);
    const mode = measurement?.conditions?.mode;
    const technique = measurement?.technique ?? run.analyzer.toUpperCase();
    const plot =
      run.status === 'SUCCEEDED'
        ? analysisPlot(technique, run.curves as Curves | null, run.metrics as Record<string, unknown> | null, mode === 'FC' || mode === 'ZFC' ? { mode } : {})
        : { panels: [] };
    return { runId: run.id, technique, status: run.status, panels: plot.panels };
  }

  /** The plot panels as one server-rendered SVG (see render-plot-svg.ts). */
  async plotSvg(id: string, viewer: Viewer): Promise<string> {
    return renderPlotSvg((await this.plot(id, viewer)).panels);
  }

  /**
   * A new attempt of a FAILED run, same analyzer version, queued at once (202). Refused (409) for
   * a run that has not failed, whose file the analyzer rejected (retrying cannot help: the reason
   * stands until a corrected file is uploaded), whose version was superseded (the file is queued
   * for the current one already), or that was retried already. The uploader of the file, a PI or
   * an ADMIN may retry.
   */
  async retry(id: string, user: AuthUser): Promise<{ analysisRunId: string; retryOf: string; retry: number }> {
    const run = await this.runs.find(id);
    assertVisible(user, run?.projectId, 'analysis run', id);
    if (!isPiIn(user, run.projectId) && (await this.runs.uploaderOf(run)) !== user.id) {
      throw new ForbiddenException({
        message: 'only the uploader of the file, a PI or an ADMIN may retry its analysis (a PI of the file’s project)',
        field: 'id',
      });
    }
    if (run.status !== 'FAILED') throw new DomainError('CONFLICT', `only a FAILED run can be retried; this one is ${run.status}`, 'id');
    if (run.failureKind === 'FILE') {
      throw new DomainError(
        'CONFLICT',
        `the analyzer rejected the file (${run.errorCode ?? 'FAILED'}: ${run.error ?? 'no reason given'}); a retry would fail the same way: upload a corrected file`,
        'id',
      );
    }
    if (run.failureKind === 'SUPERSEDED') {
      throw new DomainError(
        'CONFLICT',
        `analyzer ${run.analyzer} ${run.analyzerVersion} was replaced; the file was queued again for the current version`,
        'id',
      );
    }
    const created = await this.db.transaction(async (trx) => {
      const newId = await this.runs.createRetry(trx, run);
      if (newId) await this.audit.record(trx, user.id, 'analysis.retry', 'AnalysisRun', id, { retryRunId: newId, errorCode: run.errorCode }, run.projectId);
      return newId;
    });
    if (!created) {
      const later = await this.runs.retryOf(id);
      throw new DomainError('CONFLICT', `this run was retried already as run ${later}; retry that one if it failed too`, 'id');
    }
    await this.producer.publishCommitted([created]);
    return { analysisRunId: created, retryOf: id, retry: run.retry + 1 };
  }

  /**
   * Re-queues, as new runs of the current analyzer version, the newest run of each file that an
   * older version analysed (or one below `belowVersion`). Old results are kept; reads show the newest.
   */
  async rerun(dto: RerunDto, user: AuthUser): Promise<{ analysisRunIds: string[]; skipped: number }> {
    if (dto.analyzer && !currentVersionOf(this.techniques, dto.analyzer)) throw fieldError('analyzer', `unknown analyzer "${dto.analyzer}"`);
    // Only the caller's projects' files (a campaign of another project has none of them, so nothing is queued).
    const latest = await this.runs.latestRuns({ analyzer: dto.analyzer, campaignId: dto.campaignId, projectIds: visibleProjectIds(user) });
    const stale = latest.filter((r) => isOutdated(this.techniques, r) && (!dto.belowVersion || compareVersions(r.analyzerVersion, dto.belowVersion) < 0));
    const ids = await this.queueCurrentVersion(stale, user.id, 'analysis.rerun', dto.campaignId ?? dto.analyzer ?? '*', { ...dto });
    return { analysisRunIds: ids, skipped: latest.length - ids.length };
  }

  /**
   * What a worker does when it starts: every file whose newest run came from an older version of
   * its analyzer is queued again for the current one, so results follow the analyzers without
   * anyone asking. Workers starting together queue each file once (see queueCurrentVersion).
   */
  async reanalyzeOutdated(): Promise<string[]> {
    const stale = (await this.runs.latestRuns({})).filter((r) => isOutdated(this.techniques, r));
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
        const run = await this.runs.createOrGet(trx, {
          measurementId,
          fileId,
          fileSha256,
          analyzer,
          analyzerVersion: currentVersionOf(this.techniques, analyzer)!,
        });
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
const isOutdated = (registry: Techniques, r: { analyzer: string; analyzerVersion: string }): boolean => {
  const current = currentVersionOf(registry, r.analyzer);
  return current !== undefined && compareVersions(r.analyzerVersion, current) < 0;
};
