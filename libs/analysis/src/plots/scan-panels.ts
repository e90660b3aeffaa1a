/** The panels of single-scan techniques (the XRD pattern, the DSC heating scan, the SAXS profile) and every curve on one panel for any other. */
import type { Curves } from '../core/types';
import { powerLawAt } from '../saxs/power-law-fit';
import { fact, finite, marker, num, panel, positive, series } from './plot-builders';
import type { PlotMetrics, PlotPanel } from './plot.types';

/** The pattern with the fitted halo, the background under it, and the SNIP background when one was subtracted; q₁ and Bragg peaks marked. */
export function xrdPanels(curves: Curves, metrics: PlotMetrics): PlotPanel[] {
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
export function dscPanels(curves: Curves, metrics: PlotMetrics): PlotPanel[] {
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
export function saxsPanels(curves: Curves, metrics: PlotMetrics): PlotPanel[] {
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

/** Every stored curve on one panel, for a technique this module has no layout for. */
export function genericPanels(curves: Curves): PlotPanel[] {
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
