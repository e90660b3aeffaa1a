import { Inject, Injectable, Logger } from '@nestjs/common';
import { TECHNIQUES, type Techniques } from '../techniques/technique-registry';
import { AnalysesRepository } from './analyses.repository';
import { AnalysesService } from './analyses.service';
import { paramsFor } from './analysis-params';
import { AnalysisLimitError, AnalysisPool } from './analysis-pool';
import { compareVersions, currentVersionOf } from './analyzer-registry';
import { RunEventsPublisher } from './run-events';

/** Runs one analysis run to completion, idempotently; throws only on transient failures (so BullMQ retries). */
@Injectable()
export class AnalysisRunner {
  private readonly logger = new Logger(AnalysisRunner.name);

  constructor(
    private readonly runs: AnalysesRepository,
    private readonly events: RunEventsPublisher,
    private readonly analyses: AnalysesService,
    private readonly pool: AnalysisPool,
    @Inject(TECHNIQUES) private readonly techniques: Techniques,
  ) {}

  /**
   * 'done' when the run has its outcome, 'skipped' when it had one already, 'later' when it asks
   * for a newer analyzer version than this worker has, or an analyzer it does not have (during a
   * rolling upgrade: a newer worker will take it).
   */
  async run(runId: string, enqueuedAt?: number): Promise<'done' | 'skipped' | 'later'> {
    const t0 = Date.now();
    const run = await this.runs.claim(runId, this.techniques.analyzerVersions);
    if (!run) return this.unclaimed(runId);
    await this.events.emit({ runId, status: 'RUNNING', measurementId: run.measurementId, projectId: run.projectId, analyzer: run.analyzer });
    // The only partner file a technique declares today is MAGNETIC's FC sweep, which this query serves.
    const params = await paramsFor(this.techniques, run, () => this.runs.fcPartnerBytes(run.sampleId, run.measurementId));
    const t1 = Date.now();
    // In a thread with time and memory limits: a limit hit is the file's outcome, not a transient failure.
    const result = await this.pool.analyze(run.content, params).catch((e: unknown) => {
      if (e instanceof AnalysisLimitError) return { ok: false as const, error: { message: e.message, code: e.code } };
      throw e;
    });
    const t2 = Date.now();
    const timings = { queueWaitMs: enqueuedAt ? Math.max(0, t0 - enqueuedAt) : 0, loadMs: t1 - t0, analysisMs: t2 - t1, totalMs: 0 };
    const finish = async (outcome: Parameters<AnalysesRepository['finish']>[1]) => {
      outcome.timings.totalMs = Date.now() - t0;
      if (await this.runs.finish(runId, outcome)) {
        await this.events.emit({
          runId,
          status: outcome.status,
          measurementId: run.measurementId,
          projectId: run.projectId,
          analyzer: run.analyzer,
          error: outcome.error,
        });
      }
    };
    if (!result.ok) {
      // A malformed file or an analysis that cannot apply fails at once with the reason; retrying cannot help.
      // A time or memory limit may pass on a quieter worker, so it can be retried; the analyzer's own reason cannot.
      const failureKind = result.error.code === 'ANALYSIS_TIMEOUT' || result.error.code === 'ANALYSIS_OUT_OF_MEMORY' ? 'TRANSIENT' : 'FILE';
      await finish({ status: 'FAILED', error: result.error.message, errorCode: result.error.code, failureKind, timings });
      this.logger.log(`run ${runId} failed: ${result.error.message}`);
      return 'done';
    }
    const { metrics, warnings, curves, format } = result.value;
    await finish({ status: 'SUCCEEDED', metrics: { ...metrics, format }, warnings, curves, timings });
    return 'done';
  }

  /**
   * A run this worker could not claim: finished already, or made for another analyzer version.
   * One made for an older version than this worker's (queued before an upgrade) is failed as
   * superseded and its file queued for the current version: analysing it here would label new
   * results with the old version.
   */
  private async unclaimed(runId: string): Promise<'done' | 'skipped' | 'later'> {
    const run = await this.runs.runState(runId);
    if (!run || (run.status !== 'QUEUED' && run.status !== 'RUNNING')) return 'skipped';
    const mine = currentVersionOf(this.techniques, run.analyzer);
    if (!mine || compareVersions(run.analyzerVersion, mine) > 0) return 'later';
    const reason = `analyzer ${run.analyzer} ${run.analyzerVersion} was replaced by ${mine} before this run started; the file is queued again for ${mine}`;
    if (await this.runs.failUnfinished(runId, 'ANALYZER_SUPERSEDED', reason, 'SUPERSEDED')) {
      await this.events.emit({ runId, status: 'FAILED', measurementId: run.measurementId, projectId: run.projectId, analyzer: run.analyzer, error: reason });
      await this.analyses.queueCurrentVersion([run], null, 'analysis.reanalyze', runId, { superseded: runId });
    }
    return 'done';
  }

  /** Called when BullMQ gives up on a job after its last attempt. */
  async giveUp(runId: string, reason: string): Promise<void> {
    const run = await this.runs.runState(runId);
    if (!run) return;
    if (await this.runs.failUnfinished(runId, 'TRANSIENT_FAILURE', `gave up after ${run.attempts} attempt(s): ${reason}`, 'TRANSIENT')) {
      await this.events.emit({ runId, status: 'FAILED', measurementId: run.measurementId, projectId: run.projectId, analyzer: run.analyzer, error: reason });
    }
  }
}
