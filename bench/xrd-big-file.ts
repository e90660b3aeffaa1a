/**
 * A legitimate big XRD file through the worker's analysis pool (issue 12, finding 9: a 52 MB file
 * took 74 s and 2.8 GB in the worker). Makes a BENCH_XRD_MB (52) MB pattern with the virtual
 * instrument, analyses it as the worker does (AnalysisPool: a piscina thread with
 * ANALYSIS_MAX_MEMORY_MB of heap and ANALYSIS_TIMEOUT_S), and samples this process's RSS (the
 * thread's memory included, as in the worker) every 20 ms. Runs once at the default bound
 * (2048 MB) and once at BENCH_SMALL_BOUND_MB (512): the first says what the file costs, the second
 * that a bound below it stops the analysis with a readable reason and the next file still runs.
 *
 *   npm run bench:build && node dist/bench/xrd-big-file.js
 *
 * Appends time, peak RSS − idle and each outcome to bench/history.jsonl.
 */
import { magneticCampaign } from '../libs/instruments/src/campaign';
import { loadEnv } from '../src/config/env';
import { AnalysisPool } from '../src/modules/analyses/analysis-pool';
import { BUILT_IN_TECHNIQUES } from '../src/modules/techniques/technique-registry';
import { machineLine, recordRun, verdict } from './history';
import { xrdOfSize } from './upload-memory';

const MB = Number(process.env.BENCH_XRD_MB ?? 52);
const SMALL_BOUND_MB = Number(process.env.BENCH_SMALL_BOUND_MB ?? 512);
const DEFAULT_BOUND_MB = 2048;

const rssMb = () => process.memoryUsage.rss() / 2 ** 20;

async function analyseOnce(bytes: Uint8Array, boundMb: number) {
  const pool = new AnalysisPool(
    loadEnv({ ...process.env, WORKER_CONCURRENCY: '1', ANALYSIS_MAX_MEMORY_MB: String(boundMb), ANALYSIS_TIMEOUT_S: '300' }),
    BUILT_IN_TECHNIQUES,
  );
  try {
    // A small file first starts the thread, so its start-up is not counted in the big file's time.
    const item = magneticCampaign('ANNEAL_453K', { piecesPerLevel: 1 }).items[0];
    const small = new Uint8Array(Buffer.from(item.zfc.text));
    const smallParams = { technique: 'MAGNETIC' as const, massG: item.massMg / 1000, densityGCm3: 5.9 };
    await pool.analyze(small, smallParams);
    const idle = rssMb();
    let peak = idle;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb())), 20);
    const t0 = performance.now();
    const outcome = await pool.analyze(bytes, { technique: 'XRD', wavelengthA: 1.5406 }).then(
      (r) => (r.ok ? `SUCCEEDED (q1 ${(r.value.metrics as { q1InvA?: number }).q1InvA?.toFixed(4)} Å⁻¹)` : `FAILED: ${r.error.message}`),
      (e: unknown) => `FAILED: ${(e as Error).message}`,
    );
    const ms = performance.now() - t0;
    clearInterval(sampler);
    const next = (await pool.analyze(small, smallParams)).ok;
    return { boundMb, ms, idle, peak, growth: peak - idle, outcome, nextOk: next };
  } finally {
    await pool.onApplicationShutdown();
  }
}

async function main(): Promise<void> {
  console.log(machineLine());
  const bytes = new Uint8Array(xrdOfSize(MB));
  console.log(`virtual XRD pattern: ${(bytes.length / 2 ** 20).toFixed(1)} MB`);
  const runs = [];
  for (const bound of [DEFAULT_BOUND_MB, SMALL_BOUND_MB]) {
    const r = await analyseOnce(bytes, bound);
    runs.push(r);
    console.log(
      `bound ${bound} MB: ${r.outcome} in ${(r.ms / 1000).toFixed(1)} s; RSS idle ${r.idle.toFixed(0)} MB, peak ${r.peak.toFixed(0)} MB (+${r.growth.toFixed(0)} MB); next file ${r.nextOk ? 'analysed' : 'FAILED'}`,
    );
  }
  const [full, small] = runs;
  recordRun(
    'xrd-big-file',
    { fileMb: Number((bytes.length / 2 ** 20).toFixed(1)), defaultBoundMb: DEFAULT_BOUND_MB, smallBoundMb: SMALL_BOUND_MB },
    { ms: full.ms, peakGrowthMb: full.growth, smallBoundMs: small.ms, smallBoundPeakGrowthMb: small.growth },
    {
      withinDefaultBound: verdict(full.outcome.startsWith('SUCCEEDED') && full.growth < DEFAULT_BOUND_MB),
      smallBoundStops: verdict(small.outcome.includes(`needed more than ${SMALL_BOUND_MB} MB`) && small.nextOk),
    },
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
