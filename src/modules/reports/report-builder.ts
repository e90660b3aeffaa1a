/**
 * The campaign report's pure core: ReportInput (rows the lead reads from the database) →
 * CampaignReport (per-piece values, per-level statistics, trend fits, open gaps). No I/O.
 */
import { fitLinear, levelStats, type LevelStat } from '../../../libs/analysis/src/trends/index';
import type { CampaignReport, LevelStatOut, ReportInput, TechniqueName } from './report.types';

/** Display label and unit of one report metric. */
export interface ReportMetricDef {
  label: string;
  unit: string;
}

/**
 * Every report metric in display order. The magnetic ones are always reported (the campaign's
 * point); the others only when at least one piece has a value.
 */
export const REPORT_METRICS = {
  tcOnsetK: { label: 'Tc onset', unit: 'K' },
  tcMidK: { label: 'Tc mid', unit: 'K' },
  chiAbs1p8KEmuPerGOe: { label: '|χ| at 1.8 K', unit: 'emu g⁻¹ Oe⁻¹' },
  shieldingFraction1p8K: { label: 'Shielding fraction at 1.8 K', unit: '' },
  fcZfcRatio: { label: 'FC/ZFC', unit: '' },
  tcResistiveK: { label: 'Tc resistive', unit: 'K' },
  q1InvA: { label: 'XRD q₁', unit: 'Å⁻¹' },
  dhRelaxJPerG: { label: 'ΔH relaxation', unit: 'J g⁻¹' },
} as const satisfies Record<string, ReportMetricDef>;

/** Key of a report metric (units in the name, as in CampaignReport.metrics). */
export type ReportMetricKey = keyof typeof REPORT_METRICS;

const ALWAYS_REPORTED: readonly ReportMetricKey[] = ['tcOnsetK', 'tcMidK', 'chiAbs1p8KEmuPerGOe', 'shieldingFraction1p8K', 'fcZfcRatio'];
const METRIC_ORDER = Object.keys(REPORT_METRICS) as ReportMetricKey[];
const TECHNIQUE_ORDER: readonly TechniqueName[] = ['XRD', 'SAXS', 'DSC', 'MAGNETIC', 'RESISTANCE'];

type Result = ReportInput['results'][number];

/** Per sample, the one result of each (technique, mode) the report reads. */
interface PieceResults {
  zfc?: Result;
  fc?: Result;
  /** A MAGNETIC result without a ZFC/FC label: used as the ZFC run when there is no labelled one. */
  magneticUnlabelled?: Result;
  resistance?: Result;
  xrd?: Result;
  dsc?: Result;
}

