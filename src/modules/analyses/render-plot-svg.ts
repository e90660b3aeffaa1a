/**
 * A run's plot panels rendered server-side by ECharts as one SVG (panels stacked), from the same
 * libs/charts options the web app draws; each panel's caption is its <title> and aria description.
 */
import * as echarts from 'echarts';
import { analysisPanelCaption, analysisPanelOption, type PlotPanel } from '../../../libs/charts/src/analysis-figure';

export interface PlotSvgOptions {
  /** Width of the figure and height of each panel, px (default 720 × 320). */
  width?: number;
  panelHeight?: number;
}

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** One SVG holding every panel, top to bottom; an empty figure says there is nothing to plot. */
export function renderPlotSvg(panels: readonly PlotPanel[], options: PlotSvgOptions = {}): string {
  const width = options.width ?? 720;
  const height = options.panelHeight ?? 320;
  const parts = panels.map((panel, k) => {
    const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
    try {
      chart.setOption(analysisPanelOption(panel));
      // Each panel is a nested <svg> placed below the one before.
      return chart.renderToSVGString().replace(/^<svg /, `<svg y="${k * height}" `);
    } finally {
      chart.dispose();
    }
  });
  const total = Math.max(1, panels.length) * height;
  const title = panels.length ? panels.map(analysisPanelCaption).join(' ') : 'No plot: the run has not succeeded or stored no curves.';
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}"><title>${escapeXml(title)}</title>${parts.join('')}</svg>`;
}
