/**
 * Analysis-core throughput: files/s and MB/s for parse-only and parse+analyze of a 2,000-point
 * MPMS3 ZFC file and a 10,000-point XRD .xy pattern (both from the virtual instruments), plus the
 * real 1,893-row MPMS3 fixture (parse only: it is not a superconductor). The ceiling is csv-parse's
 * raw throughput (strings, no casting) on the same bytes' data section.
 *
 *   npm run bench:build && node dist/bench/analysis-throughput.js
 *
 * Env: BENCH_MIN_SECONDS (measured seconds per case, default 2), BENCH_MIN_ITERATIONS (default 200),
 * BENCH_WARMUP_ITERATIONS (default 50).
 * Targets (issue): parse ≥ 50 % of the csv-parse ceiling (MB/s) per file type; analysis of one MPMS
 * file ≤ 5 ms median; the segment split plus the local-Tc distribution fit ≤ 1 ms of it (issue 10). A MISS still exits 0 (this is a measurement); a wrong or failed result exits 1.
 */
import { parse as csvParse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeFile } from '../libs/analysis/src/analyze-file';
import type { AnalyzeParams } from '../libs/analysis/src/techniques';
import { analyzeMagnetic } from '../libs/analysis/src/magnetic/index';
import { locatedTransition } from '../libs/analysis/src/magnetic/analyze-magnetic';
import { splitSegments } from '../libs/analysis/src/magnetic/segments';
import { tcDistribution } from '../libs/analysis/src/magnetic/tc-distribution';
import { toMagneticSweep } from '../libs/analysis/src/multivu/extract';
import { parseMultiVu } from '../libs/analysis/src/multivu/parse-multivu';
import { analyzeXrd, parseXrd } from '../libs/analysis/src/xrd/index';
import { GLASS_DENSITY_G_CM3, iterateCampaign } from '../libs/instruments/src/campaign';
import { writeMpms3Vsm } from '../libs/instruments/src/mpms';
import { laAlXrdModel, virtualXrd } from '../libs/instruments/src/xrd';
import { TimedCase, timeInterleaved, Timing, TimingOptions } from './analysis-timing';
import { machineInfo, machineLine, recordRun, verdict, type MachineInfo } from './history';

const TARGET_PARSE_SHARE = 0.5;
const TARGET_MPMS_ANALYSIS_MS = 5;
/** Issue 10: splitting into segments and fitting the local-Tc distribution add at most this to a 2,000-point sweep. */
const TARGET_SEGMENTS_DISTRIBUTION_MS = 1;
const MPMS_POINTS = 2000;
const XRD_POINTS = 10000;
const REAL_FIXTURE = 'test/fixtures/real/mpms/magnetopy_zfc4a_VSM_100Oe_comments_MPMS3.dat';
/** Measurement rows; the file also holds one quoted comment row (PROVENANCE.md). */
const REAL_FIXTURE_ROWS = 1893;
/** MB here is 10⁶ bytes. */
const MB = 1e6;

type Stage = 'csv-parse ceiling' | 'parse' | 'parse+analyze' | 'analyze only' | 'segment split' | 'distribution fit';

export interface CaseFigures {
  file: string;
  stage: Stage;
  /** Bytes the stage reads: the whole file, or the data section for the ceiling; 0 when it reads no bytes. */
  bytes: number;
  timing: Timing;
  filesPerS: number;
  mbPerS: number | null;
  /** MB/s of this stage ÷ MB/s of the file's csv-parse ceiling. */
  shareOfCeiling: number | null;
}

export interface AnalysisThroughputReport {
  machine: MachineInfo;
  options: TimingOptions;
  rows: CaseFigures[];
  verdict: {
    mpmsParseShare: number;
    xrdParseShare: number;
    realMpmsParseShare: number;
    mpmsAnalysisMs: number;
    mpmsParseAnalyzeMs: number;
    /** Segment split + local-Tc distribution fit of the 2,000-point sweep, ms (medians added). */
    segmentsAndDistributionMs: number;
    /** That over the analysis without the distribution fit (analyze only − distribution fit). */
    segmentsAndDistributionShare: number;
  };
}

