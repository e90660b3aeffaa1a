/**
 * Timing helpers for the analysis-core benchmark. Cases that are compared with each other (a parser
 * and its csv-parse ceiling) are measured interleaved, in short alternating batches, so load from
 * other processes on a shared machine falls on both alike and their ratio stays meaningful.
 */
import { median, quantileSorted } from '../libs/analysis/src/core/numeric';

export interface TimingOptions {
  /** Warm-up calls per case before measuring (JIT tiers, inline caches). */
  warmupIterations: number;
  /** Measure every case for at least this many calls … */
  minIterations: number;
  /** … and at least this long in total, s. */
  minSeconds: number;
}

export interface Timing {
  iterations: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
}

export interface TimedCase<T = unknown> {
  run: () => T;
  /** Throws when the result is wrong, so a broken case never reports a speed; called once before timing. */
  check: (value: T) => void;
}

/** Aim for batches of about this many ms per case and round. */
const BATCH_MS = 25;

const elapsedMs = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6;

/**
 * Time each case call by call (process.hrtime.bigint) in rounds: every round runs each case for a
 * batch of about BATCH_MS, until every case has minIterations calls and minSeconds of measured time.
 * Results are kept in a sink so no call can be optimised away.
 */
export function timeInterleaved(cases: TimedCase[], options: TimingOptions): Timing[] {
  let sink = 0;
  const batches = cases.map((c) => {
    c.check(c.run());
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < options.warmupIterations; i++) sink += c.run() === undefined ? 1 : 0;
    const perCallMs = elapsedMs(t0) / Math.max(1, options.warmupIterations);
    return Math.max(1, Math.round(BATCH_MS / Math.max(perCallMs, 1e-3)));
  });
  const samples: number[][] = cases.map(() => []);
  const totalMs = cases.map(() => 0);
  const done = (k: number): boolean => samples[k].length >= options.minIterations && totalMs[k] >= options.minSeconds * 1000;
  while (!cases.every((_, k) => done(k))) {
    cases.forEach((c, k) => {
      for (let i = 0; i < batches[k]; i++) {
        const t0 = process.hrtime.bigint();
        const value = c.run();
        const ms = elapsedMs(t0);
        samples[k].push(ms);
        totalMs[k] += ms;
        if (value === undefined) sink++;
      }
    });
  }
  if (sink < 0) console.log(sink);
  return samples.map((s) => {
    const sorted = s.slice().sort((a, b) => a - b);
    return { iterations: sorted.length, medianMs: median(sorted), p95Ms: quantileSorted(sorted, 0.95), minMs: sorted[0] };
  });
}
