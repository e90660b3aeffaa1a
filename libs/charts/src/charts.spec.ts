import type { LineSeriesOption, ScatterSeriesOption } from 'echarts';
import { analysisFigureOption, analysisMarkers } from './analysis-figure';
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

describe('analysis figure option', () => {
  const curve = (x: number[], y: number[], yLabel: string) => ({ x, y, xLabel: 'Temperature (K)', yLabel });

  it('marks Tc onset and mid on χ(T), with dχ/dT on its own axis', () => {
    const option = analysisFigureOption(
      'MAGNETIC',
      {
        chiZfc: curve([2, 3, 4], [-1, -0.5, 0], 'χ_mass ZFC (emu/g/Oe)'),
        chiFc: curve([2, 3, 4], [-0.3, -0.1, 0], 'χ_mass FC'),
        dChiDt: curve([2, 3, 4], [0.1, 0.5, 0.1], 'dχ/dT'),
      },
      { tcOnsetK: 3.61, tcMidK: 3.2, fcZfcRatio: 0.25 },
    );
    const series = option.series as LineSeriesOption[];
    expect(series.map((s) => [s.name, s.yAxisIndex])).toEqual([
      ['χ ZFC', 0],
      ['χ FC', 0],
      ['dχ/dT (local-Tc distribution)', 1],
    ]);
    expect((series[0].markLine!.data as { xAxis: number }[]).map((d) => d.xAxis)).toEqual([3.61, 3.2]);
  });

  it('draws χ FC only when the run was paired: an unpaired ZFC or an FC run shows one sweep', () => {
    const names = (curves: Record<string, ReturnType<typeof curve>>, mode?: 'ZFC' | 'FC') =>
      (analysisFigureOption('MAGNETIC', curves, {}, { mode }).series as LineSeriesOption[]).map((s) => s.name);
    const zfc = curve([2, 3, 4], [-1, -0.5, 0], 'χ_mass ZFC (emu/g/Oe)');
    expect(names({ chiZfc: zfc }, 'ZFC')).toEqual(['χ ZFC']);
    expect(names({ chiZfc: zfc, chiFc: curve([], [], 'χ_mass FC') }, 'ZFC')).toEqual(['χ ZFC']);
    expect(names({ chiZfc: zfc, chiFc: curve([2, 3], [Number.NaN, Number.NaN], 'χ_mass FC') }, 'ZFC')).toEqual(['χ ZFC']);
    expect(names({ chiZfc: zfc }, 'FC')).toEqual(['χ FC']);
  });

  it('leaves out markers whose metric is missing, and points that are not finite', () => {
    expect(analysisMarkers('DSC', { tgOnsetK: 474.2, txOnsetK: null })).toEqual([{ label: 'Tg', x: 474.2 }]);
    const option = analysisFigureOption('DSC', { heatFlow: curve([400, 450, 500], [0.1, Number.NaN, 0.3], 'W/g') }, {});
    expect((option.series as LineSeriesOption[])[0].data).toEqual([
      [400, 0.1],
      [500, 0.3],
    ]);
  });

  it('draws SAXS on log–log axes', () => {
    const option = analysisFigureOption('SAXS', { profile: curve([0.01, 0.1], [100, 1], 'I'), powerLaw: curve([0.01, 0.1], [99, 1.1], 'I fit') }, { slope: 4 });
    expect((option.xAxis as { type: string }).type).toBe('log');
    expect((option.yAxis as { type: string }[])[0].type).toBe('log');
  });
});
