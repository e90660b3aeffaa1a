/** The resistance run's panels: R(T) of every channel and, with several fields, Hc2(T). */
import type { Curves } from '../core/types';
import { hc2Panel, type Hc2Point } from './hc2-panel';
import { fact, finite, marker, num, panel, series } from './plot-builders';
import type { PlotMetrics, PlotPanel } from './plot.types';

const R_OF_T = /^R\(T\) (.+?)(?:, channel (\d+))?$/;

/** R(T) of every channel (the headline channel's at every field, the others' at their lowest), the headline channel drawn stronger, Tc (50 %) marked. */
export function resistancePanels(curves: Curves, metrics: PlotMetrics): PlotPanel[] {
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

/** The resistance run's Hc2(T) points (Tc by the 50 % criterion at each field). */
function resistanceHc2Points(metrics: PlotMetrics): Hc2Point[] {
  const points = Array.isArray(metrics.hc2Points) ? (metrics.hc2Points as unknown[]) : [];
  return points.flatMap((p) => (num(p, 'fieldT') !== null && num(p, 'tcK') !== null ? [{ fieldT: num(p, 'fieldT')!, tcK: num(p, 'tcK')! }] : []));
}
