import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { Job } from 'bullmq';
import { Env } from '../../config/env';
import { JobName, JobPayloads, QueueName } from '../../infra/queue/queue.constants';
import { AnalysisRunner } from './analysis-runner.service';

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

  async process(job: Job<JobPayloads[JobName.AnalyzeFile]>): Promise<string> {
    return this.runner.run(job.data.analysisRunId, job.timestamp);
  }

  @OnWorkerEvent('failed')
  async onFailed(job: Job<JobPayloads[JobName.AnalyzeFile]> | undefined, error: Error): Promise<void> {
    if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) await this.runner.giveUp(job.data.analysisRunId, error.message);
  }
}
