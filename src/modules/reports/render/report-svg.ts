/** The campaign report's figure rendered server-side by ECharts as one SVG; the option comes from libs/charts, shared with the web app. */
import * as echarts from 'echarts';

import { TECHNIQUE_REGISTRY } from '../../../../libs/analysis/src/techniques';
import { reportFigureOption, type ReportFigureOptions, type ReportPanel } from '../../../../libs/charts/src/report-figure';
import { decayFitMetric } from '../report-builder';
import type { CampaignReport } from '../report.types';

export { FIT_CURVE_COLOR } from '../../../../libs/charts/src/report-figure';

/** The panels, left to right: the report metrics the techniques put in the figure, with their y-axis names (units). */
export const SVG_PANELS: readonly ReportPanel[] = TECHNIQUE_REGISTRY.reportMetrics.flatMap((m) =>
  m.figure ? [{ key: m.key, title: m.label, yName: m.figure.yName }] : [],
);
const DECAY_FIT_KEY = decayFitMetric()?.key;

/** Figure size in px (default 1200 × 460); the SVG has a viewBox, so CSS can scale it. */
export type ReportSvgOptions = Pick<ReportFigureOptions, 'width' | 'height'>;

/**
 * One SVG figure (ECharts server-side rendering) of reportFigureOption: Tc onset, |χ_mass|(1.8 K)
 * and FC/ZFC at 1.8 K against the campaign factor, per piece and per-level mean ± std, with the
 * fitted k·exp(−t/τ) + y0. Text is escaped by the SVG renderer, so the output can be inlined in HTML.
 */
export function renderReportSvg(report: CampaignReport, options: ReportSvgOptions = {}): string {
  const width = options.width ?? 1200;
  const height = options.height ?? 460;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(reportFigureOption(report, { width, height, panels: SVG_PANELS, ...(DECAY_FIT_KEY !== undefined && { decayFitKey: DECAY_FIT_KEY }) }));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
