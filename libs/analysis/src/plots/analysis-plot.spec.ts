import { FC_WIDTH_RATIO } from '../../../instruments/src/campaign';
import { plotSpecimens, type PlotSpecimen } from '../../../instruments/src/plot-specimens';
import { simulatePpms } from '../../../instruments/src/ppms';
import { laAlXrdModel, virtualXrd } from '../../../instruments/src/xrd';
import { analyzeFile } from '../analyze-file';
import type { Curves } from '../core/types';
import { analysisPlot } from './analysis-plot';
import { gaussianDensity } from './magnetic-panels';
import { PLOT_MAX_POINTS, PLOT_MAX_SERIES, type PlotPanel } from './plot.types';

const SPECIMENS = plotSpecimens();

/** A specimen through the production path (bytes → detection → parse → analysis), then its plot from what a run stores. */
function plotted(technique: PlotSpecimen['technique']) {
  const s = SPECIMENS.find((x) => x.technique === technique)!;
  const r = analyzeFile(new TextEncoder().encode(s.text), { fileName: s.fileName, densityGCm3: 6.2, ...s.conditions });
  if (!r.ok) throw r.error;
  const metrics = r.value.metrics;
  return { metrics, curves: r.value.curves as Curves, plot: analysisPlot(technique, r.value.curves, metrics) };
}

const names = (p: PlotPanel) => p.series.map((s) => s.name);
const trapezoid = (x: number[], y: number[]) => x.slice(1).reduce((a, xi, i) => a + 0.5 * (y[i] + y[i + 1]) * (xi - x[i]), 0);

describe('analysis plot: a ZFC-then-FC magnetic file', () => {
  const { metrics, plot } = plotted('MAGNETIC');
  const [chi, dist] = plot.panels;
  const own = metrics.tcDistribution as { muK: number; sigmaK: number; observedFraction: number };
  const fc = metrics.fcTcDistribution as { muK: number; sigmaK: number; observedFraction: number };

  it('draws χ(T) with both sweeps named by mode and Tc onset and mid marked', () => {
    expect(chi.id).toBe('chi');
    expect(names(chi)).toEqual(['χ ZFC', 'χ FC']);
    expect(chi.markers.map((m) => [m.label, m.x])).toEqual([
      ['Tc onset', metrics.tcOnsetK],
      ['Tc mid', metrics.tcMidK],
    ]);
  });

  it('draws −dχ/dT of ZFC and of FC, each normalised by its own fitted amplitude, so each integrates to its observed fraction, under the fitted Gaussians', () => {
    expect(dist.id).toBe('tc-distribution');
    expect(names(dist)).toEqual(['−dχ/dT ZFC, normalised', '−dχ/dT FC, normalised', 'Gaussian fit ZFC', 'Gaussian fit FC']);
    const [measured, measuredFc, gauss] = dist.series;
    expect(trapezoid(measured.x, measured.y)).toBeGreaterThan(0.9 * own.observedFraction);
    expect(trapezoid(measured.x, measured.y)).toBeLessThan(1.1 * own.observedFraction);
    expect(trapezoid(measuredFc.x, measuredFc.y)).toBeGreaterThan(0.9 * fc.observedFraction);
    expect(trapezoid(measuredFc.x, measuredFc.y)).toBeLessThan(1.1 * fc.observedFraction);
    // The FC density is the FC sweep's own derivative, not the ZFC one rescaled: it peaks near μ FC.
    const peakFc = measuredFc.x[measuredFc.y.indexOf(Math.max(...measuredFc.y))];
    expect(Math.abs(peakFc - fc.muK)).toBeLessThan(Math.abs(peakFc - own.muK) + 1e-9);
    // The model is the Gaussian density of the stored μ and σ, over the data and μ ± 4σ.
    expect(gauss.role).toBe('fit');
    gauss.x.forEach((x, i) => expect(gauss.y[i]).toBeCloseTo(gaussianDensity(x, own.muK, own.sigmaK), 12));
    expect(gauss.x[0]).toBeLessThanOrEqual(own.muK - 4 * own.sigmaK + 1e-9);
    expect(dist.markers).toEqual([
      { label: 'μ ZFC', x: own.muK },
      { label: 'μ FC', x: fc.muK },
    ]);
    expect(dist.facts.find((f) => f.label === 'μ ZFC')).toMatchObject({ value: own.muK, unit: 'K' });
    expect(dist.notes).toEqual([]);
  });

  it('the FC sweep has its own, narrower distribution, higher up, and leaves the baseline with the ZFC one', () => {
    expect(Math.abs((metrics.fcZfcWidthRatio as number) / FC_WIDTH_RATIO - 1)).toBeLessThan(0.05);
    expect(fc.muK).toBeGreaterThan(own.muK + 0.1);
    const segments = metrics.segments as { mode: string; tcOnsetK: number }[];
    expect(segments.map((x) => x.mode)).toEqual(['ZFC', 'FC']);
    expect(Math.abs(segments[1].tcOnsetK - segments[0].tcOnsetK)).toBeLessThan(0.03);
  });

  it('says when a sweep is truncated, with the fraction observed', () => {
    const truncated = { ...metrics, tcDistribution: { ...(metrics.tcDistribution as object), truncated: true, observedFraction: 0.62 } };
    const { curves } = plotted('MAGNETIC');
    const p = analysisPlot('MAGNETIC', curves, truncated).panels[1];
    expect(p.notes).toEqual([expect.stringMatching(/^ZFC sweep truncated: .*\(62 % of the fitted distribution observed\)/)]);
  });

  it('an FC run names its own sweep FC and draws no partner', () => {
    const { curves } = plotted('MAGNETIC');
    const p = analysisPlot('MAGNETIC', { chiZfc: curves.chiZfc, dChiDt: curves.dChiDt }, { tcDistribution: metrics.tcDistribution }, { mode: 'FC' });
    expect(names(p.panels[0])).toEqual(['χ FC']);
    expect(names(p.panels[1])).toEqual(['−dχ/dT FC, normalised', 'Gaussian fit FC']);
  });
});