interface BenchFile {
  label: string;
  fileName: string;
  bytes: Buffer;
  /** The bytes csv-parse reads: everything after the header. */
  dataSection: Buffer;
  csvOptions: Record<string, unknown>;
  /** csv-parse records expected (column-name line and comment rows included). */
  csvRecords: number;
}

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** The bytes after the `[Data]` line of a MultiVu file: the column-name line, then the rows. */
function multiVuDataSection(bytes: Buffer): Buffer {
  const marker = bytes.indexOf('[Data]');
  assert(marker >= 0, 'no [Data] line');
  return bytes.subarray(bytes.indexOf(0x0a, marker) + 1);
}

/** The bytes after the last leading `#` comment line of an .xy file. */
function xyDataSection(bytes: Buffer): Buffer {
  let start = 0;
  while (bytes[start] === 0x23) start = bytes.indexOf(0x0a, start) + 1;
  return bytes.subarray(start);
}

/** 2,000-point MPMS3 VSM-mode ZFC warming sweep of the as-quenched La75Al25 glass (campaign model). */
function mpmsSyntheticFile(): BenchFile {
  const first = iterateCampaign('ANNEAL_453K', { format: 'MPMS3_VSM', piecesPerLevel: 1 }).next();
  assert(!first.done, 'campaign yielded nothing');
  const { model, massMg } = first.value;
  const file = writeMpms3Vsm(model, {
    mode: 'ZFC',
    direction: 'up',
    startK: 1.8,
    endK: 6,
    points: MPMS_POINTS,
    fieldOe: 20,
    massMg,
    noiseEmu: 5e-8,
    seed: 7,
    sampleName: 'LA75-BENCH',
  });
  const bytes = Buffer.from(file.text, 'utf8');
  // Column-name line + the quoted "ZFC, 20" comment row + the points.
  return {
    label: `MPMS3 ZFC ${MPMS_POINTS} pt (virtual)`,
    fileName: file.fileName,
    bytes,
    dataSection: multiVuDataSection(bytes),
    csvOptions: { relax_column_count: true },
    csvRecords: MPMS_POINTS + 2,
  };
}

function mpmsRealFile(): BenchFile {
  const bytes = readFileSync(join(__dirname, '..', '..', REAL_FIXTURE));
  return {
    label: `MPMS3 real fixture ${REAL_FIXTURE_ROWS} rows`,
    fileName: REAL_FIXTURE.split('/').pop() ?? '',
    bytes,
    dataSection: multiVuDataSection(bytes),
    csvOptions: { relax_column_count: true },
    csvRecords: REAL_FIXTURE_ROWS + 2,
  };
}

/** 10,000-point 2θ pattern of the La75Al25 glass, 10–89.992° in 0.008° steps, single-space separated. */
function xrdSyntheticFile(): BenchFile {
  const file = virtualXrd(laAlXrdModel(), { format: 'xy-2theta', twoThetaMinDeg: 10, twoThetaMaxDeg: 89.992, stepDeg: 0.008, seed: 3 });
  const bytes = Buffer.from(file.bytes);
  return {
    label: `XRD xy ${XRD_POINTS} pt (virtual)`,
    fileName: file.fileName,
    bytes,
    dataSection: xyDataSection(bytes),
    csvOptions: { delimiter: ' ' },
    csvRecords: XRD_POINTS,
  };
}

function figures(file: string, stage: Stage, bytes: number, timing: Timing, ceilingMbPerS?: number): CaseFigures {
  const mbPerS = bytes > 0 ? bytes / MB / (timing.medianMs / 1000) : null;
  return {
    file,
    stage,
    bytes,
    timing,
    filesPerS: 1000 / timing.medianMs,
    mbPerS,
    shareOfCeiling: mbPerS !== null && ceilingMbPerS !== undefined ? mbPerS / ceilingMbPerS : null,
  };
}

interface StageCase {
  stage: Stage;
  bytes: number;
  timed: TimedCase;
}

