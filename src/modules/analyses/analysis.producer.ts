import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { REDIS } from '../../infra/redis/redis.module';
import { withTimeout } from '../../common/with-timeout';
import { ANALYSIS_JOB_OPTIONS, JobName, JobPayloads, QueueName } from '../../infra/queue/queue.constants';
import { AnalysesRepository } from './analyses.repository';

const REDIS_TIMEOUT_MS = 2000;

/** Puts runs on the queue (job id = run id, so a second add of the same run is a no-op) and records that it did. */
@Injectable()
export class AnalysisProducer {
  private readonly logger = new Logger(AnalysisProducer.name);

  constructor(
    @InjectQueue(QueueName.Analysis) private readonly queue: Queue<JobPayloads[JobName.AnalyzeFile]>,
    private readonly runs: AnalysesRepository,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  /** Returns true when published and recorded; false (run left for the sweeper) when Redis is unreachable. */
  async publish(runIds: string[]): Promise<boolean> {
    if (!(await this.add(runIds))) return false;
    await this.runs.markPublished(runIds);
    return true;
  }

  /**
   * For runs committed with publishedAt already set (an upload's run: it spares every upload a
   * second write and fsync). When Redis refuses, publishedAt is cleared so the sweeper publishes
   * within seconds; should that write fail too, or the process die before publishing, the
   * sweeper's check of stale unfinished runs finds the job missing and publishes it.
   */
  async publishCommitted(runIds: string[]): Promise<boolean> {
    if (await this.add(runIds)) return true;
    await this.runs.markUnpublished(runIds).catch((e: Error) => this.logger.warn(`could not mark ${runIds.length} run(s) unpublished: ${e.message}`));
    return false;
  }

  private async add(runIds: string[]): Promise<boolean> {
    if (runIds.length === 0) return true;
    // While Redis is down an upload must not wait on BullMQ's offline queue: leave it to the sweeper.
    // The process's plain connection to the same Redis tells whether it is reachable right now.
    if (this.redis.status !== 'ready') return false;
    try {
      // BullMQ commands wait for Redis to come back; an upload must not.
      await withTimeout(
        this.queue.addBulk(runIds.map((id) => ({ name: JobName.AnalyzeFile, data: { analysisRunId: id }, opts: { ...ANALYSIS_JOB_OPTIONS, jobId: id } }))),
        REDIS_TIMEOUT_MS,
        'Redis did not answer',
      );
      return true;
    } catch (e) {
      this.logger.warn(`could not publish ${runIds.length} run(s), the sweeper will retry: ${(e as Error).message}`);
      return false;
    }
  }

  /** Whether the queue still holds a job for this run (waiting, active, delayed or failed-and-retrying). */
  async hasJob(runId: string): Promise<boolean> {
    const job = await withTimeout(this.queue.getJob(runId), REDIS_TIMEOUT_MS, 'Redis did not answer');
    if (!job) return false;
    const state = await job.getState();
    return state !== 'completed' && state !== 'failed' && state !== 'unknown';
  }
}
