import type { LineSeriesOption, ScatterSeriesOption } from 'echarts';
import { analysisPanelCaption, analysisPanelOption, type PlotPanel } from './analysis-figure';
import { FIT_NAME, reportFigureOption, type ReportFigureInput } from './report-figure';

const report: ReportFigureInput = {
  campaign: { name: 'Anneal 453 K', factor: { kind: 'ANNEAL_HOLD_MIN', targetK: 453, levels: [0, 1, 5] } },
  metrics: {
    tcOnsetK: { label: 'Tc onset', unit: 'K', levels: [{ level: 0, mean: 3.6, std: 0.01 }] },
    chiAbs1p8KEmuPerGOe: { label: '|χ| at 1.8 K', unit: 'emu g⁻¹ Oe⁻¹', levels: [{ level: 0, mean: 0.0095, std: 0.0001 }] },
  },
  pieces: [
    { sampleId: 'a', code: 'I0001-R1-P01', level: 0, values: { tcOnsetK: 3.61, chiAbs1p8KEmuPerGOe: 0.0095, fcZfcRatio: null } },
    { sampleId: 'b', code: 'I0001-R1-P02', level: 1, values: { tcOnsetK: 3.52, chiAbs1p8KEmuPerGOe: 0.0059, fcZfcRatio: 0.25 } },
  ],
  fits: { chiExponential: { k: 0.005, tauMin: 1.2, y0: 0.0045 } },
};

describe('report figure option', () => {
  it('puts every measured piece in its panel, as bare points for the SVG', () => {
    const option = reportFigureOption(report);
    const scatters = (option.series as ScatterSeriesOption[]).filter((s) => s.type === 'scatter');
    expect(scatters.map((s) => s.data)).toEqual([
      [
        [0, 3.61],
        [1, 3.52],
      ],
      [
        [0, 0.0095],
        [1, 0.0059],
      ],
      [[1, 0.25]],
    ]);
  });

  it('in the browser, points carry the piece code and id so a click can open it', () => {
    const option = reportFigureOption(report, { interactive: true });
    const first = (option.series as ScatterSeriesOption[]).find((s) => s.type === 'scatter')!;
    expect(first.data).toEqual([
      { value: [0, 3.61], name: 'I0001-R1-P01', sampleId: 'a' },
      { value: [1, 3.52], name: 'I0001-R1-P02', sampleId: 'b' },
    ]);
    expect(option.tooltip).toBeDefined();
  });

  it('draws the fitted exponential through k·exp(−t/τ) + y0 over the levels', () => {
    const fit = (reportFigureOption(report).series as LineSeriesOption[]).find((s) => s.name === FIT_NAME)!;
    const data = fit.data as number[][];
    expect(data[0]).toEqual([0, 0.005 + 0.0045]);
    const [t, y] = data[data.length - 1];
    expect(t).toBe(5);
    expect(y).toBeCloseTo(0.005 * Math.exp(-5 / 1.2) + 0.0045, 12);
  });
});

describe('analysis panel option', () => {
  const panel = (p: Partial<PlotPanel>): PlotPanel => ({
    id: 'tc-distribution',
    title: 'Local-Tc distribution',
    xLabel: 'Temperature (K)',
    yLabel: 'P(T) = −df/dT (K⁻¹)',
    y2Label: null,
    xLog: false,
    yLog: false,
    series: [],
    markers: [],
    facts: [],
    notes: [],
    ...p,
  });
  const s = (name: string, role: 'measured' | 'fit' | 'background', extra: Partial<PlotPanel['series'][number]> = {}) => ({
    name,
    role,
    x: [3, 3.5, 4],
    y: [0.1, 4, 0.1],
    axis: 0 as const,
    highlight: false,
    points: false,
    ...extra,
  });

  it('draws a points series as symbols without a line (Hc2(T) points)', () => {
    const [points, line] = analysisPanelOption(panel({ series: [s('Hc2(T) points', 'measured', { points: true }), s('fit', 'fit')] }))
      .series as LineSeriesOption[];
    expect([points.showSymbol, (points.lineStyle as { width: number }).width]).toEqual([true, 0]);
    expect([line.showSymbol, (line.lineStyle as { width: number }).width > 0]).toEqual([false, true]);
  });

  it('draws measured series solid, fits dashed, backgrounds dotted grey, and marks the markers', () => {
    const option = analysisPanelOption(
      panel({
        series: [s('−dχ/dT ZFC, normalised', 'measured'), s('Gaussian fit ZFC', 'fit'), s('SNIP background', 'background')],
        markers: [{ label: 'μ ZFC', x: 3.4066 }],
      }),
    );
    const series = option.series as LineSeriesOption[];
    expect(series.map((x) => [x.name, (x.lineStyle as { type: string }).type])).toEqual([
      ['−dχ/dT ZFC, normalised', 'solid'],
      ['Gaussian fit ZFC', 'dashed'],
      ['SNIP background', 'dotted'],
    ]);
    expect(series[0].data).toEqual([
      [3, 0.1],
      [3.5, 4],
      [4, 0.1],
    ]);
    expect(series[0].markLine!.data).toEqual([{ name: 'μ ZFC 3.407', xAxis: 3.4066 }]);
  });

  it('draws the headline channel stronger than the others, and a series on the secondary axis gets one', () => {
    const option = analysisPanelOption(
      panel({ series: [s('channel 1 (headline), 0 T', 'measured', { highlight: true }), s('channel 2, 0 T', 'measured', { axis: 1 })], y2Label: 'other' }),
    );
    const [head, other] = option.series as LineSeriesOption[];
    expect((head.lineStyle as { width: number }).width).toBeGreaterThan((other.lineStyle as { width: number }).width);
    expect((option.yAxis as { name: string }[]).map((a) => a.name)).toEqual(['P(T) = −df/dT (K⁻¹)', 'other']);
  });

  it('uses log axes where the panel asks (SAXS)', () => {
    const option = analysisPanelOption(panel({ id: 'saxs', xLog: true, yLog: true, series: [s('I(q)', 'measured')] }));
    expect((option.xAxis as { type: string }).type).toBe('log');
    expect((option.yAxis as { type: string }[])[0].type).toBe('log');
  });

  it("captions what is drawn, the figures with their errors and units, and the notes; the same text is the chart's aria description", () => {
    const p = panel({
      series: [s('−dχ/dT ZFC, normalised', 'measured'), s('Gaussian fit ZFC', 'fit')],
      facts: [
        { label: 'μ ZFC', value: 3.4066, error: 0.00047, unit: 'K' },
        { label: 'σ ZFC', value: 0.0915, error: 0.00066, unit: 'K' },
        { label: 'absent', value: null, error: null, unit: 'K' },
      ],
      notes: ['ZFC sweep truncated: it stops before the transition is complete'],
    });
    const caption = analysisPanelCaption(p);
    expect(caption).toBe(
      'Local-Tc distribution: −dχ/dT ZFC, normalised, Gaussian fit ZFC. μ ZFC = 3.4066 ± 0.0005 K; σ ZFC = 0.0915 ± 0.0007 K. ZFC sweep truncated: it stops before the transition is complete.',
    );
    expect((analysisPanelOption(p).aria as { label: { description: string } }).label.description).toBe(caption);
  });
});
