import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Gauge, Histogram, Registry } from 'prom-client';
import { withTimeout } from '../../common/with-timeout';
import { QueueName } from '../../infra/queue/queue.constants';
import { AnalysesRepository } from '../analyses/analyses.repository';

const STATES = ['waiting', 'active', 'delayed', 'failed', 'prioritized', 'waiting-children'] as const;

/** How long a scrape waits for Redis; BullMQ's connection queues commands for ever while Redis is down. */
const REDIS_TIMEOUT_MS = 1000;

/**
 * Prometheus metrics read at scrape time from where the truth is: queue depth from BullMQ, job
 * durations from the runs the workers finished (so every worker replica is counted, not just one).
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private lastFinished = new Date();

  private readonly depth = new Gauge({
    name: 'vitrack_queue_jobs',
    help: 'Analysis jobs in the queue by state',
    labelNames: ['state'],
    registers: [this.registry],
  });
  private readonly queueUp = new Gauge({
    name: 'vitrack_queue_up',
    help: 'Whether Redis answered the queue-depth query of this scrape (1) or not within 1 s (0)',
    registers: [this.registry],
  });
  private readonly runsByStatus = new Gauge({
    name: 'vitrack_analysis_runs',
    help: 'Analysis runs by status',
    labelNames: ['status'],
    registers: [this.registry],
  });
  private readonly duration = new Histogram({
    name: 'vitrack_analysis_duration_seconds',
    help: 'Analysis job duration (load + analysis), by analyzer',
    labelNames: ['analyzer', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  constructor(
    @InjectQueue(QueueName.Analysis) private readonly queue: Queue,
    private readonly runs: AnalysesRepository,
  ) {}

  async scrape(): Promise<string> {
    const counts = await withTimeout(this.queue.getJobCounts(...STATES), REDIS_TIMEOUT_MS, 'Redis did not answer').catch(() => undefined);
    this.queueUp.set(counts ? 1 : 0);
    // No depth is better than a stale one: the gauge is left out until Redis answers again.
    this.depth.reset();
    if (counts) for (const s of STATES) this.depth.set({ state: s }, counts[s] ?? 0);
    const byStatus = await this.runs.countByStatus();
    this.runsByStatus.reset();
    for (const row of byStatus) this.runsByStatus.set({ status: row.status }, row.count);
    // Observe each run finished since the previous scrape once.
    const since = this.lastFinished;
    const finished = await this.runs.finishedAfter(since, 10_000);
    for (const r of finished) {
      const total = (r.timings as { totalMs?: number } | null)?.totalMs;
      if (typeof total === 'number') this.duration.observe({ analyzer: r.analyzer, status: r.status }, total / 1000);
      if (r.finishedAt && r.finishedAt > this.lastFinished) this.lastFinished = r.finishedAt;
    }
    return this.registry.metrics();
  }
}