/** A finite number from an analyzer's metrics JSON, else null (strings, NaN, ±∞, missing). */
function num(metrics: Record<string, unknown> | undefined, key: string): number | null {
  const v = metrics?.[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** The input promises one result per (sample, technique, mode); should it hold more, the first wins. */
function firstOf(slot: Result | undefined, r: Result): Result {
  return slot ?? r;
}

function indexResults(results: ReportInput['results']): Map<string, PieceResults> {
  const bySample = new Map<string, PieceResults>();
  for (const r of results) {
    const entry = bySample.get(r.sampleId) ?? {};
    if (r.technique === 'MAGNETIC') {
      if (r.mode === 'ZFC') entry.zfc = firstOf(entry.zfc, r);
      else if (r.mode === 'FC') entry.fc = firstOf(entry.fc, r);
      else entry.magneticUnlabelled = firstOf(entry.magneticUnlabelled, r);
    } else if (r.technique === 'RESISTANCE') entry.resistance = firstOf(entry.resistance, r);
    else if (r.technique === 'XRD') entry.xrd = firstOf(entry.xrd, r);
    else if (r.technique === 'DSC') entry.dsc = firstOf(entry.dsc, r);
    bySample.set(r.sampleId, entry);
  }
  return bySample;
}

/** A piece's report metrics from its results (null when not measured or not finite). */
function pieceValues(res: PieceResults | undefined): Record<ReportMetricKey, number | null> {
  const zfc = (res?.zfc ?? res?.magneticUnlabelled)?.metrics;
  const fc = res?.fc?.metrics;
  const chiZfc = num(zfc, 'chiMass1p8K');
  const chiFc = num(fc, 'chiMass1p8K');
  // Prefer the analyzer's own ratio (it saw both sweeps together); else rebuild it from the two runs.
  let ratio = num(zfc, 'fcZfcRatio');
  if (ratio === null && chiZfc !== null && chiFc !== null && chiZfc !== 0) ratio = chiFc / chiZfc;
  return {
    tcOnsetK: num(zfc, 'tcOnsetK'),
    tcMidK: num(zfc, 'tcMidK'),
    chiAbs1p8KEmuPerGOe: chiZfc === null ? null : Math.abs(chiZfc),
    shieldingFraction1p8K: num(zfc, 'shieldingFraction1p8K'),
    fcZfcRatio: ratio,
    tcResistiveK: num(res?.resistance?.metrics, 'tcK'),
    q1InvA: num(res?.xrd?.metrics, 'q1InvA'),
    dhRelaxJPerG: num(res?.dsc?.metrics, 'dhRelaxJPerG'),
  };
}

const finiteOrNull = (v: number): number | null => (Number.isFinite(v) ? v : null);

/**
 * Per-level statistics over every campaign level (levels without data get n = 0 and nulls).
 * The baseline is the campaign's lowest level: if it has no data for this metric, changePct is
 * null throughout rather than silently measured against another level.
 */
function metricLevels(computed: LevelStat[], allLevels: number[]): LevelStatOut[] {
  const stats = new Map(computed.map((s) => [s.level, s]));
  const hasBaseline = allLevels.length > 0 && stats.has(allLevels[0]);
  return allLevels.map((level) => {
    const s = stats.get(level);
    if (!s) return { level, mean: null, std: null, n: 0, changePct: null };
    return { level, mean: finiteOrNull(s.mean), std: finiteOrNull(s.std), n: s.n, changePct: hasBaseline ? finiteOrNull(s.changePct) : null };
  });
}

type ExpFit = CampaignReport['fits']['chiExponential'];
type LinFit = CampaignReport['fits']['linear'][string];

/** One level's sufficient statistics for a least-squares fit: mean, within-level Σ(y − ȳ)², count. */
interface LevelMoments {
  t: number;
  mean: number;
  ss: number;
  n: number;
}

/** Inverse of a symmetric 3×3 matrix by cofactors; null when singular. */
function invert3(a: number[][]): number[][] | null {
  const [[a00, a01, a02], [, a11, a12], [, , a22]] = a;
  const c00 = a11 * a22 - a12 * a12;
  const c01 = a02 * a12 - a01 * a22;
  const c02 = a01 * a12 - a02 * a11;
  const det = a00 * c00 + a01 * c01 + a02 * c02;
  if (!Number.isFinite(det) || det === 0) return null;
  const c11 = a00 * a22 - a02 * a02;
  const c12 = a01 * a02 - a00 * a12;
  const c22 = a00 * a11 - a01 * a01;
  return [
    [c00 / det, c01 / det, c02 / det],
    [c01 / det, c11 / det, c12 / det],
    [c02 / det, c12 / det, c22 / det],
  ];
}

/**
 * |χ|(1.8 K) = k·exp(−t/τ) + y0 fitted to every piece (not to the level means), with the same
 * definitions as libs' fitExponentialDecay: least squares over all n points, cov = s²(JᵀJ)⁻¹ with
 * s² = SSR/(n − 3), R² = 1 − SSR/SST. Why not call it: its Levenberg–Marquardt runs 500 iterations
 * over all points (≈ 0.8 s for 1,000 pieces). Replicates at one level enter the sum of squares only
 * through their mean, spread and count, so the same minimum is found from per-level moments in
 * O(levels): for fixed τ, k and y0 are a weighted linear least-squares solution (variable
 * projection), and τ is a 1-D minimisation (log-spaced scan, then golden section) within the same
 * bounds as the library's fit. The spec checks it against fitExponentialDecay.
 */
function fitChiExponential(groups: LevelMoments[]): ExpFit {
  const n = groups.reduce((a, g) => a + g.n, 0);
  if (n < 4 || groups.length < 3) return null;
  const ssWithin = groups.reduce((a, g) => a + g.ss, 0);
  const grand = groups.reduce((a, g) => a + g.n * g.mean, 0) / n;
  const sst = groups.reduce((a, g) => a + g.ss + g.n * (g.mean - grand) ** 2, 0);
  const ts = groups.map((g) => g.t);
  const span = Math.max(...ts) - Math.min(...ts);
  const solve = (tau: number): { k: number; y0: number; ssr: number } => {
    let s = 0;
    let se = 0;
    let see = 0;
    let sy = 0;
    let sey = 0;
    for (const g of groups) {
      const e = Math.exp(-g.t / tau);
      s += g.n;
      se += g.n * e;
      see += g.n * e * e;
      sy += g.n * g.mean;
      sey += g.n * e * g.mean;
    }
    const det = s * see - se * se;
    if (!(det > 0)) return { k: NaN, y0: NaN, ssr: Infinity };
    const k = (s * sey - se * sy) / det;
    const y0 = (sy - k * se) / s;
    let ssr = ssWithin;
    for (const g of groups) ssr += g.n * (g.mean - k * Math.exp(-g.t / tau) - y0) ** 2;
    return { k, y0, ssr: Number.isFinite(ssr) ? ssr : Infinity };
  };
  const lo = Math.log(span * 1e-4);
  const hi = Math.log(span * 1e3);
  const steps = 280;
  let best = 0;
  let bestSsr = Infinity;
  for (let i = 0; i <= steps; i++) {
    const ssr = solve(Math.exp(lo + ((hi - lo) * i) / steps)).ssr;
    if (ssr < bestSsr) [best, bestSsr] = [i, ssr];
  }
  if (!Number.isFinite(bestSsr)) return null;
  // Golden section on log τ between the scan neighbours of the best point.
  const golden = (Math.sqrt(5) - 1) / 2;
  const ssrAt = (logTau: number): number => solve(Math.exp(logTau)).ssr;
  let a = lo + ((hi - lo) * Math.max(best - 1, 0)) / steps;
  let b = lo + ((hi - lo) * Math.min(best + 1, steps)) / steps;
  let c = b - golden * (b - a);
  let d = a + golden * (b - a);
  let fc = ssrAt(c);
  let fd = ssrAt(d);
  while (b - a > 1e-12) {
    if (fc <= fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - golden * (b - a);
      fc = ssrAt(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + golden * (b - a);
      fd = ssrAt(d);
    }
  }
  const tau = Math.exp((a + b) / 2);
  const { k, y0, ssr } = solve(tau);
  const jtj = [0, 1, 2].map(() => [0, 0, 0]);
  for (const grp of groups) {
    const e = Math.exp(-grp.t / tau);
    const j = [e, (k * grp.t * e) / (tau * tau), 1];
    for (let r = 0; r < 3; r++) for (let q = 0; q < 3; q++) jtj[r][q] += grp.n * j[r] * j[q];
  }
  const inv = invert3(jtj);
  const s2 = ssr / (n - 3);
  const err = (i: number): number => (inv ? Math.sqrt(Math.max(s2 * inv[i][i], 0)) : NaN);
  const out = { k, kErr: err(0), tauMin: tau, tauErrMin: err(1), y0, y0Err: err(2), r2: sst > 0 ? 1 - ssr / sst : 1, n };
  // A fit without finite parameters and errors is no result (and NaN would serialise as JSON null).
  return Object.values(out).every(Number.isFinite) ? out : null;
}

function linearFit(points: { level: number; value: number }[]): LinFit {
  if (points.length < 3) return null;
  const f = fitLinear(
    points.map((p) => p.level),
    points.map((p) => p.value),
  );
  const out = { slope: f.slope, slopeErr: f.slopeErr, intercept: f.intercept, interceptErr: f.interceptErr, r2: f.r2, n: points.length };
  return Object.values(out).every(Number.isFinite) ? out : null;
}

/** Cells of the level × technique matrix with fewer analysed pieces than planned, by level then technique. */
function gapsOf(progress: ReportInput['progress']): CampaignReport['gaps'] {
  return progress
    .filter((c) => c.analysed < c.planned)
    .map((c) => ({ level: c.level, technique: c.technique, missing: c.planned - c.analysed, failed: c.failed }))
    .sort((a, b) => a.level - b.level || TECHNIQUE_ORDER.indexOf(a.technique) - TECHNIQUE_ORDER.indexOf(b.technique));
}

/**
 * Build a campaign report (DESIGN.md "Trends"): per piece, the ZFC magnetic run's tcOnsetK,
 * tcMidK, |χ_mass(1.8 K)| (emu g⁻¹ Oe⁻¹), shielding fraction and FC/ZFC ratio (the run's own, else
 * χ_FC(1.8 K)/χ_ZFC(1.8 K) from the FC run), resistive Tc (K), XRD q1 (Å⁻¹) and DSC relaxation
 * enthalpy (J/g); per level and metric mean, sample std, n and % change against the lowest level;
 * for ANNEAL_HOLD_MIN campaigns the fit |χ| = k·exp(−t/τ) + y0 (t in min; ≥ 4 pieces over ≥ 3
 * levels); a linear fit of each metric against the level (≥ 3 pieces); the progress cells with
 * analysed < planned. Linear in the number of pieces and results.
 */
export function buildCampaignReport(input: ReportInput, now: Date = new Date()): CampaignReport {
  const bySample = indexResults(input.results);
  const pieces = input.pieces.map((p) => ({ sampleId: p.sampleId, code: p.code, level: p.level, values: pieceValues(bySample.get(p.sampleId)) }));

  const points = new Map<ReportMetricKey, { level: number; value: number }[]>(METRIC_ORDER.map((k) => [k, []]));
  for (const p of pieces) {
    if (!Number.isFinite(p.level)) continue;
    for (const key of METRIC_ORDER) {
      const value = p.values[key];
      if (value !== null) (points.get(key) as { level: number; value: number }[]).push({ level: p.level, value });
    }
  }
  const reported = METRIC_ORDER.filter((k) => ALWAYS_REPORTED.includes(k) || (points.get(k) as unknown[]).length > 0);
  const allLevels = [...new Set([...input.campaign.factor.levels, ...pieces.map((p) => p.level)].filter(Number.isFinite))].sort((a, b) => a - b);

  const metrics: CampaignReport['metrics'] = {};
  const linear: CampaignReport['fits']['linear'] = {};
  let chiExponential: ExpFit = null;
  for (const key of reported) {
    const pts = points.get(key) as { level: number; value: number }[];
    const stats = levelStats(pts);
    metrics[key] = { ...REPORT_METRICS[key], levels: metricLevels(stats, allLevels) };
    linear[key] = linearFit(pts);
    if (key === 'chiAbs1p8KEmuPerGOe' && input.campaign.factor.kind === 'ANNEAL_HOLD_MIN') {
      chiExponential = fitChiExponential(stats.map((s) => ({ t: s.level, mean: s.mean, ss: s.std * s.std * (s.n - 1), n: s.n })));
    }
  }

  return {
    campaign: input.campaign,
    generatedAt: now.toISOString(),
    metrics,
    // Every piece carries every reported key, so CSV columns line up.
    pieces: pieces.map((p) => ({ ...p, values: Object.fromEntries(reported.map((k) => [k, p.values[k]])) })),
    fits: { chiExponential, linear },
    progress: input.progress,
    gaps: gapsOf(input.progress),
  };
}
