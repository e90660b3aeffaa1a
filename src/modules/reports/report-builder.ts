/**
 * The campaign report's pure core: ReportInput (rows the lead reads from the database) →
 * CampaignReport (per-piece values, per-level statistics, trend fits, open gaps). No I/O.
 */
import { fitExponentialDecay, fitLine, levelStats, type LevelStat } from '../../../libs/analysis/src/trends/index';
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

/** |χ|(1.8 K) = k·exp(−t/τ) + y0 over every piece (not the level means); null unless every value is finite. */
function fitChiExponential(points: { level: number; value: number }[]): ExpFit {
  const f = fitExponentialDecay(
    points.map((p) => p.level),
    points.map((p) => p.value),
  );
  const out = { k: f.k, kErr: f.kErr, tauMin: f.tau, tauErrMin: f.tauErr, y0: f.y0, y0Err: f.y0Err, r2: f.r2, n: points.length };
  // A fit without finite parameters and errors is no result (and NaN would serialise as JSON null).
  return Object.values(out).every(Number.isFinite) ? out : null;
}

function linearFit(points: { level: number; value: number }[]): LinFit {
  if (points.length < 3) return null;
  const f = fitLine(
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
      chiExponential = fitChiExponential(pts);
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
