/**
 * How parseMultiVu's time grows with the file: each large real MPMS/PPMS fixture is parsed whole and
 * cut to 1/8, 1/4 and 1/2 of its bytes, and the growth exponent b of time ∝ bytes^b is fitted
 * (least squares on log time against log bytes, over each cut's fastest call, the one least
 * disturbed by other processes and by garbage collection). A linear-time parser gives b ≈ 1; a
 * quadratic step (e.g. re-scanning the header per row) gives b ≈ 2. This replaced a wall-clock
 * assertion in the property spec, which flaked on busy machines.
 *
 *   npm run bench:build && node dist/bench/parse-scaling.js
 *
 * Env: BENCH_MIN_SECONDS (measured seconds per cut, default 0.5), BENCH_MIN_ITERATIONS (default 20).
 * Target: b ≤ 1.25 for every file (PASS/MISS; a MISS still exits 0, this is a measurement).
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseMultiVu } from '../libs/analysis/src/multivu/parse-multivu';
import { realFixtureFiles } from '../scripts/real-fixtures';
import { timeInterleaved, type TimedCase } from './analysis-timing';
import { recordRun, verdict } from './history';

const FRACTIONS = [1 / 8, 1 / 4, 1 / 2, 1];
const TARGET_EXPONENT = 1.25;
/** Only files big enough for the cuts to differ by more than fixed costs. */
const MIN_BYTES = 250_000;

/** Slope of the least-squares line through (ln x, ln y). */
function logLogSlope(xs: number[], ys: number[]): number {
  const lx = xs.map(Math.log);
  const ly = ys.map(Math.log);
  const mx = lx.reduce((a, b) => a + b, 0) / lx.length;
  const my = ly.reduce((a, b) => a + b, 0) / ly.length;
  const sxy = lx.reduce((a, x, i) => a + (x - mx) * (ly[i] - my), 0);
  const sxx = lx.reduce((a, x) => a + (x - mx) ** 2, 0);
  return sxy / sxx;
}

const options = {
  warmupIterations: 5,
  minIterations: Number(process.env.BENCH_MIN_ITERATIONS ?? 20),
  minSeconds: Number(process.env.BENCH_MIN_SECONDS ?? 0.5),
};

function main(): void {
  const files = [...realFixtureFiles('mpms'), ...realFixtureFiles('ppms')].filter((f) => statSync(f).size >= MIN_BYTES);
  const figures: Record<string, number> = {};
  let worst = 0;
  const exponents: number[] = [];
  console.log('file                                                 cut    kB   median ms   min ms   min µs/kB');
  for (const file of files) {
    const bytes = new Uint8Array(readFileSync(file));
    const cuts = FRACTIONS.map((f) => bytes.subarray(0, Math.floor(bytes.length * f)));
    const cases: TimedCase[] = cuts.map((cut) => ({
      run: () => parseMultiVu(cut),
      check: (r) => {
        if (!(r as ReturnType<typeof parseMultiVu>).ok) throw new Error(`${basename(file)}: a cut of ${cut.length} bytes did not parse`);
      },
    }));
    const timings = timeInterleaved(cases, options);
    const exponent = logLogSlope(
      cuts.map((c) => c.length),
      timings.map((t) => t.minMs),
    );
    worst = Math.max(worst, exponent);
    timings.forEach((t, i) => {
      const name = i === 0 ? basename(file).slice(0, 52).padEnd(52) : ''.padEnd(52);
      const kb = cuts[i].length / 1000;
      console.log(
        `${name} ${FRACTIONS[i].toFixed(3)}  ${kb.toFixed(0).padStart(5)}  ${t.medianMs.toFixed(3).padStart(9)}  ${t.minMs.toFixed(3).padStart(7)}  ${((t.minMs * 1000) / kb).toFixed(2).padStart(9)}`,
      );
    });
    console.log(`${''.padEnd(52)} growth exponent b = ${exponent.toFixed(2)}`);
    exponents.push(exponent);
  }
  figures.worstExponent = worst;
  figures.meanExponent = exponents.reduce((a, b) => a + b, 0) / exponents.length;
  const pass = worst <= TARGET_EXPONENT;
  console.log(`\nworst growth exponent (time ∝ bytes^b; linear 1, quadratic 2): ${worst.toFixed(2)} (target ≤ ${TARGET_EXPONENT}): ${verdict(pass)}`);
  recordRun('parse-scaling', { minSeconds: options.minSeconds, files: files.length }, figures, { linearTime: verdict(pass) });
}

main();
