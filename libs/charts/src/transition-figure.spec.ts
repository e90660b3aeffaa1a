import type { LineSeriesOption } from 'echarts';
import { derivative, normalisedToPeak, TRANSITION_SERIES, transitionFigureOption, transitionSeries, type TransitionPiece } from './transition-figure';

const grid = (from: number, to: number, n: number) => Array.from({ length: n }, (_, i) => from + ((to - from) * i) / (n - 1));
const gaussian = (mu: number, sigma: number, scale: number) => (t: number) => scale * Math.exp(-0.5 * ((t - mu) / sigma) ** 2);

describe('transitions figure (Fig. 4(c))', () => {
  const t = grid(2, 5, 301);
  const piece: TransitionPiece = {
    code: 'LA75-A0-P1',
    subtitle: 'level 0 min',
    // dχ/dT of a ZFC sweep is positive (χ rises towards 0 on warming), in emu/g/Oe/K.
    zfcDerivative: { x: t, y: t.map(gaussian(3.2, 0.18, 0.02)) },
    fcDerivative: { x: t, y: t.map(gaussian(3.15, 0.05, 0.005)) },
    // R(T) falls on cooling through a sharp step at 3.6 K; stored in descending T.
    resistance: { x: [...t].reverse(), y: [...t].reverse().map((T) => 0.15 * 0.5 * (1 + Math.tanh((T - 3.6) / 0.01))) },
  };

  it('differentiates R(T) with a local line, whatever the point order', () => {
    const d = derivative({ x: [3, 1, 2, 4], y: [6, 2, 4, 8] });
    expect(d.x).toEqual([1, 2, 3, 4]);
    for (const v of d.y) expect(v).toBeCloseTo(2, 12);
  });

  it('normalises each curve to a peak of +1 at the transition, dR/dT peaking at Tc_R', () => {
    const s = transitionSeries(piece);
    for (const kind of ['zfc', 'fc', 'resistance'] as const) expect(Math.max(...s[kind]!.map(([, v]) => v))).toBeCloseTo(1, 12);
    const peakAt = (data: number[][]) => data.reduce((best, p) => (p[1] > best[1] ? p : best))[0];
    expect(peakAt(s.zfc!)).toBeCloseTo(3.2, 1);
    expect(peakAt(s.fc!)).toBeCloseTo(3.15, 1);
    expect(peakAt(s.resistance!)).toBeCloseTo(3.6, 1);
    expect(normalisedToPeak({ x: [1, 2], y: [0, 0] })).toBeNull();
    expect(normalisedToPeak({ x: [1, 2], y: [-2, -4] })).toEqual([
      [1, 0.5],
      [2, 1],
    ]);
  });

  it('draws one panel per piece with the three named series, and says so for a piece without curves', () => {
    const option = transitionFigureOption([piece, { code: 'LA75-A1-P1' }]);
    const series = option.series as LineSeriesOption[];
    expect(series.map((s) => [s.name, s.xAxisIndex])).toEqual([
      [TRANSITION_SERIES.zfc.name, 0],
      [TRANSITION_SERIES.fc.name, 0],
      [TRANSITION_SERIES.resistance.name, 0],
    ]);
    expect((option.grid as object[]).length).toBe(2);
    const titles = (option.title as { text: string }[]).map((x) => x.text);
    expect(titles).toEqual(expect.arrayContaining(['LA75-A0-P1', 'LA75-A1-P1', 'no curves stored']));
    // The axis spans the χ distribution and the resistive step.
    const axis = (option.xAxis as { min: number; max: number }[])[0];
    expect(axis.min).toBeLessThan(2.7);
    expect(axis.max).toBeGreaterThan(3.6);
  });

  it('interactive: every point names its piece for a click, with a tooltip; the SVG report keeps bare points', () => {
    const other: TransitionPiece = { ...piece, code: 'LA75-A1-P1' };
    const option = transitionFigureOption([piece, other], { interactive: true });
    const series = option.series as LineSeriesOption[];
    expect(series.every((s) => s.showSymbol === true)).toBe(true);
    for (const s of series) {
      const data = s.data as { value: number[]; name: string }[];
      expect(data.length).toBeGreaterThan(10);
      expect(new Set(data.map((d) => d.name))).toEqual(new Set([s.xAxisIndex === 0 ? piece.code : other.code]));
    }
    const tooltip = option.tooltip as { formatter: (p: unknown) => string };
    expect(tooltip.formatter({ seriesName: TRANSITION_SERIES.fc.name, name: other.code, value: [3.25, 0.5] })).toBe(
      `LA75-A1-P1 · ${TRANSITION_SERIES.fc.name}: 0.50 at 3.250 K`,
    );

    const plain = transitionFigureOption([piece]);
    expect(plain.tooltip).toBeUndefined();
    const first = (plain.series as LineSeriesOption[])[0];
    expect(first.showSymbol).toBe(false);
    expect(Array.isArray((first.data as unknown[])[0])).toBe(true);
  });
});
