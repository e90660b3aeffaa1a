/** The report's transitions figure (Fig. 4(c)) rendered server-side by ECharts; the option comes from libs/charts. */
import * as echarts from 'echarts';
import { transitionFigureHeight, transitionFigureOption, type TransitionPiece } from '../../../../libs/charts/src/transition-figure';

/** One SVG: a panel per piece with −dχ/dT (ZFC, FC) and dR/dT normalised; '' without pieces. */
export function renderTransitionsSvg(pieces: readonly TransitionPiece[], width = 1200): string {
  if (pieces.length === 0) return '';
  const height = transitionFigureHeight(pieces.length);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(transitionFigureOption(pieces, { width }));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
