/**
 * A noisy disk neighbour, to see how the pipeline's tail reacts to disk contention: every
 * BENCH_NOISE_PERIOD_MS (default 2000) it writes BENCH_NOISE_MB (default 256) through the page
 * cache and fdatasyncs them, as another tenant's bulk write would. Run it beside a benchmark and
 * stop it with Ctrl-C or SIGTERM; it prints its slowest burst and removes its file.
 *
 *   node dist/bench/io-noise.js & node dist/bench/pipeline-throughput.js; kill %1
 */
import { closeSync, fdatasyncSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sleep } from './pipeline-common';

const mb = Number(process.env.BENCH_NOISE_MB ?? 256);
const periodMs = Number(process.env.BENCH_NOISE_PERIOD_MS ?? 2000);
const file = join(process.env.BENCH_NOISE_DIR ?? tmpdir(), `vitrack-io-noise-${process.pid}.bin`);
const chunk = Buffer.alloc(1 << 20, 7);
let bursts = 0;
let slowestMs = 0;

function stop(): never {
  try {
    unlinkSync(file);
  } catch {
    // never written
  }
  console.log(`io-noise: ${bursts} bursts of ${mb} MB every ${periodMs} ms into ${file}, slowest ${Math.round(slowestMs)} ms`);
  process.exit(0);
}

async function main(): Promise<void> {
  if (!(mb > 0 && periodMs > 0)) throw new Error('BENCH_NOISE_MB and BENCH_NOISE_PERIOD_MS must be > 0');
  process.on('SIGINT', stop).on('SIGTERM', stop);
  for (;;) {
    const t = performance.now();
    const fd = openSync(file, 'w');
    for (let i = 0; i < mb; i++) writeSync(fd, chunk);
    fdatasyncSync(fd);
    closeSync(fd);
    bursts++;
    slowestMs = Math.max(slowestMs, performance.now() - t);
    await sleep(Math.max(0, periodMs - (performance.now() - t)));
  }
}

if (require.main === module) void main();