describe('analysis plot: Hc2(T)', () => {
  it('a resistance run at seven fields: its Hc2 points, the WHH line of the stored slope ending at Tc0, and the Maki–de Gennes curve of the stored μ0Hc2(0)', () => {
    const file = simulatePpms({ seed: 3 });
    const r = analyzeFile(new TextEncoder().encode(file.text), { fileName: file.fileName });
    if (!r.ok) throw r.error;
    const m = r.value.metrics as Record<string, any>;
    const p = analysisPlot('RESISTANCE', r.value.curves, m).panels.find((x) => x.id === 'hc2')!;
    expect(names(p)).toEqual(['Hc2(T) points', 'linear fit near Tc (dμ0Hc2/dT)', 'Maki–de Gennes fit']);
    const [points, line, mdg] = p.series;
    expect([points.points, line.points, line.role, mdg.role]).toEqual([true, false, 'fit', 'fit']);
    expect(points.y.length).toBe(m.hc2Points.length);
    for (const pt of m.hc2Points) expect(points.x[points.y.indexOf(pt.fieldT)]).toBe(pt.tcK);
    // The line has the stored slope and meets zero field at the Tc0 that WHH used.
    const slope = (line.y[1] - line.y[0]) / (line.x[1] - line.x[0]);
    expect(slope).toBeCloseTo(m.dHc2dTTPerK, 9);
    expect(line.y[1]).toBe(0);
    expect(-0.693 * line.x[1] * slope).toBeCloseTo(m.hc2ZeroWhhT, 9);
    // The curve reaches the stored MdG μ0Hc2(0) towards T = 0 and zero at Tc0.
    expect(mdg.y[0] / m.hc2ZeroMdgT).toBeGreaterThan(0.98);
    expect(mdg.y[0] / m.hc2ZeroMdgT).toBeLessThanOrEqual(1 + 1e-9);
    expect(mdg.y[mdg.y.length - 1]).toBeCloseTo(0, 9);
    expect(p.facts.map((f) => [f.label, f.value])).toEqual([
      ['dμ0Hc2/dT', m.dHc2dTTPerK],
      ['μ0Hc2(0) WHH', m.hc2ZeroWhhT],
      ['μ0Hc2(0) Maki–de Gennes', m.hc2ZeroMdgT],
      ['ξ(0)', m.xiNm],
    ]);
  });

  it('a magnetic file with χ(T) at several fields: Tc onset against μ0H, one point per field of the headline mode; none at a single field', () => {
    const seg = (mode: string, fieldOe: number, tcOnsetK: number, role = 'other') => ({ kind: 'M(T)', mode, fieldOe, tcOnsetK, role });
    const metrics = {
      segments: [seg('ZFC', 20, 3.6, 'headline'), seg('FC', 20, 3.55, 'partner'), seg('ZFC', 5000, 3.3), seg('ZFC', 10000, 3.0), { kind: 'M(H)', fieldOe: 0 }],
    };
    const p = analysisPlot('MAGNETIC', {}, metrics).panels.find((x) => x.id === 'hc2')!;
    expect(names(p)).toEqual(['Hc2(T) points']);
    expect([p.series[0].x, p.series[0].y]).toEqual([
      [3.0, 3.3, 3.6],
      [1, 0.5, 0.002],
    ]);
    const single = { segments: [seg('ZFC', 20, 3.6, 'headline'), seg('FC', 20, 3.55, 'partner')] };
    expect(analysisPlot('MAGNETIC', {}, single).panels.map((x) => x.id)).not.toContain('hc2');
  });
});

