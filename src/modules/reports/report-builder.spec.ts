import { TOY, writeToyFile } from '../../../test/toy-technique/toy.technique';
import { TECHNIQUE_REGISTRY } from '../../../libs/analysis/src/techniques';
import { fitExponentialDecay } from '../../../libs/analysis/src/trends/index';
import { analysedAnnealCampaign, reportInput, reportRun, type AnalysedCampaign } from '../../../test/factories/report.factory';
import { buildCampaignReport } from './report-builder';
import type { CampaignReport, ReportInput, TechniqueName } from './report.types';

const NOW = new Date('2026-11-27T10:00:00Z');
const levelOf = (report: CampaignReport, key: string, level: number) => report.metrics[key].levels.find((s) => s.level === level)!;

describe('buildCampaignReport on the analysed 453 K anneal campaign (virtual MPMS files → analyzeFile)', () => {
  let campaign: AnalysedCampaign;
  let report: CampaignReport;
  beforeAll(() => {
    campaign = analysedAnnealCampaign();
    report = buildCampaignReport(campaign.input, NOW);
  });

  it('reports every piece with the six magnetic metrics and nothing unmeasured', () => {
    expect(report.generatedAt).toBe('2026-11-27T10:00:00.000Z');
    expect(Object.keys(report.metrics)).toEqual(['tcOnsetK', 'tcMidK', 'chiAbs1p8KEmuPerGOe', 'shieldingFraction1p8K', 'fcZfcRatio', 'tcSigmaK']);
    expect(report.metrics.chiAbs1p8KEmuPerGOe).toMatchObject({ label: '|χ| at 1.8 K', unit: 'emu g⁻¹ Oe⁻¹' });
    expect(report.pieces).toHaveLength(12);
    for (const p of report.pieces) {
      expect(Object.keys(p.values)).toEqual(Object.keys(report.metrics));
      for (const v of Object.values(p.values)) expect(Number.isFinite(v)).toBe(true);
      expect(p.values.chiAbs1p8KEmuPerGOe).toBeGreaterThan(0);
    }
    for (const key of Object.keys(report.metrics)) {
      expect(report.metrics[key].levels.map((s) => [s.level, s.n])).toEqual([0, 0.5, 1, 5, 8, 10].map((l) => [l, 2]));
      expect(report.metrics[key].levels[0].changePct).toBe(0);
    }
  });

  it('recovers the generating τ within 10 % from the piece-level points', () => {
    const fit = report.fits.chiExponential!;
    const g = campaign.generating;
    expect(fit.n).toBe(12);
    expect(Math.abs(fit.tauMin / g.tauMin! - 1)).toBeLessThan(0.1);
    expect(Math.abs(fit.k / g.kEmuPerGOe! - 1)).toBeLessThan(0.1);
    expect(Math.abs(fit.y0 / g.y0EmuPerGOe! - 1)).toBeLessThan(0.1);
    expect(fit.tauErrMin).toBeGreaterThan(0);
    expect(fit.tauErrMin).toBeLessThan(0.1 * fit.tauMin);
    expect(fit.r2).toBeGreaterThan(0.99);
  });

  it('finds the same least-squares fit as the library’s fitExponentialDecay on all piece points', () => {
    const t = report.pieces.map((p) => p.level);
    const lib = fitExponentialDecay(
      t,
      report.pieces.map((p) => p.values.chiAbs1p8KEmuPerGOe!),
    );
    const fit = report.fits.chiExponential!;
    const rel = (a: number, b: number) => Math.abs(a / b - 1);
    expect(rel(fit.tauMin, lib.tau)).toBeLessThan(1e-5);
    expect(rel(fit.k, lib.k)).toBeLessThan(1e-5);
    expect(rel(fit.y0, lib.y0)).toBeLessThan(1e-5);
    expect(rel(fit.tauErrMin, lib.tauErr)).toBeLessThan(1e-3);
    expect(rel(fit.kErr, lib.kErr)).toBeLessThan(1e-3);
    expect(rel(fit.y0Err, lib.y0Err)).toBeLessThan(1e-3);
    expect(fit.r2).toBeCloseTo(lib.r2, 8);
  });

  it('|χ|(1.8 K) drops ≈ 38 % and Tc,mid ≈ 2.5 % after 1 min at 453 K', () => {
    const chi = levelOf(report, 'chiAbs1p8KEmuPerGOe', 1).changePct!;
    expect(chi).toBeGreaterThan(-40);
    expect(chi).toBeLessThan(-36);
    const tc = levelOf(report, 'tcMidK', 1).changePct!;
    expect(tc).toBeGreaterThan(-2.8);
    expect(tc).toBeLessThan(-2.2);
  });

  it('reports σ of the local-Tc distribution per level (mean ± SD over the pieces) with its % change', () => {
    // The generating σ scales with the level's Tc scale: 0.18 K as quenched, 2.5 % less after 1 min.
    const at0 = levelOf(report, 'tcSigmaK', 0);
    expect(Math.abs(at0.mean! / 0.18 - 1)).toBeLessThan(0.05);
    expect(at0.std!).toBeGreaterThan(0);
    expect(at0.n).toBe(2);
    const expected = (campaign.generating.tcScaleByLevel[2] - 1) * 100;
    expect(Math.abs(levelOf(report, 'tcSigmaK', 1).changePct! - expected)).toBeLessThan(3);
  });

  it('says per piece that the cross-technique comparison lacks a resistance run, naming the ZFC run it has', () => {
    for (const p of report.pieces) {
      expect(p.crossTechnique.missing).toEqual(['no successful resistance analysis of this piece']);
      expect(p.crossTechnique.combined.zfc).toEqual({ runId: `run-${p.code}-zfc`, analyzer: 'magnetic', analyzerVersion: expect.any(String) });
      expect(p.crossTechnique.tcResistiveZ).toBeNull();
      expect(p.crossTechnique.sigmaK).toBe(p.values.tcSigmaK);
    }
  });

  it('FC/ZFC ≈ 0.25 whether it is the ZFC run’s own ratio or rebuilt from the FC run', () => {
    for (const p of report.pieces) expect(Math.abs(p.values.fcZfcRatio! - 0.25)).toBeLessThan(0.02);
    // Piece 2 of each level was analysed without its FC partner: χ_FC/χ_ZFC from the two runs.
    const p2 = campaign.input.pieces.find((p) => p.code.endsWith('P2'))!;
    const run = (mode: 'ZFC' | 'FC') => campaign.input.results.find((r) => r.sampleId === p2.sampleId && r.mode === mode)!.metrics;
    expect(run('ZFC').fcZfcRatio).toBeNull();
    const piece = report.pieces.find((p) => p.sampleId === p2.sampleId)!;
    expect(piece.values.fcZfcRatio).toBe((run('FC').chiMass1p8K as number) / (run('ZFC').chiMass1p8K as number));
    for (const s of report.metrics.fcZfcRatio.levels) expect(Math.abs(s.mean! - 0.25)).toBeLessThan(0.02);
  });

  it('fits every metric linearly against the level', () => {
    expect(Object.keys(report.fits.linear)).toEqual(Object.keys(report.metrics));
    expect(report.fits.linear.chiAbs1p8KEmuPerGOe!.slope).toBeLessThan(0);
    expect(report.fits.linear.chiAbs1p8KEmuPerGOe!.n).toBe(12);
  });

  it('lists the open cells of the level × technique matrix', () => {
    expect(report.gaps).toEqual([
      { level: 0, technique: 'XRD', missing: 2, failed: 0, noPieces: false },
      { level: 0.5, technique: 'XRD', missing: 2, failed: 0, noPieces: false },
      { level: 1, technique: 'XRD', missing: 2, failed: 0, noPieces: false },
      { level: 5, technique: 'XRD', missing: 2, failed: 0, noPieces: false },
      // Within a level, techniques in registry order (the report's order: MAGNETIC first).
      { level: 8, technique: 'MAGNETIC', missing: 1, failed: 1, noPieces: false },
      { level: 8, technique: 'XRD', missing: 2, failed: 0, noPieces: false },
      { level: 10, technique: 'XRD', missing: 2, failed: 0, noPieces: false },
    ]);
    expect(report.progress).toBe(campaign.input.progress);
  });
});

