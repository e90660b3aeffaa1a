/**
 * BullMQ's own floor: the add → completed round trip of a job whose processor does nothing, sent
 * open-loop at the pipeline's rate from this process to a worker in another process (as the API
 * and the worker are), on a private queue prefix. The pipeline benchmark prints its overhead as a
 * ratio to this floor measured in the same run, so a loaded or slower machine shows up in both.
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { deleteKeysUnder } from '../scripts/redis-admin';
import { sleep, spread, Spread } from './pipeline-common';

export interface FloorOptions {
  prefix: string;
  rate: number;
  seconds: number;
  concurrency: number;
}

const QUEUE = 'bench-floor';

export async function measureBullmqFloor(o: FloorOptions): Promise<Spread & { lost: number }> {
  const url = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const queue = new Queue(QUEUE, { prefix: o.prefix, connection: { host: url.hostname, port: Number(url.port || 6379) } });
  const child = fork(join(__dirname, 'bullmq-floor-worker.js'), [QUEUE, o.prefix, String(o.concurrency)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const finished = new Map<string, number>();
  const ready = new Promise<void>((resolve, reject) => {
    child.on('message', (m: { ready?: boolean; id?: string; finishedMs?: number }) => {
      if (m.ready) resolve();
      else if (m.id) finished.set(m.id, m.finishedMs!);
    });
    child.once('exit', (code) => reject(new Error(`the floor worker exited with ${code}`)));
  });
  try {
    await ready;
    const count = Math.round(o.rate * o.seconds);
    const sentAt = new Map<string, number>();
    const intervalMs = 1000 / o.rate;
    const start = performance.now() + 50;
    const adds: Promise<unknown>[] = [];
    for (let i = 0; i < count; i++) {
      const wait = start + i * intervalMs - performance.now();
      if (wait > 0) await sleep(wait);
      const id = `floor-${i}`;
      sentAt.set(id, Date.now());
      // The analysis job's payload size and options (removeOnComplete), without the analysis.
      adds.push(queue.add('noop', { analysisRunId: '00000000-0000-0000-0000-000000000000' }, { jobId: id, removeOnComplete: true }));
    }
    await Promise.all(adds);
    const deadline = Date.now() + 30_000;
    while (finished.size < count && Date.now() < deadline) await sleep(50);
    const rtt = [...sentAt].filter(([id]) => finished.has(id)).map(([id, t]) => finished.get(id)! - t);
    return { ...spread(rtt), lost: count - rtt.length };
  } finally {
    child.disconnect();
    await queue.close();
    await deleteKeysUnder(o.prefix);
  }
}
