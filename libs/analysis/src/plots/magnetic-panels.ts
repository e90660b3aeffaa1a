/** The magnetic run's panels: χ(T), the local-Tc distribution with its Gaussian fits, and Hc2(T) from segments at several fields. */
import type { Curves } from '../core/types';
import { hc2Panel, type Hc2Point } from './hc2-panel';
import { fact, finite, grid, marker, num, panel, series } from './plot-builders';
import type { AnalysisPlotOptions, PlotMetrics, PlotPanel } from './plot.types';

/** The Gaussian probability density of mean mu and width sigma, at x (1/unit of x). */
export function gaussianDensity(x: number, mu: number, sigma: number): number {
  const z = (x - mu) / sigma;
  return Math.exp(-0.5 * z * z) / (sigma * Math.sqrt(2 * Math.PI));
}

/** The mode of a magnetic run: its headline segment's, else the measurement's, else ZFC. */
function magneticMode(metrics: PlotMetrics, options: AnalysisPlotOptions): 'ZFC' | 'FC' {
  const segments = Array.isArray(metrics.segments) ? (metrics.segments as Record<string, unknown>[]) : [];
  const headline = segments.find((s) => s && s.role === 'headline');
  if (headline?.mode === 'FC' || headline?.mode === 'ZFC') return headline.mode;
  return options.mode ?? 'ZFC';
}

/**
 * χ(T) with its sweeps named by mode and Tc onset and mid marked; and the local-Tc distribution:
 * the measured P(T) of this sweep and of its FC partner (localTcDensity, each from its own stored
 * dχ/dT and fitted amplitude), with the fitted Gaussian densities of both, μ marked, and the
 * truncated flag stated.
 */
export function magneticPanels(curves: Curves, metrics: PlotMetrics, options: AnalysisPlotOptions): PlotPanel[] {
  const mode = magneticMode(metrics, options);
  const T = 'Temperature (K)';
  const chi = panel({
    id: 'chi',
    title: 'χ(T)',
    xLabel: T,
    yLabel: 'χ_mass (emu g⁻¹ Oe⁻¹)',
    series: [series(`χ ${mode}`, 'measured', finite(curves.chiZfc)), ...(mode === 'ZFC' ? [series('χ FC', 'measured', finite(curves.chiFc))] : [])],
    markers: [...marker('Tc onset', num(metrics, 'tcOnsetK')), ...marker('Tc mid', num(metrics, 'tcMidK'))],
    facts: [
      fact('Tc onset', num(metrics, 'tcOnsetK'), null, 'K'),
      fact('Tc mid', num(metrics, 'tcMidK'), null, 'K'),
      fact('χ_mass at 1.8 K', num(metrics, 'chiMass1p8K'), null, 'emu g⁻¹ Oe⁻¹'),
      ...(num(metrics, 'fcZfcRatio') !== null ? [fact('FC/ZFC at 1.8 K', num(metrics, 'fcZfcRatio'), null, '')] : []),
    ],
  });
  const own = metrics.tcDistribution as Record<string, unknown> | null | undefined;
  const partner = mode === 'ZFC' ? (metrics.fcTcDistribution as Record<string, unknown> | null | undefined) : null;
  const derivative = finite(curves.dChiDt);
  const hc2 = hc2Panel(magneticHc2Points(metrics), metrics);
  if (!own || derivative.x.length === 0) return [chi, ...hc2];

  const densities = [
    { label: mode, density: localTcDensity(derivative, own) },
    ...(partner ? [{ label: 'FC', density: localTcDensity(finite(curves.dChiDtFc), partner) }] : []),
  ].filter(({ density }) => density.x.length > 0);
  const gaussians = [{ label: mode, d: own }, ...(partner ? [{ label: 'FC', d: partner }] : [])].filter(
    ({ d }) => num(d, 'muK') !== null && (num(d, 'sigmaK') ?? 0) > 0,
  );
  // The model spans the data and μ ± 4σ, so a truncated sweep shows the part it did not reach.
  const lo = Math.min(...densities.map(({ density }) => density.x[0]), ...gaussians.map(({ d }) => num(d, 'muK')! - 4 * num(d, 'sigmaK')!));
  const hi = Math.max(...densities.map(({ density }) => density.x[density.x.length - 1]), ...gaussians.map(({ d }) => num(d, 'muK')! + 4 * num(d, 'sigmaK')!));
  const xs = grid(Math.max(0, lo), hi, 200);
  const notes: string[] = [];
  for (const { label, d } of [{ label: mode, d: own }, ...(partner ? [{ label: 'FC', d: partner }] : [])]) {
    if (d.truncated === true) {
      const seen = num(d, 'observedFraction');
      notes.push(
        `${label} sweep truncated: it stops before the transition is complete${seen !== null ? ` (${(100 * seen).toFixed(0)} % of the fitted distribution observed)` : ''}; μ and σ come from the fit, which extrapolates`,
      );
    }
  }
  const distribution = panel({
    id: 'tc-distribution',
    title: 'Local-Tc distribution',
    xLabel: T,
    yLabel: 'P(T) = −df/dT (K⁻¹)',
    series: [
      ...densities.map(({ label, density }) => series(`−dχ/dT ${label}, normalised`, 'measured', density)),
      ...gaussians.map(({ label, d }) =>
        series(`Gaussian fit ${label}`, 'fit', { x: xs, y: xs.map((x) => gaussianDensity(x, num(d, 'muK')!, num(d, 'sigmaK')!)) }),
      ),
    ],
    markers: gaussians.map(({ label, d }) => ({ label: `μ ${label}`, x: num(d, 'muK')! })),
    facts: [
      ...gaussians.flatMap(({ label, d }) => [
        fact(`μ ${label}`, num(d, 'muK'), num(d, 'muErrK'), 'K'),
        fact(`σ ${label}`, num(d, 'sigmaK'), num(d, 'sigmaErrK'), 'K'),
      ]),
      fact(`mean of P(T) over the sweep, ${mode}`, num(own, 'meanK'), null, 'K'),
    ],
    notes,
  });
  return [chi, distribution, ...hc2];
}