function stageCase<T>(stage: Stage, bytes: number, run: () => T, check: (value: T) => void): StageCase {
  return { stage, bytes, timed: { run, check: (value) => check(value as T) } };
}

function ceilingCase(f: BenchFile): StageCase {
  return stageCase(
    'csv-parse ceiling',
    f.dataSection.length,
    (): string[][] => csvParse(f.dataSection, f.csvOptions),
    (records) => assert(records.length === f.csvRecords, `${f.label}: csv-parse read ${records.length} records, expected ${f.csvRecords}`),
  );
}

function parseAnalyzeCase(f: BenchFile, params: AnalyzeParams): StageCase {
  return stageCase(
    'parse+analyze',
    f.bytes.length,
    () => analyzeFile(f.bytes, params),
    (r) => assert(r.ok, `${f.label}: analyzeFile failed: ${r.ok ? '' : `${r.error.code} ${r.error.message}`}`),
  );
}

/** Time one file's stages interleaved; the first stage must be its ceiling. */
function measureFile(f: BenchFile, stages: StageCase[], options: TimingOptions): CaseFigures[] {
  const timings = timeInterleaved(
    stages.map((s) => s.timed),
    options,
  );
  const ceilingMbPerS = f.dataSection.length / MB / (timings[0].medianMs / 1000);
  return stages.map((s, k) => figures(f.label, s.stage, s.bytes, timings[k], s.stage === 'parse' || s.stage === 'parse+analyze' ? ceilingMbPerS : undefined));
}

function mpmsParseCase(f: BenchFile, rows: number): StageCase {
  return stageCase(
    'parse',
    f.bytes.length,
    () => parseMultiVu(f.bytes),
    (r) => assert(r.ok && r.value.rowCount === rows, `${f.label}: parseMultiVu gave ${r.ok ? `${r.value.rowCount} rows` : r.error.message}`),
  );
}

