import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { DelayedError, Job } from 'bullmq';
import { Env } from '../../config/env';
import { JobName, JobPayloads, QueueName } from '../../infra/queue/queue.constants';
import { AnalysisRunner } from './analysis-runner.service';

/** How long a run made for a newer analyzer than this worker's waits before a worker looks again. */
export const NEWER_ANALYZER_WAIT_MS = 30_000;

/** Thin: each job analyses one run. Short locks so a killed worker's job is recovered within seconds. */
@Processor(QueueName.Analysis, { lockDuration: 15_000, stalledInterval: 5_000, maxStalledCount: 3, autorun: false })
export class AnalysisProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly runner: AnalysisRunner,
    private readonly env: Env,
  ) {
    super();
  }

  /** Concurrency comes from validated config, not from process.env inside the decorator. */
  onApplicationBootstrap(): void {
    this.worker.concurrency = this.env.WORKER_CONCURRENCY;
    void this.worker.run();
  }

  async process(job: Job<JobPayloads[JobName.AnalyzeFile]>, token?: string): Promise<string> {
    const outcome = await this.runner.run(job.data.analysisRunId, job.timestamp);
    if (outcome === 'later') {
      // Not a failure: the job waits, without spending an attempt, for a worker with the newer analyzer.
      await job.moveToDelayed(Date.now() + NEWER_ANALYZER_WAIT_MS, token);
      throw new DelayedError();
    }
    return outcome;
  }

  @OnWorkerEvent('failed')
  async onFailed(job: Job<JobPayloads[JobName.AnalyzeFile]> | undefined, error: Error): Promise<void> {
    if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) await this.runner.giveUp(job.data.analysisRunId, error.message);
  }
}