/**
 * One sweep's local-Tc density P(T) = −df/dT, f = χ_signal/|A|: its stored dχ/dT divided by the
 * fitted full shielding |A| of its own distribution, so it integrates to the fraction the sweep
 * observed and sits on the same scale as the fitted Gaussian density; without a fitted amplitude,
 * scaled to unit area. ZFC and FC go through this one helper, so their densities compare.
 */
export function localTcDensity(derivative: { x: number[]; y: number[] }, distribution: unknown): { x: number[]; y: number[] } {
  const amplitude = num(distribution, 'amplitudeEmuPerGOe');
  return { x: derivative.x, y: amplitude !== null && amplitude !== 0 ? derivative.y.map((v) => v / Math.abs(amplitude)) : unitArea(derivative) };
}

/** y scaled so its trapezoid integral over x is 1 (a distribution without a fitted amplitude). */
function unitArea({ x, y }: { x: number[]; y: number[] }): number[] {
  let area = 0;
  for (let i = 1; i < x.length; i++) area += 0.5 * (y[i] + y[i - 1]) * (x[i] - x[i - 1]);
  return area !== 0 ? y.map((v) => v / Math.abs(area)) : y;
}

/** A magnetic file's χ(T) segments at several fields in the headline's mode: Tc onset against μ0H (1 T = 10⁴ Oe). */
function magneticHc2Points(metrics: PlotMetrics): Hc2Point[] {
  const segments = Array.isArray(metrics.segments) ? (metrics.segments as Record<string, unknown>[]) : [];
  const mode = segments.find((s) => s && s.role === 'headline')?.mode;
  const byField = new Map<number, number>();
  for (const s of segments) {
    const fieldOe = num(s, 'fieldOe');
    const tcK = num(s, 'tcOnsetK');
    if (s?.kind === 'M(T)' && s.mode === mode && fieldOe !== null && tcK !== null && !byField.has(fieldOe)) byField.set(fieldOe, tcK);
  }
  return [...byField].map(([fieldOe, tcK]) => ({ fieldT: Math.abs(fieldOe) / 1e4, tcK }));
}