export function runAnalysisThroughput(options: TimingOptions, log: (line: string) => void = console.log): AnalysisThroughputReport {
  const machine = machineInfo();
  log(machineLine(machine));
  log(
    `timing: per file, its stages interleaved in ~25 ms batches; ${options.warmupIterations} warm-up calls, then ≥ ${options.minIterations} calls and ≥ ${options.minSeconds} s per stage (process.hrtime.bigint per call)`,
  );

  const mpms = mpmsSyntheticFile();
  const real = mpmsRealFile();
  const xrd = xrdSyntheticFile();
  for (const f of [mpms, real, xrd]) log(`  ${f.label}: ${f.fileName}, ${f.bytes.length} bytes (data section ${f.dataSection.length} bytes)`);

  // Analysis alone runs on the sweep already extracted from the parsed file.
  const parsed = parseMultiVu(mpms.bytes);
  assert(parsed.ok, 'MPMS parse failed');
  const sweep = toMagneticSweep(parsed.value);
  assert(sweep.ok && parsed.value.massMg !== undefined, 'MPMS sweep extraction failed');
  const magneticParams = { massG: parsed.value.massMg / 1000, densityGCm3: GLASS_DENSITY_G_CM3 };
  const located = locatedTransition(sweep.value, magneticParams.massG);
  assert(located.ok, 'MPMS transition not located');
  const t = located.value;
  // rowCount counts the quoted comment row too.
  const mpmsRows = measureFile(
    mpms,
    [
      ceilingCase(mpms),
      mpmsParseCase(mpms, MPMS_POINTS + 1),
      parseAnalyzeCase(mpms, { fileName: mpms.fileName, densityGCm3: GLASS_DENSITY_G_CM3 }),
      stageCase(
        'analyze only',
        0,
        () => analyzeMagnetic(sweep.value, magneticParams),
        (r) => assert(r.ok && r.value.metrics.tcOnsetK !== null, `analyzeMagnetic failed: ${r.ok ? 'no onset' : r.error.message}`),
      ),
      stageCase(
        'segment split',
        0,
        () => splitSegments({ temperatureK: sweep.value.temperatureK, fieldOe: sweep.value.fieldOe, rows: sweep.value.rows, comments: parsed.value.comments }),
        (segments) => assert(segments.length === 1 && segments[0].mode === 'ZFC', `splitSegments gave ${segments.length} segments`),
      ),
      stageCase(
        'distribution fit',
        0,
        () => tcDistribution(t.distinctK, t.signal, t.noise, t.shape, t.lowValue),
        (d) => assert(d.muK !== null && d.sigmaK !== null, 'the Gaussian local-Tc fit failed'),
      ),
    ],
    options,
  );
  const realRows = measureFile(real, [ceilingCase(real), mpmsParseCase(real, REAL_FIXTURE_ROWS + 1)], options);

  const pattern = parseXrd(xrd.bytes, xrd.fileName);
  assert(pattern.ok, 'XRD parse failed');
  const xrdRows = measureFile(
    xrd,
    [
      ceilingCase(xrd),
      stageCase(
        'parse',
        xrd.bytes.length,
        () => parseXrd(xrd.bytes, xrd.fileName),
        (r) => assert(r.ok && r.value.x.length === XRD_POINTS, `${xrd.label}: parseXrd gave ${r.ok ? `${r.value.x.length} points` : r.error.message}`),
      ),
      parseAnalyzeCase(xrd, { fileName: xrd.fileName }),
      stageCase(
        'analyze only',
        0,
        () => analyzeXrd(pattern.value, {}),
        (r) => assert(r.ok, `analyzeXrd failed: ${r.ok ? '' : r.error.message}`),
      ),
    ],
    options,
  );

  const rows = [...mpmsRows, ...realRows, ...xrdRows];
  const [, mpmsParse, mpmsFull, mpmsAnalysis, split, fit] = mpmsRows;
  const added = split.timing.medianMs + fit.timing.medianMs;
  return {
    machine,
    options,
    rows,
    verdict: {
      mpmsParseShare: mpmsParse.shareOfCeiling ?? 0,
      xrdParseShare: xrdRows[1].shareOfCeiling ?? 0,
      realMpmsParseShare: realRows[1].shareOfCeiling ?? 0,
      mpmsAnalysisMs: mpmsAnalysis.timing.medianMs,
      mpmsParseAnalyzeMs: mpmsFull.timing.medianMs,
      segmentsAndDistributionMs: added,
      segmentsAndDistributionShare: added / (mpmsAnalysis.timing.medianMs - fit.timing.medianMs),
    },
  };
}

const fixed = (x: number, digits: number): string => x.toFixed(digits);
const verdictOf = (pass: boolean): string => (pass ? 'PASS' : 'MISS');

