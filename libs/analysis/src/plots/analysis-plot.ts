/**
 * The plots of one analysis run, as data: what each panel draws (measured series, fitted models,
 * backgrounds), where it marks a metric, and the figures a caption states. Built from what the run
 * stored — its downsampled curves and its metrics — with fitted models evaluated from the stored
 * parameters (the local-Tc Gaussian from μ and σ, the SAXS power law from A, n and B). Pure; the
 * API serves it (GET /api/analyses/:id/plot) and libs/charts turns each panel into a chart option.
 */
import { downsample } from '../core/numeric';
import type { Curve, Curves } from '../core/types';
import { mdgFieldFactor, mdgHc2ZeroT, WHH_COEFF } from '../resistance/dirty-limit';
import { powerLawAt } from '../saxs/power-law-fit';

/** Points per series at most: enough for a smooth line at any screen width, small on the wire. */
export const PLOT_MAX_POINTS = 400;
/** Series per panel at most (a resistance file with many fields and channels). */
export const PLOT_MAX_SERIES = 16;

/** measured: data as stored; fit: a model evaluated from fitted parameters; background: what was subtracted or lies under a fit. */
export type PlotRole = 'measured' | 'fit' | 'background';

export interface PlotSeries {
  name: string;
  role: PlotRole;
  x: number[];
  y: number[];
  /** 1: the panel's secondary (right) axis. */
  axis: 0 | 1;
  /** Drawn stronger: the headline channel of a resistance file. */
  highlight: boolean;
  /** Drawn as points, not a line: separate determinations such as Hc2(T) points. */
  points: boolean;
}

/** A vertical line at a metric's value, e.g. Tc onset at 3.61 K. */
export interface PlotMarker {
  label: string;
  x: number;
}

/** A figure the caption states, with its standard error and unit. */
export interface PlotFact {
  label: string;
  value: number | null;
  error: number | null;
  unit: string;
}

export type PlotPanelId = 'chi' | 'tc-distribution' | 'resistance' | 'hc2' | 'xrd' | 'dsc' | 'saxs' | 'curves';

export interface PlotPanel {
  id: PlotPanelId;
  title: string;
  xLabel: string;
  yLabel: string;
  /** The secondary axis' label, when a series uses it. */
  y2Label: string | null;
  xLog: boolean;
  yLog: boolean;
  series: PlotSeries[];
  markers: PlotMarker[];
  facts: PlotFact[];
  /** Sentences a reader must not miss, e.g. that a sweep stops before its transition is complete. */
  notes: string[];
}

export interface AnalysisPlot {
  technique: string;
  panels: PlotPanel[];
}

export interface AnalysisPlotOptions {
  /** The measurement's mode (ZFC or FC) when the metrics do not say it. */
  mode?: 'ZFC' | 'FC';
}

type Metrics = Record<string, unknown>;

const num = (m: unknown, key: string): number | null => {
  const v = m && typeof m === 'object' ? (m as Record<string, unknown>)[key] : undefined;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};

/** A stored curve's finite points, downsampled to the plot bound (the one shared helper). */
function finite(c: Curve | undefined): { x: number[]; y: number[] } {
  if (!c || !Array.isArray(c.x) || !Array.isArray(c.y)) return { x: [], y: [] };
  const x: number[] = [];
  const y: number[] = [];
  const n = Math.min(c.x.length, c.y.length);
  for (let i = 0; i < n; i++) {
    if (Number.isFinite(c.x[i]) && Number.isFinite(c.y[i])) {
      x.push(c.x[i]);
      y.push(c.y[i]);
    }
  }
  return downsample(x, y, PLOT_MAX_POINTS);
}

const series = (name: string, role: PlotRole, xy: { x: number[]; y: number[] }, axis: 0 | 1 = 0, highlight = false, points = false): PlotSeries => ({
  name,
  role,
  x: xy.x,
  y: xy.y,
  axis,
  highlight,
  points,
});

const fact = (label: string, value: number | null, error: number | null, unit: string): PlotFact => ({ label, value, error, unit });

const marker = (label: string, x: number | null): PlotMarker[] => (x === null ? [] : [{ label, x }]);

const panel = (p: Partial<PlotPanel> & Pick<PlotPanel, 'id' | 'title' | 'xLabel' | 'yLabel'>): PlotPanel => {
  const drawn = (p.series ?? []).filter((s) => s.x.length > 0);
  return { y2Label: null, xLog: false, yLog: false, markers: [], facts: [], notes: [], ...p, series: drawn.slice(0, PLOT_MAX_SERIES) };
};

