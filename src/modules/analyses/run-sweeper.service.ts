import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AnalysesRepository } from './analyses.repository';
import { AnalysisProducer } from './analysis.producer';

const SWEEP_EVERY_MS = 2_000;
/** A run published this long ago and still unfinished is checked against the queue. */
const STALE_AFTER_MS = 20_000;

/**
 * Nothing uploaded is lost: publishes runs whose publish failed (Redis was down at upload time)
 * and re-publishes unfinished runs whose job the queue no longer holds (Redis restarted empty).
 * Re-adding is safe: the job id is the run id, and the runner skips finished runs.
 */
@Injectable()
export class RunSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RunSweeper.name);
  private timer?: NodeJS.Timeout;
  private sweeping = false;

  constructor(
    private readonly runs: AnalysesRepository,
    private readonly producer: AnalysisProducer,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async sweep(now = Date.now()): Promise<number> {
    if (this.sweeping) return 0;
    this.sweeping = true;
    try {
      const toPublish = (await this.runs.unpublished(new Date(now - 1_000), 500)).map((r) => r.id);
      for (const run of await this.runs.publishedBefore(new Date(now - STALE_AFTER_MS), 100)) {
        if (!(await this.producer.hasJob(run.id))) toPublish.push(run.id);
        else await this.runs.markPublished([run.id]);
      }
      if (toPublish.length > 0 && (await this.producer.publish(toPublish))) this.logger.log(`published ${toPublish.length} waiting run(s)`);
      return toPublish.length;
    } catch (e) {
      this.logger.warn(`sweep failed, will retry: ${(e as Error).message}`);
      return 0;
    } finally {
      this.sweeping = false;
    }
  }
}