export function printReport(r: AnalysisThroughputReport, log: (line: string) => void = console.log): void {
  const head = ['file', 'stage', 'bytes', 'calls', 'median ms', 'p95 ms', 'min ms', 'files/s', 'MB/s', '% ceiling'];
  const body = r.rows.map((row) => [
    row.file,
    row.stage,
    row.bytes > 0 ? String(row.bytes) : '—',
    String(row.timing.iterations),
    fixed(row.timing.medianMs, 3),
    fixed(row.timing.p95Ms, 3),
    fixed(row.timing.minMs, 3),
    fixed(row.filesPerS, 1),
    row.mbPerS === null ? '—' : fixed(row.mbPerS, 1),
    row.shareOfCeiling === null ? '' : `${fixed(100 * row.shareOfCeiling, 0)} %`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const b of body) log(line(b));
  log('\nceiling = csv-parse 7 `parse(buffer, options)` (sync, records as strings, no cast) on the data section of the same bytes:');
  log('  MPMS: the bytes after the `[Data]` line (column-name line + rows), { relax_column_count: true }, default quote/delimiter;');
  log("  XRD:  the bytes after the leading '#' lines (rows only), { delimiter: ' ' }.");
  log('parse = parseMultiVu(bytes) / parseXrd(bytes, fileName) on the whole file (decode, header, rows → number columns).');
  log('parse+analyze = analyzeFile(bytes, params): detection, parse, extraction and the analyzer, as the worker calls it.');
  log('analyze only = analyzeMagnetic(sweep, { massG, densityGCm3 }) / analyzeXrd(pattern) on an already-parsed input.');
  log('segment split = splitSegments of the sweep; distribution fit = tcDistribution on its located transition (both already inside analyze only).');
  log("files/s = 1000 / median ms; MB/s = bytes / 10⁶ / median s; % ceiling = MB/s ÷ the same file's csv-parse MB/s.");

  const v = r.verdict;
  const pct = (x: number): string => `${fixed(100 * x, 0)} %`;
  log('\nverdict');
  log(
    `  MPMS parse ≥ ${pct(TARGET_PARSE_SHARE)} of ceiling:        ${verdictOf(v.mpmsParseShare >= TARGET_PARSE_SHARE)} (${pct(v.mpmsParseShare)}; real fixture ${pct(v.realMpmsParseShare)})`,
  );
  log(`  XRD parse ≥ ${pct(TARGET_PARSE_SHARE)} of ceiling:         ${verdictOf(v.xrdParseShare >= TARGET_PARSE_SHARE)} (${pct(v.xrdParseShare)})`);
  log(
    `  MPMS analysis median ≤ ${TARGET_MPMS_ANALYSIS_MS} ms:         ${verdictOf(v.mpmsAnalysisMs <= TARGET_MPMS_ANALYSIS_MS)} (analyze only ${fixed(v.mpmsAnalysisMs, 3)} ms)`,
  );
  log(
    `  (stricter reading, parse+analyze ≤ ${TARGET_MPMS_ANALYSIS_MS} ms: ${verdictOf(v.mpmsParseAnalyzeMs <= TARGET_MPMS_ANALYSIS_MS)}, ${fixed(v.mpmsParseAnalyzeMs, 3)} ms)`,
  );
  log(
    `  segments + distribution ≤ ${TARGET_SEGMENTS_DISTRIBUTION_MS} ms: ${verdictOf(v.segmentsAndDistributionMs <= TARGET_SEGMENTS_DISTRIBUTION_MS)} (${fixed(v.segmentsAndDistributionMs, 3)} ms, ${pct(v.segmentsAndDistributionShare)} of the analysis without them)`,
  );
  log(`machine: ${r.machine.cpus} CPU (${r.machine.cpuModel}), node ${r.machine.node}; single-threaded, other processes share the cores`);
}

function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const v = Number(raw);
  if (!Number.isFinite(v) || v < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  return v;
}

function main(): void {
  const options: TimingOptions = {
    warmupIterations: envNumber('BENCH_WARMUP_ITERATIONS', 50),
    minIterations: envNumber('BENCH_MIN_ITERATIONS', 200),
    minSeconds: envNumber('BENCH_MIN_SECONDS', 2),
  };
  const report = runAnalysisThroughput(options);
  printReport(report);
  const v = report.verdict;
  recordRun(
    'analysis-throughput',
    { minIterations: options.minIterations, minSeconds: options.minSeconds },
    {
      mpmsParseSharePct: 100 * v.mpmsParseShare,
      realMpmsParseSharePct: 100 * v.realMpmsParseShare,
      xrdParseSharePct: 100 * v.xrdParseShare,
      mpmsAnalysisMs: v.mpmsAnalysisMs,
      mpmsParseAnalyzeMs: v.mpmsParseAnalyzeMs,
      segmentsAndDistributionMs: v.segmentsAndDistributionMs,
      segmentsAndDistributionSharePct: 100 * v.segmentsAndDistributionShare,
    },
    {
      mpmsParseShare: verdict(v.mpmsParseShare >= TARGET_PARSE_SHARE),
      xrdParseShare: verdict(v.xrdParseShare >= TARGET_PARSE_SHARE),
      mpmsAnalysis: verdict(v.mpmsAnalysisMs <= TARGET_MPMS_ANALYSIS_MS),
      segmentsAndDistribution: verdict(v.segmentsAndDistributionMs <= TARGET_SEGMENTS_DISTRIBUTION_MS),
    },
  );
}

if (require.main === module) {
  try {
    main();
  } catch (e) {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exitCode = 1;
  }
}
