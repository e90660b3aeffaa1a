/**
 * The campaign report's pure core: ReportInput (rows the lead reads from the database) →
 * CampaignReport (per-piece values, per-level statistics, trend fits, open gaps). No I/O.
 */
import { crossTechniqueOfRuns } from '../../../libs/analysis/src/cross-technique/index';
import { fitExponentialDecay, fitLine, levelStats, type LevelStat } from '../../../libs/analysis/src/trends/index';
import type { PieceRuns } from '../../../libs/analysis/src/technique/technique';
import type { RegisteredReportMetric, TechniqueRegistryView } from '../../../libs/analysis/src/technique/registry';
import { TECHNIQUE_REGISTRY } from '../../../libs/analysis/src/techniques';
import type { CampaignReport, LevelStatOut, ReportInput } from './report.types';

/** The report metric fitted as k·exp(−t/τ) + y0 over anneal hold time (|χ|(1.8 K)), if the registry has one. */
export const decayFitMetric = (registry: TechniqueRegistryView = TECHNIQUE_REGISTRY): RegisteredReportMetric | undefined =>
  registry.reportMetrics.find((m) => m.decayFit);

/**
 * Per sample and technique, the runs a report reads (metrics still as stored): by mode for a
 * technique with modes, the primary-mode run (else one without a mode) as `main`; otherwise the
 * technique's run. The input promises one result per (sample, technique, mode); should it hold
 * more, the first wins.
 */
function indexResults(results: ReportInput['results'], registry: TechniqueRegistryView): Map<string, Map<string, PieceRuns<unknown>>> {
  const bySample = new Map<string, Map<string, PieceRuns<unknown> & { unlabelled?: unknown }>>();
  for (const r of results) {
    const technique = registry.get(r.technique);
    if (!technique) continue;
    const byTechnique = bySample.get(r.sampleId) ?? new Map<string, PieceRuns<unknown> & { unlabelled?: unknown }>();
    bySample.set(r.sampleId, byTechnique);
    const runs = byTechnique.get(r.technique) ?? { byMode: {} };
    byTechnique.set(r.technique, runs);
    if (!technique.modes) runs.main ??= r.metrics;
    else if (r.mode === null) runs.unlabelled ??= r.metrics;
    else runs.byMode[r.mode] ??= r.metrics;
  }
  for (const byTechnique of bySample.values()) {
    for (const [id, runs] of byTechnique) {
      const primary = registry.get(id)?.modes?.primary;
      if (primary !== undefined) runs.main = runs.byMode[primary] ?? runs.unlabelled;
      delete runs.unlabelled;
    }
  }
  return bySample;
}