describe('analysis plot: the other techniques', () => {
  it('R(T) of both channels of a PPMS file, the headline channel drawn stronger, each channel’s Tc stated', () => {
    const { metrics, plot } = plotted('RESISTANCE');
    const [p] = plot.panels;
    expect(names(p)).toEqual(['channel 1 (headline), 0 T', 'channel 1 (headline), 1 T', 'channel 2, 0 T']);
    expect(p.series.map((s) => s.highlight)).toEqual([true, true, false]);
    expect(p.markers).toEqual([{ label: 'Tc (50 %)', x: metrics.tcK }]);
    // The 2–300 K run is shown up to twice the highest Tc, and the note says so.
    const highestTc = Math.max(...(metrics.channels as { tcK: number }[]).map((c) => c.tcK));
    for (const s of p.series) expect(Math.max(...s.x)).toBeLessThanOrEqual(2 * highestTc);
    expect(p.notes).toEqual([expect.stringMatching(/^shown up to [\d.]+ K, twice the highest Tc; the sweep reaches 300 K$/)]);
    const channels = metrics.channels as { tcK: number }[];
    expect(p.facts.slice(0, 2).map((f) => [f.label, f.value])).toEqual([
      ['Tc (50 %), channel 1 (headline)', channels[0].tcK],
      ['Tc (50 %), channel 2', channels[1].tcK],
    ]);
  });

  it('the XRD pattern with the halo fit, the background under it and the SNIP background the fit subtracted; q₁ ± error stated', () => {
    const { metrics, plot } = plotted('XRD');
    const [p] = plot.panels;
    expect(names(p)).toEqual(['pattern', 'halo fit (pseudo-Voigt + background)', 'background under the halo', 'SNIP background']);
    expect(p.series.map((s) => s.role)).toEqual(['measured', 'fit', 'background', 'background']);
    expect(p.facts[0]).toEqual({ label: 'q₁', value: metrics.q1InvA, error: metrics.q1ErrInvA, unit: 'Å⁻¹' });
    // The SNIP background lies under the pattern.
    const [pattern, , , snip] = p.series;
    snip.y.forEach((b, i) => expect(b).toBeLessThanOrEqual(pattern.y[i] * 1.02 + 1));
  });

  it('a corrected pattern with a mild background has no SNIP background to draw', () => {
    const f = virtualXrd(laAlXrdModel(), { seed: 3 });
    const r = analyzeFile(f.bytes, { fileName: f.fileName, technique: 'XRD' });
    if (!r.ok) throw r.error;
    const p = analysisPlot('XRD', r.value.curves, r.value.metrics).panels[0];
    expect(names(p)).toEqual(['pattern', 'halo fit (pseudo-Voigt + background)', 'background under the halo']);
  });

  it('the DSC scan with Tg and Tx marked', () => {
    const { metrics, plot } = plotted('DSC');
    expect(plot.panels[0].markers).toEqual([
      { label: 'Tg', x: metrics.tgOnsetK },
      { label: 'Tx', x: metrics.txOnsetK },
    ]);
  });

  it('SAXS on log–log axes with A·q⁻ⁿ + B evaluated from the stored A, n and B, equal to the curve the analysis drew', () => {
    const { curves, plot } = plotted('SAXS');
    const [p] = plot.panels;
    expect([p.xLog, p.yLog, names(p)]).toEqual([true, true, ['I(q)', 'A·q⁻ⁿ + B fit']]);
    const fit = p.series[1];
    const stored = curves.powerLaw;
    let compared = 0;
    fit.x.forEach((q, i) => {
      const k = stored.x.indexOf(q);
      if (k < 0) return;
      expect(fit.y[i] / stored.y[k]).toBeCloseTo(1, 9);
      compared++;
    });
    expect(compared).toBeGreaterThan(50);
  });
});

describe('analysis plot: bounds', () => {
  it('keeps at most PLOT_MAX_POINTS finite points a series and PLOT_MAX_SERIES series a panel, and leaves out empty panels', () => {
    const x = Array.from({ length: 5000 }, (_, i) => i);
    const y = x.map((v) => (v % 7 === 0 ? Number.NaN : v));
    const curves: Curves = Object.fromEntries(Array.from({ length: 30 }, (_, k) => [`R(T) ${k} T`, { x, y, xLabel: 'Temperature (K)', yLabel: 'R' }]));
    const [p] = analysisPlot('RESISTANCE', curves, { channel: 1 }).panels;
    expect(p.series).toHaveLength(PLOT_MAX_SERIES);
    for (const s of p.series) {
      expect(s.x.length).toBeLessThanOrEqual(PLOT_MAX_POINTS);
      expect(s.y.every(Number.isFinite)).toBe(true);
    }
    expect(analysisPlot('MAGNETIC', {}, {}).panels).toEqual([]);
    expect(analysisPlot('XRD', null, null).panels).toEqual([]);
  });
});
