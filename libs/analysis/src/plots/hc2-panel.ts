/** The μ0Hc2(T) panel shared by resistance runs (Tc at each field) and magnetic files with χ(T) at several fields. */
import { mdgFieldFactor, mdgHc2ZeroT, WHH_COEFF } from '../resistance/dirty-limit';
import { fact, grid, num, panel, series } from './plot-builders';
import type { PlotMetrics, PlotPanel, PlotSeries } from './plot.types';

export type Hc2Point = { fieldT: number; tcK: number };

/**
 * μ0Hc2(T) when the run holds transitions at two fields or more: the points, and, from the stored
 * resistance metrics, the straight line of slope dμ0Hc2/dT through Tc0 (the WHH input, Tc0 being
 * what μ0Hc2(0)_WHH = −0.693 Tc0 · slope implies) and the Maki–de Gennes curve of the fitted
 * μ0Hc2(0) (its diffusivity recovered from μ0Hc2(0) and Tc0), with the estimates as facts.
 */
export function hc2Panel(points: Hc2Point[], metrics: PlotMetrics): PlotPanel[] {
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
