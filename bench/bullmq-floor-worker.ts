/**
 * Child process of bench/bullmq-floor.ts: a BullMQ worker with the analysis processor's options and
 * a processor that does nothing, so the parent measures the queue's own add → completed round trip.
 * It tells the parent each completion time over IPC (same machine clock as the parent's send time).
 */
import { Worker } from 'bullmq';

const [queueName, prefix, concurrency] = process.argv.slice(2);
const url = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');

const worker = new Worker(queueName, () => Promise.resolve(), {
  prefix,
  connection: { host: url.hostname, port: Number(url.port || 6379), maxRetriesPerRequest: null },
  concurrency: Number(concurrency),
  // The same lock and stall settings as src/modules/analyses/analysis.processor.ts.
  lockDuration: 15_000,
  stalledInterval: 5_000,
  maxStalledCount: 3,
});
worker.on('completed', (job) => process.send?.({ id: job.id, finishedMs: Date.now() }));
void worker.waitUntilReady().then(() => process.send?.({ ready: true }));
process.on('disconnect', () => void worker.close().finally(() => process.exit(0)));