/** A piece's report metrics from its runs, every registered report metric present (null when not measured). */
function pieceValues(runs: Map<string, PieceRuns<unknown>> | undefined, registry: TechniqueRegistryView): Record<string, number | null> {
  const values: Record<string, number | null> = {};
  for (const technique of registry.list) Object.assign(values, technique.reportValues(runs?.get(technique.id) ?? { byMode: {} }));
  return values;
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

/**
 * Every cell of the level × technique matrix short of analysed results — including cells of a
 * level no piece is assigned to (`noPieces`), a missing baseline among them — by level then registry order.
 */
function gapsOf(progress: ReportInput['progress'], registry: TechniqueRegistryView): CampaignReport['gaps'] {
  const order = (t: string): number => registry.ids.indexOf(t);
  return progress
    .filter((c) => c.planned === 0 || c.analysed < c.planned)
    .map((c) => ({ level: c.level, technique: c.technique, missing: c.planned - c.analysed, failed: c.failed, noPieces: c.planned === 0 }))
    .sort((a, b) => a.level - b.level || order(a.technique) - order(b.technique));
}

/** The plain-words warnings a report carries (HTML and CSV show them): today, a baseline level without data. */
function reportWarnings(baselineLevel: number | null, baselineMissing: boolean, factor: ReportInput['campaign']['factor']): string[] {
  if (!baselineMissing || baselineLevel === null) return [];
  const unit = factor.kind === 'ANNEAL_HOLD_MIN' ? ' min' : factor.kind === 'CRYO_CYCLES' ? ' cycles' : '';
  return [`the baseline level (${baselineLevel}${unit}) has no data: changes against it cannot be computed`];
}

/**
 * Build a campaign report (docs/analysis-definitions.md "Trends"): per piece, the value of every report metric the
 * registry's techniques declare (magnetic ones from the ZFC run, e.g. |χ_mass(1.8 K)| in
 * emu g⁻¹ Oe⁻¹ and the FC/ZFC ratio — the run's own, else χ_FC(1.8 K)/χ_ZFC(1.8 K) from the FC
 * run —, resistive Tc, XRD q1, DSC relaxation enthalpy); per level and metric mean, sample std, n
 * and % change against the lowest level; for ANNEAL_HOLD_MIN campaigns the fit of the decay-fit
 * metric (|χ|) = k·exp(−t/τ) + y0 (t in min; ≥ 4 pieces over ≥ 3 levels); a linear fit of each
 * metric against the level (≥ 3 pieces); the progress cells with analysed < planned or no pieces
 * at all; whether the baseline (lowest) level has no data (`baselineMissing`, with a warning); per piece
 * the cross-technique comparison of its ZFC and resistance runs (crossTechniqueOfRuns). Metrics marked
 * `always` are reported even unmeasured, the others only when some piece has a value. Linear in
 * the number of pieces and results.
 */
export function buildCampaignReport(input: ReportInput, now: Date = new Date(), registry: TechniqueRegistryView = TECHNIQUE_REGISTRY): CampaignReport {
  const runs = indexResults(input.results, registry);
  const resultsBySample = new Map<string, ReportInput['results']>();
  for (const r of input.results) {
    const own = resultsBySample.get(r.sampleId);
    if (own) own.push(r);
    else resultsBySample.set(r.sampleId, [r]);
  }
  const pieces = input.pieces.map((p) => ({
    sampleId: p.sampleId,
    code: p.code,
    level: p.level,
    matchBroken: p.matchBroken ?? false,
    mismatches: p.mismatches ?? [],
    values: pieceValues(runs.get(p.sampleId), registry),
    crossTechnique: crossTechniqueOfRuns(resultsBySample.get(p.sampleId) ?? [], registry),
  }));

  const points = new Map<string, { level: number; value: number }[]>(registry.reportMetrics.map((m) => [m.key, []]));
  for (const p of pieces) {
    if (!Number.isFinite(p.level)) continue;
    for (const m of registry.reportMetrics) {
      const value = p.values[m.key];
      if (value !== null) (points.get(m.key) as { level: number; value: number }[]).push({ level: p.level, value });
    }
  }
  const reported = registry.reportMetrics.filter((m) => m.always || (points.get(m.key) as unknown[]).length > 0);
  const allLevels = [...new Set([...input.campaign.factor.levels, ...pieces.map((p) => p.level)].filter(Number.isFinite))].sort((a, b) => a - b);

  const metrics: CampaignReport['metrics'] = {};
  const linear: CampaignReport['fits']['linear'] = {};
  let chiExponential: ExpFit = null;
  for (const m of reported) {
    const pts = points.get(m.key) as { level: number; value: number }[];
    const stats = levelStats(pts);
    metrics[m.key] = { label: m.label, unit: m.unit, levels: metricLevels(stats, allLevels) };
    linear[m.key] = linearFit(pts);
    if (m.decayFit && input.campaign.factor.kind === 'ANNEAL_HOLD_MIN') chiExponential = fitChiExponential(pts);
  }

  // The baseline is the lowest campaign level; it "has data" when one of its pieces has a reported value.
  const baselineLevel = allLevels.length > 0 ? allLevels[0] : null;
  const baselineMissing =
    baselineLevel !== null && !pieces.some((p) => p.level === baselineLevel && reported.some((m) => p.values[m.key] !== null && p.values[m.key] !== undefined));

  return {
    campaign: input.campaign,
    generatedAt: now.toISOString(),
    baselineLevel,
    baselineMissing,
    warnings: reportWarnings(baselineLevel, baselineMissing, input.campaign.factor),
    metrics,
    // Every piece carries every reported key, so CSV columns line up.
    pieces: pieces.map((p) => ({ ...p, values: Object.fromEntries(reported.map((m) => [m.key, p.values[m.key]])) })),
    fits: { chiExponential, linear },
    progress: input.progress,
    gaps: gapsOf(input.progress, registry),
  };
}