/** A hand-made input: pieces A..D etc. with the metrics given per sample. */
const input = reportInput;
const mag = (sampleId: string, mode: 'ZFC' | 'FC' | null, metrics: Record<string, unknown>) =>
  reportRun(sampleId, 'MAGNETIC', mode, `${sampleId}-${mode}`, metrics);
const other = (sampleId: string, technique: 'XRD' | 'DSC' | 'RESISTANCE', metrics: Record<string, unknown>) =>
  reportRun(sampleId, technique, null, `${sampleId}-${technique}`, metrics);

describe('buildCampaignReport edge cases', () => {
  it('handles missing, non-numeric and non-finite metrics, unlabelled runs and unknown samples', () => {
    const report = buildCampaignReport(
      input({
        pieces: [
          { sampleId: 'a', code: 'A', level: 0 },
          { sampleId: 'b', code: 'B', level: 0 },
          { sampleId: 'c', code: 'C', level: 1 },
          { sampleId: 'd', code: 'D', level: 1 },
        ],
        results: [
          mag('a', 'ZFC', { tcOnsetK: 3.6, tcMidK: '3.4', chiMass1p8K: -0.01, shieldingFraction1p8K: NaN, fcZfcRatio: null }),
          mag('a', 'FC', { chiMass1p8K: -0.0025 }),
          // An unlabelled magnetic run stands in for the ZFC one…
          mag('b', null, { tcOnsetK: 3.5, chiMass1p8K: -0.008, fcZfcRatio: 0.3 }),
          // …but a labelled ZFC run wins over it.
          mag('c', null, { tcOnsetK: 99 }),
          mag('c', 'ZFC', { tcOnsetK: 3.4, chiMass1p8K: Infinity }),
          mag('c', 'FC', { chiMass1p8K: -0.001 }),
          other('c', 'XRD', { q1InvA: 2.31 }),
          other('d', 'RESISTANCE', { tcK: 3.55 }),
          other('d', 'DSC', { dhRelaxJPerG: 'n/a' }),
          mag('ghost', 'ZFC', { tcOnsetK: 1 }),
        ],
      }),
      NOW,
    );
    const values = Object.fromEntries(report.pieces.map((p) => [p.code, p.values]));
    expect(values.A).toEqual({
      tcOnsetK: 3.6,
      tcMidK: null,
      chiAbs1p8KEmuPerGOe: 0.01,
      shieldingFraction1p8K: null,
      fcZfcRatio: 0.25,
      tcSigmaK: null,
      tcResistiveK: null,
      q1InvA: null,
    });
    expect(values.B).toMatchObject({ tcOnsetK: 3.5, chiAbs1p8KEmuPerGOe: 0.008, fcZfcRatio: 0.3 });
    // χ_ZFC is infinite: no |χ| and no rebuilt FC/ZFC ratio.
    expect(values.C).toMatchObject({ tcOnsetK: 3.4, chiAbs1p8KEmuPerGOe: null, fcZfcRatio: null, q1InvA: 2.31 });
    expect(values.D).toEqual({
      tcOnsetK: null,
      tcMidK: null,
      chiAbs1p8KEmuPerGOe: null,
      shieldingFraction1p8K: null,
      fcZfcRatio: null,
      tcSigmaK: null,
      tcResistiveK: 3.55,
      q1InvA: null,
    });
    const d = report.pieces.find((p) => p.code === 'D')!.crossTechnique;
    expect(d.combined).toEqual({ zfc: null, resistance: { runId: 'd-RESISTANCE', analyzer: 'resistance', analyzerVersion: expect.any(String) } });
    expect(d.missing).toEqual([
      'no successful ZFC magnetic analysis of this piece',
      'the resistance analysis has no 10–90 % width (the sweep stops inside the transition?)',
    ]);
    expect(d.tcResistiveK).toBe(3.55);
    // Extra metrics only when measured; dhRelaxJPerG was never a number.
    expect(Object.keys(report.metrics)).toEqual([
      'tcOnsetK',
      'tcMidK',
      'chiAbs1p8KEmuPerGOe',
      'shieldingFraction1p8K',
      'fcZfcRatio',
      'tcSigmaK',
      'tcResistiveK',
      'q1InvA',
    ]);
    expect(report.metrics.tcOnsetK.levels).toEqual([
      { level: 0, mean: 3.55, std: expect.closeTo(Math.SQRT1_2 * 0.1, 12), n: 2, changePct: 0 },
      { level: 1, mean: 3.4, std: 0, n: 1, changePct: expect.closeTo((-0.15 / 3.55) * 100, 10) },
      { level: 5, mean: null, std: null, n: 0, changePct: null },
    ]);
    // No value at the baseline (level 0): no % change anywhere rather than one against level 1.
    expect(report.metrics.q1InvA.levels.map((s) => [s.n, s.mean, s.changePct])).toEqual([
      [0, null, null],
      [1, 2.31, null],
      [0, null, null],
    ]);
    expect(report.metrics.tcMidK.levels.every((s) => s.n === 0 && s.mean === null)).toBe(true);
    // Only Tc onset has the 3 points a line needs; nothing has the 4 of the exponential.
    expect(report.fits.chiExponential).toBeNull();
    expect(report.fits.linear.tcOnsetK!.n).toBe(3);
    expect(
      Object.entries(report.fits.linear)
        .filter(([, f]) => f !== null)
        .map(([k]) => k),
    ).toEqual(['tcOnsetK']);
    expect(report.gaps).toEqual([]);
  });

  const chiPieces = (levels: number[]) => ({
    pieces: levels.map((level, i) => ({ sampleId: `s${i}`, code: `S${i}`, level })),
    results: levels.map((level, i) => mag(`s${i}`, 'ZFC', { chiMass1p8K: -(0.006 * Math.exp(-level / 1.2) + 0.003), tcOnsetK: 3.6 - 0.01 * level })),
  });

  it('fits the exponential only for anneal campaigns with ≥ 4 points over ≥ 3 levels', () => {
    const fit = buildCampaignReport(input(chiPieces([0, 0.5, 1, 5])), NOW).fits.chiExponential!;
    expect(fit.tauMin).toBeCloseTo(1.2, 6);
    expect(fit.k).toBeCloseTo(0.006, 9);
    expect(fit.y0).toBeCloseTo(0.003, 9);
    expect(fit.n).toBe(4);
    expect(buildCampaignReport(input(chiPieces([0, 1, 5])), NOW).fits.chiExponential).toBeNull();
    expect(buildCampaignReport(input(chiPieces([0, 0, 1, 1])), NOW).fits.chiExponential).toBeNull();
    const cryo: ReportInput['campaign']['factor'] = { kind: 'CRYO_CYCLES', lowK: 77, highK: 293, levels: [0, 0.5, 1, 5] };
    expect(buildCampaignReport(input(chiPieces([0, 0.5, 1, 5]), cryo), NOW).fits.chiExponential).toBeNull();
  });

  it('fits lines with ≥ 3 points over ≥ 2 levels, else null', () => {
    const line = buildCampaignReport(input(chiPieces([0, 1, 5])), NOW).fits.linear.tcOnsetK!;
    expect(line.slope).toBeCloseTo(-0.01, 12);
    expect(line.intercept).toBeCloseTo(3.6, 12);
    expect(line.n).toBe(3);
    expect(buildCampaignReport(input(chiPieces([0, 1])), NOW).fits.linear.tcOnsetK).toBeNull();
    expect(buildCampaignReport(input(chiPieces([1, 1, 1])), NOW).fits.linear.tcOnsetK).toBeNull();
  });

  it('a gap is a cell with analysed < planned; missing = planned − analysed', () => {
    const report = buildCampaignReport(
      input({
        pieces: [],
        results: [],
        progress: [
          { level: 5, technique: 'MAGNETIC', planned: 2, uploaded: 2, analysed: 2, failed: 0 },
          { level: 5, technique: 'DSC', planned: 3, uploaded: 2, analysed: 0, failed: 2 },
          { level: 0, technique: 'RESISTANCE', planned: 1, uploaded: 0, analysed: 0, failed: 0 },
          { level: 0, technique: 'XRD', planned: 1, uploaded: 3, analysed: 3, failed: 0 },
        ],
      }),
      NOW,
    );
    expect(report.gaps).toEqual([
      { level: 0, technique: 'RESISTANCE', missing: 1, failed: 0, noPieces: false },
      { level: 5, technique: 'DSC', missing: 3, failed: 2, noPieces: false },
    ]);
    expect(report.pieces).toEqual([]);
    expect(report.metrics.tcOnsetK.levels.map((s) => s.n)).toEqual([0, 0, 0]);
  });

  it('a level without pieces is a gap too (noPieces), and a baseline without data is flagged with a warning', () => {
    const report = buildCampaignReport(
      input({
        pieces: [{ sampleId: 's1', code: 'S1', level: 1 }],
        results: [mag('s1', 'ZFC', { chiMass1p8K: -0.005, tcOnsetK: 3.5 })],
        progress: [
          { level: 0, technique: 'MAGNETIC', planned: 0, uploaded: 0, analysed: 0, failed: 0 },
          { level: 1, technique: 'MAGNETIC', planned: 1, uploaded: 1, analysed: 1, failed: 0 },
        ],
      }),
      NOW,
    );
    expect(report.gaps).toEqual([{ level: 0, technique: 'MAGNETIC', missing: 0, failed: 0, noPieces: true }]);
    expect(report.baselineLevel).toBe(0);
    expect(report.baselineMissing).toBe(true);
    expect(report.warnings).toHaveLength(1);
    expect(report.warnings[0]).toContain('the baseline level (0 min) has no data');
    const withBaseline = buildCampaignReport(input(chiPieces([0, 1, 5])), NOW);
    expect(withBaseline.baselineMissing).toBe(false);
    expect(withBaseline.warnings).toEqual([]);
  });

  it('builds a 1,000-piece campaign (ZFC, FC and XRD per piece) correctly', () => {
    const levels = [0, 0.5, 1, 5, 8, 10];
    const law = (t: number) => 0.0064 * Math.exp(-t / 1.2) + 0.0031;
    const pieces = Array.from({ length: 1000 }, (_, i) => ({ sampleId: `s${i}`, code: `P${i}`, level: levels[i % 6] }));
    // ±1 % alternating by piece so every level's mean is the law exactly (pairs cancel).
    const chi = (i: number) => law(levels[i % 6]) * (Math.floor(i / 6) % 2 === 0 ? 1.01 : 0.99);
    const results = pieces.flatMap((p, i) => [
      mag(p.sampleId, 'ZFC', { chiMass1p8K: -chi(i), tcOnsetK: 3.6, fcZfcRatio: null }),
      mag(p.sampleId, 'FC', { chiMass1p8K: -0.25 * chi(i) }),
      other(p.sampleId, 'XRD', { q1InvA: 2.3 + 0.001 * p.level }),
    ]);
    const report = buildCampaignReport(input({ pieces, results }, { kind: 'ANNEAL_HOLD_MIN', targetK: 453, levels }), NOW);
    expect(report.pieces).toHaveLength(1000);
    const stats = report.metrics.chiAbs1p8KEmuPerGOe.levels;
    expect(stats.map((s) => s.n)).toEqual([167, 167, 167, 167, 166, 166]);
    // Levels 0–3 hold 167 pieces (84 high, 83 low); 8 and 10 hold 83 + 83.
    expect(stats[4].mean).toBeCloseTo(law(8), 12);
    expect(stats[0].mean).toBeCloseTo(law(0) * (1 + 0.01 / 167), 12);
    for (const p of report.pieces) expect(p.values.fcZfcRatio).toBeCloseTo(0.25, 12);
    const fit = report.fits.chiExponential!;
    expect(fit.n).toBe(1000);
    expect(fit.tauMin).toBeCloseTo(1.2, 2);
    expect(report.fits.linear.q1InvA!.slope).toBeCloseTo(0.001, 12);
  });
});

