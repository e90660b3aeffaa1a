/** The campaign report's figure rendered server-side by ECharts as one SVG; the option comes from libs/charts, shared with the web app. */
import * as echarts from 'echarts';

import type { TechniqueRegistryView } from '../../../../libs/analysis/src/technique/registry';
import { TECHNIQUE_REGISTRY } from '../../../../libs/analysis/src/techniques';
import { reportFigureOption, type ReportFigureOptions, type ReportPanel } from '../../../../libs/charts/src/report-figure';
import { decayFitMetric } from '../report-builder';
import type { CampaignReport } from '../report.types';

export { FIT_CURVE_COLOR } from '../../../../libs/charts/src/report-figure';

/** The built-in registry's panels, left to right (TechniqueRegistry.reportPanels). */
export const SVG_PANELS: readonly ReportPanel[] = TECHNIQUE_REGISTRY.reportPanels;

/** Figure size in px (default 1200 × 460); the SVG has a viewBox, so CSS can scale it. */
export type ReportSvgOptions = Pick<ReportFigureOptions, 'width' | 'height'>;

/**
 * One SVG figure (ECharts server-side rendering) of reportFigureOption: Tc onset, |χ_mass|(1.8 K)
 * and FC/ZFC at 1.8 K against the campaign factor, per piece and per-level mean ± std, with the
 * fitted k·exp(−t/τ) + y0. Text is escaped by the SVG renderer, so the output can be inlined in HTML.
 */
export function renderReportSvg(report: CampaignReport, options: ReportSvgOptions = {}, registry: TechniqueRegistryView = TECHNIQUE_REGISTRY): string {
  const decayFitKey = decayFitMetric(registry)?.key;
  const width = options.width ?? 1200;
  const height = options.height ?? 460;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(reportFigureOption(report, { width, height, panels: registry.reportPanels, ...(decayFitKey !== undefined && { decayFitKey }) }));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