/** The Gaussian probability density of mean mu and width sigma, at x (1/unit of x). */
export function gaussianDensity(x: number, mu: number, sigma: number): number {
  const z = (x - mu) / sigma;
  return Math.exp(-0.5 * z * z) / (sigma * Math.sqrt(2 * Math.PI));
}

/** n evenly spaced values from a to b inclusive. */
function grid(a: number, b: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));
}

/** The mode of a magnetic run: its headline segment's, else the measurement's, else ZFC. */
function magneticMode(metrics: Metrics, options: AnalysisPlotOptions): 'ZFC' | 'FC' {
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
function magneticPanels(curves: Curves, metrics: Metrics, options: AnalysisPlotOptions): PlotPanel[] {
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

const R_OF_T = /^R\(T\) (.+?)(?:, channel (\d+))?$/;

/** R(T) of every channel (the headline channel's at every field, the others' at their lowest), the headline channel drawn stronger, Tc (50 %) marked. */
function resistancePanels(curves: Curves, metrics: Metrics): PlotPanel[] {
  const headline = num(metrics, 'channel');
  const entries = Object.entries(curves).flatMap(([key, c]) => {
    const m = R_OF_T.exec(key);
    if (!m) return [];
    const channel = m[2] !== undefined ? Number(m[2]) : headline;
    return [{ field: m[1], channel, curve: c, isHeadline: m[2] === undefined }];
  });
  const channels = Array.isArray(metrics.channels) ? (metrics.channels as Record<string, unknown>[]) : [];
  const many = channels.length > 1 || entries.some((e) => !e.isHeadline);
  const name = (e: (typeof entries)[number]) =>
    many && e.channel !== null ? `channel ${e.channel}${e.isHeadline ? ' (headline)' : ''}, ${e.field}` : `R(T) ${e.field}`;
  const first = entries.find((e) => e.isHeadline) ?? entries[0];
  // A 2–300 K run would show its transition as a step at the left edge: the plot stops at twice the highest Tc.
  const tcs = [num(metrics, 'tcK'), ...channels.map((c) => num(c, 'tcK'))].filter((t): t is number => t !== null && t > 0);
  const drawn = entries.map((e) => ({ e, xy: finite(e.curve) }));
  const highestK = Math.max(...drawn.flatMap(({ xy }) => xy.x));
  const upToK = tcs.length > 0 && highestK > 3 * Math.max(...tcs) ? 2 * Math.max(...tcs) : null;
  const cut = (xy: { x: number[]; y: number[] }) => (upToK === null ? xy : { x: xy.x.filter((t) => t <= upToK), y: xy.y.filter((_, i) => xy.x[i] <= upToK) });
  return [
    panel({
      id: 'resistance',
      title: 'R(T)',
      xLabel: 'Temperature (K)',
      yLabel: first?.curve.yLabel || 'resistance',
      series: drawn.map(({ e, xy }) => series(name(e), 'measured', cut(xy), 0, many && e.isHeadline)),
      notes:
        upToK === null ? [] : [`shown up to ${Number(upToK.toPrecision(3))} K, twice the highest Tc; the sweep reaches ${Number(highestK.toPrecision(3))} K`],
      markers: marker('Tc (50 %)', num(metrics, 'tcK')),
      facts: [
        ...(channels.length > 1
          ? channels.map((c) => fact(`Tc (50 %), channel ${String(c.channel)}${c.channel === headline ? ' (headline)' : ''}`, num(c, 'tcK'), null, 'K'))
          : [fact('Tc (50 %)', num(metrics, 'tcK'), null, 'K')]),
        ...(num(metrics, 'width1090K') !== null ? [fact('width (10–90 %)', num(metrics, 'width1090K'), null, 'K')] : []),
      ],
    }),
    ...hc2Panel(resistanceHc2Points(metrics), metrics),
  ];
}

type Hc2Point = { fieldT: number; tcK: number };

/** The resistance run's Hc2(T) points (Tc by the 50 % criterion at each field). */
function resistanceHc2Points(metrics: Metrics): Hc2Point[] {
  const points = Array.isArray(metrics.hc2Points) ? (metrics.hc2Points as unknown[]) : [];
  return points.flatMap((p) => (num(p, 'fieldT') !== null && num(p, 'tcK') !== null ? [{ fieldT: num(p, 'fieldT')!, tcK: num(p, 'tcK')! }] : []));
}

/** A magnetic file's χ(T) segments at several fields in the headline's mode: Tc onset against μ0H (1 T = 10⁴ Oe). */
function magneticHc2Points(metrics: Metrics): Hc2Point[] {
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

/**
 * μ0Hc2(T) when the run holds transitions at two fields or more: the points, and, from the stored
 * resistance metrics, the straight line of slope dμ0Hc2/dT through Tc0 (the WHH input, Tc0 being
 * what μ0Hc2(0)_WHH = −0.693 Tc0 · slope implies) and the Maki–de Gennes curve of the fitted
 * μ0Hc2(0) (its diffusivity recovered from μ0Hc2(0) and Tc0), with the estimates as facts.
 */
function hc2Panel(points: Hc2Point[], metrics: Metrics): PlotPanel[] {
  if (new Set(points.map((p) => p.fieldT)).size < 2) return [];
  const sorted = [...points].sort((a, b) => a.tcK - b.tcK);
  const slope = num(metrics, 'dHc2dTTPerK');
  const whh = num(metrics, 'hc2ZeroWhhT');
  const mdg = num(metrics, 'hc2ZeroMdgT');
  const tc0K = slope !== null && slope < 0 && whh !== null ? whh / (-WHH_COEFF * slope) : null;
  const fits: PlotSeries[] = [];
  if (tc0K !== null) {
    const fromK = Math.min(...sorted.map((p) => p.tcK));
    fits.push(series('linear fit near Tc (dμ0Hc2/dT)', 'fit', { x: [fromK, tc0K], y: [slope! * (fromK - tc0K), 0] }));
    if (mdg !== null && mdg > 0) {
      // μ0Hc2(0) = mdgHc2ZeroT(Tc0, D) is inverse in D, so D = mdgHc2ZeroT(Tc0, 1) / μ0Hc2(0).
      const diffusivity = mdgHc2ZeroT(tc0K, 1) / mdg;
      const xs = grid(0.02 * tc0K, tc0K, 80);
      fits.push(series('Maki–de Gennes fit', 'fit', { x: xs, y: xs.map((t) => mdgFieldFactor(t, tc0K) / diffusivity) }));
    }
  }
  return [
    panel({
      id: 'hc2',
      title: 'Hc2(T)',
      xLabel: 'Temperature (K)',
      yLabel: 'μ0Hc2 (T)',
      series: [series('Hc2(T) points', 'measured', { x: sorted.map((p) => p.tcK), y: sorted.map((p) => p.fieldT) }, 0, false, true), ...fits],
      facts: [
        ...(slope !== null ? [fact('dμ0Hc2/dT', slope, num(metrics, 'dHc2dTErrTPerK'), 'T/K')] : []),
        ...(whh !== null ? [fact('μ0Hc2(0) WHH', whh, null, 'T')] : []),
        ...(mdg !== null ? [fact('μ0Hc2(0) Maki–de Gennes', mdg, null, 'T')] : []),
        ...(num(metrics, 'xiNm') !== null ? [fact('ξ(0)', num(metrics, 'xiNm'), null, 'nm')] : []),
      ],
    }),
  ];
}

/** The pattern with the fitted halo, the background under it, and the SNIP background when one was subtracted; q₁ and Bragg peaks marked. */
function xrdPanels(curves: Curves, metrics: Metrics): PlotPanel[] {
  const bragg = Array.isArray(metrics.braggPeaksInvA) ? (metrics.braggPeaksInvA as unknown[]).filter((v): v is number => typeof v === 'number') : [];
  return [
    panel({
      id: 'xrd',
      title: 'XRD pattern',
      xLabel: curves.pattern?.xLabel ?? 'q (Å⁻¹)',
      yLabel: 'intensity',
      series: [
        series('pattern', 'measured', finite(curves.pattern)),
        series('halo fit (pseudo-Voigt + background)', 'fit', finite(curves.haloFit)),
        series('background under the halo', 'background', finite(curves.haloBackground)),
        series('SNIP background', 'background', finite(curves.snipBackground)),
      ],
      markers: [...marker('q₁', num(metrics, 'q1InvA')), ...bragg.slice(0, 8).map((x) => ({ label: 'Bragg', x }))],
      facts: [
        fact('q₁', num(metrics, 'q1InvA'), num(metrics, 'q1ErrInvA'), 'Å⁻¹'),
        fact('FWHM', num(metrics, 'fwhmInvA'), num(metrics, 'fwhmErrInvA'), 'Å⁻¹'),
        ...(num(metrics, 'densityChangePct') !== null ? [fact('Δρ/ρ', num(metrics, 'densityChangePct'), null, '%')] : []),
      ],
      notes: bragg.length > 0 ? [`${bragg.length} narrow Bragg peak(s): (partly) crystalline`] : [],
    }),
  ];
}

/** The heating scan with Tg and Tx marked; the difference to a reference scan on the secondary axis. */
function dscPanels(curves: Curves, metrics: Metrics): PlotPanel[] {
  return [
    panel({
      id: 'dsc',
      title: 'DSC scan',
      xLabel: curves.heatFlow?.xLabel ?? 'T (K)',
      yLabel: curves.heatFlow?.yLabel ?? 'heat flow',
      y2Label: curves.relaxDifference ? (curves.relaxDifference.yLabel ?? 'difference') : null,
      series: [series('heat flow', 'measured', finite(curves.heatFlow)), series('difference to reference', 'measured', finite(curves.relaxDifference), 1)],
      markers: [...marker('Tg', num(metrics, 'tgOnsetK')), ...marker('Tx', num(metrics, 'txOnsetK'))],
      facts: [
        fact('Tg onset', num(metrics, 'tgOnsetK'), null, 'K'),
        fact('Tx onset', num(metrics, 'txOnsetK'), null, 'K'),
        ...(num(metrics, 'dhCrystJPerG') !== null ? [fact('crystallization enthalpy', num(metrics, 'dhCrystJPerG'), null, 'J/g')] : []),
      ],
    }),
  ];
}

/** I(q) on log–log axes with A·q^−n + B evaluated from the fitted A, n and B (the stored fit curve when they are missing). */
function saxsPanels(curves: Curves, metrics: Metrics): PlotPanel[] {
  const profile = finite(curves.profile);
  const a = num(metrics, 'prefactorA');
  const n = num(metrics, 'powerLawN');
  const b = num(metrics, 'backgroundB');
  const fit =
    a !== null && n !== null && b !== null && profile.x.length > 0
      ? { x: profile.x.filter((q) => q > 0), y: profile.x.filter((q) => q > 0).map((q) => powerLawAt({ a, n, b }, q)) }
      : finite(curves.powerLaw);
  const bumps = Array.isArray(metrics.bumps) ? metrics.bumps.length : 0;
  return [
    panel({
      id: 'saxs',
      title: 'SAXS profile',
      xLabel: curves.profile?.xLabel ?? 'q (Å⁻¹)',
      yLabel: 'I(q)',
      xLog: true,
      yLog: true,
      // Log axes cannot show zero or negative intensities.
      series: [series('I(q)', 'measured', positive(profile)), series('A·q⁻ⁿ + B fit', 'fit', positive(fit))],
      facts: [fact('n', n, num(metrics, 'powerLawNErr'), ''), fact('B', b, num(metrics, 'backgroundBErr'), ''), fact('A', a, null, '')],
      notes: bumps > 0 ? [`${bumps} bump(s) above the power law beyond 3σ: possible nanoscale fluctuation`] : [],
    }),
  ];
}

function positive({ x, y }: { x: number[]; y: number[] }): { x: number[]; y: number[] } {
  const keep = x.map((v, i) => v > 0 && y[i] > 0);
  return { x: x.filter((_, i) => keep[i]), y: y.filter((_, i) => keep[i]) };
}

/** Every stored curve on one panel, for a technique this module has no layout for. */
function genericPanels(curves: Curves): PlotPanel[] {
  const entries = Object.entries(curves);
  return [
    panel({
      id: 'curves',
      title: 'Curves',
      xLabel: entries[0]?.[1].xLabel ?? '',
      yLabel: entries[0]?.[1].yLabel ?? '',
      series: entries.map(([k, c]) => series(k, 'measured', finite(c))),
    }),
  ];
}

/**
 * The panels of one analysis run of the given technique from its stored curves and metrics. Every
 * series is finite and at most PLOT_MAX_POINTS long; panels with nothing to draw are left out.
 */
export function analysisPlot(
  technique: string,
  curves: Curves | null | undefined,
  metrics: Metrics | null | undefined,
  options: AnalysisPlotOptions = {},
): AnalysisPlot {
  const c = curves ?? {};
  const m = metrics ?? {};
  const panels = (() => {
    switch (technique) {
      case 'MAGNETIC':
        return magneticPanels(c, m, options);
      case 'RESISTANCE':
        return resistancePanels(c, m);
      case 'XRD':
        return xrdPanels(c, m);
      case 'DSC':
        return dscPanels(c, m);
      case 'SAXS':
        return saxsPanels(c, m);
      default:
        return genericPanels(c);
    }
  })();
  return { technique, panels: panels.filter((p) => p.series.length > 0) };
}
