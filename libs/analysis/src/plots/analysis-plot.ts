/**
 * The plots of one analysis run, as data: what each panel draws (measured series, fitted models,
 * backgrounds), where it marks a metric, and the figures a caption states. Built from what the run
 * stored — its downsampled curves and its metrics — with fitted models evaluated from the stored
 * parameters (the local-Tc Gaussian from μ and σ, the SAXS power law from A, n and B). Pure; the
 * API serves it (GET /api/analyses/:id/plot) and libs/charts turns each panel into a chart option.
 */
import type { Curves } from '../core/types';
import { magneticPanels } from './magnetic-panels';
import type { AnalysisPlot, AnalysisPlotOptions, PlotMetrics } from './plot.types';
import { resistancePanels } from './resistance-panels';
import { dscPanels, genericPanels, saxsPanels, xrdPanels } from './scan-panels';

/**
 * The panels of one analysis run of the given technique from its stored curves and metrics. Every
 * series is finite and at most PLOT_MAX_POINTS long; panels with nothing to draw are left out.
 */
export function analysisPlot(
  technique: string,
  curves: Curves | null | undefined,
  metrics: PlotMetrics | null | undefined,
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