describe('buildCampaignReport takes its metrics from the technique registry', () => {
  it('lists a toy technique added to the registry, with its label and unit', () => {
    const registry = TECHNIQUE_REGISTRY.with(TOY);
    const toyRun = (sampleId: string, peakNm: number): ReportInput['results'][number] => {
      const r = registry.analyzeFile(writeToyFile({ peakNm, areaCountsNm: 10 }));
      if (!r.ok) throw r.error;
      // TechniqueName holds the built-in ids until techniques are a registry-validated text column.
      return {
        sampleId,
        technique: 'TOY' as TechniqueName,
        mode: null,
        runId: `${sampleId}-toy`,
        analyzer: 'toy',
        analyzerVersion: '0.1.0',
        metrics: r.value.metrics,
      };
    };
    const report = buildCampaignReport(
      input({
        pieces: [0, 1, 5].map((level, i) => ({ sampleId: `s${i}`, code: `S${i}`, level })),
        results: [toyRun('s0', 500), toyRun('s1', 505), toyRun('s2', 525)],
      }),
      NOW,
      registry,
    );
    expect(report.metrics.toyPeakNm).toMatchObject({ label: 'Toy line position', unit: 'nm' });
    expect(report.metrics.toyPeakNm.levels.map((s) => [s.level, s.mean, s.changePct])).toEqual([
      [0, 500, 0],
      [1, 505, 1],
      [5, 525, 5],
    ]);
    expect(report.fits.linear.toyPeakNm!.slope).toBeCloseTo(5, 12);
    expect(report.pieces.map((p) => p.values.toyPeakNm)).toEqual([500, 505, 525]);
    // The built-in registry does not know the toy: its runs are not read.
    expect(buildCampaignReport(input({ pieces: [], results: [toyRun('s0', 500)] }), NOW).metrics.toyPeakNm).toBeUndefined();
  });
});
