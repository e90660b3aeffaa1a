import fc from 'fast-check';
import { simulatePpms, PpmsOptions } from '../../../instruments/src/ppms';
import { TransportData } from '../core/types';
import { analyzeResistance, ANALYZER, ResistanceResult } from './index';

/**
 * A minimal reader of the virtual instrument's text (columns by name, blanks → NaN), so these specs
 * do not depend on the MultiVu parser; resistance.roundtrip.spec.ts goes through the real one.
 */
function transportOf(text: string, channels: string[]): TransportData {
  const lines = text.split('\n');
  const at = lines.indexOf('[Data]');
  const header = lines[at + 1].split(',');
  const rows = lines
    .slice(at + 2)
    .filter((l) => l !== '')
    .map((l) => l.split(','));
  const col = (name: string): number[] => rows.map((r) => ((r[header.indexOf(name)] ?? '') === '' ? NaN : Number(r[header.indexOf(name)])));
  return {
    temperatureK: col('Temperature (K)'),
    fieldOe: col('Magnetic Field (Oe)'),
    channels: channels.map((name) => ({ name, unit: '', values: col(name) })),
  };
}

function analyze(opts: PpmsOptions, params: { channel?: number } = {}) {
  const file = simulatePpms(opts);
  const names = opts.option === 'actransport' ? ['Res. ch1 (ohm-cm)', 'Res. ch2 (ohm-cm)'] : ['Bridge 2 Resistance (Ohms)', 'Bridge 1 Resistance (Ohms)'];
  const res = analyzeResistance(transportOf(file.text, names), params);
  return { file, res };
}

function value(res: ReturnType<typeof analyzeResistance>): ResistanceResult {
  if (!res.ok) throw res.error;
  return res.value;
}

const rel = (a: number | null, b: number): number => Math.abs((a ?? NaN) - b) / b;

describe('analyzeResistance on the virtual PPMS (full dirty-limit Hc2(T), fields up to 0.65·Hc2(0))', () => {
  it('identifies itself', () => {
    expect(ANALYZER).toEqual({ name: 'resistance', version: '1.1.0' });
  });

  it.each([1, 2, 3])('recovers Tc within 5 mK, Hc2(0) (WHH and MdG) and ξ within 3 %, seed %i', (seed) => {
    const { file, res } = analyze({ seed });
    const { metrics, warnings } = value(res);
    const t = file.truth;
    expect(Math.abs(metrics.tcK - t.tcK)).toBeLessThan(0.005);
    expect(rel(metrics.width1090K, t.width1090K)).toBeLessThan(0.1);
    expect(metrics.tcrSign).toBe(-1);
    expect(metrics.hc2Points.map((p) => p.fieldT)).toEqual([0, 0.25, 0.5, 1, 2, 3, 3.77]);
    // The slope uses the points with Tc ≥ 0.9 Tc0 (0, 0.25, 0.5 T here); their chord is 0.9 %
    // shallower than the true slope at Tc, because the dirty-limit curve bends away from Tc.
    expect(rel(metrics.dHc2dTTPerK, t.dHc2dTTPerK)).toBeLessThan(0.03);
    expect(metrics.dHc2dTErrTPerK).toBeGreaterThan(0);
    expect(metrics.dHc2dTErrTPerK).toBeLessThan(0.05);
    expect(rel(metrics.hc2ZeroWhhT, t.hc2ZeroT)).toBeLessThan(0.03);
    expect(rel(metrics.hc2ZeroMdgT, t.hc2ZeroT)).toBeLessThan(0.03);
    expect(rel(metrics.xiNm, t.xiNm)).toBeLessThan(0.03);
    expect(rel(metrics.xiMdgNm, t.xiNm)).toBeLessThan(0.03);
    expect(warnings).toEqual([]);
  });

  it("reproduces the study's numbers: Tc ≈ 3.6 K, < 0.02 K wide, Hc2(0) ≈ 5.8 T (WHH), ≈ 5.7 T (MdG), ξ ≈ 7.5 nm", () => {
    // Generated from the full digamma curve with μ0Hc2(0) = 5.8 T. The MdG fit returns that curve's
    // Hc2(0) (5.80 T, 1.8 % above the paper's 5.7 T); the near-Tc WHH estimate comes out 1 % low
    // (5.74 T) from the chord bias, so no single digamma curve gives exactly 5.8 and 5.7 at once.
    const { metrics } = value(analyze({ seed: 11 }).res);
    expect(Math.abs(metrics.tcK - 3.6)).toBeLessThan(0.01);
    expect(metrics.width1090K).toBeLessThan(0.02);
    expect(rel(metrics.hc2ZeroWhhT, 5.8)).toBeLessThan(0.03);
    expect(rel(metrics.hc2ZeroMdgT, 5.7)).toBeLessThan(0.03);
    expect(rel(metrics.xiNm, 7.5)).toBeLessThan(0.03);
    expect(rel(metrics.xiNm, 7.6)).toBeLessThan(0.03);
  });

  it('keeps WHH within 3 % on the sparser 0, 0.5, 1, 2, 3, 3.77 T set, and warns', () => {
    // Only 0 and 0.5 T lie above 0.9 Tc0, so the slope falls back to the three highest-Tc points
    // (0, 0.5, 1 T, down to t = 0.88): noise-free WHH/Hc2(0) = 0.981. A straight line through all six
    // points (down to t = 0.5) would give 0.904, i.e. 10 % low: the slope must be taken near Tc.
    const { file, res } = analyze({ seed: 4, fieldsT: [0, 0.5, 1, 2, 3, 3.77] });
    const { metrics, warnings } = value(res);
    expect(metrics.hc2ZeroWhhT! / file.truth.hc2ZeroT).toBeGreaterThan(0.97);
    expect(metrics.hc2ZeroWhhT! / file.truth.hc2ZeroT).toBeLessThan(0.99);
    expect(rel(metrics.hc2ZeroMdgT, file.truth.hc2ZeroT)).toBeLessThan(0.01);
    expect(warnings.join(' ')).toMatch(/highest-Tc points/);
  });

  it('recovers a different glass (Tc 2.9 K, Hc2(0) 3.5 T, no zero-field sweep)', () => {
    const { file, res } = analyze({ seed: 5, model: { tc0K: 2.9, hc2ZeroT: 3.5 }, fieldsT: [0.05, 0.2, 0.4, 0.8, 1.5, 2.2] });
    const { metrics } = value(res);
    expect(Math.abs(metrics.tcK - file.truth.tcK)).toBeLessThan(0.005);
    expect(rel(metrics.hc2ZeroWhhT, 3.5)).toBeLessThan(0.03);
    expect(rel(metrics.hc2ZeroMdgT, 3.5)).toBeLessThan(0.03);
  });

  it('analyses the AC Transport file: ch1 by default, ch2 on request', () => {
    const data = transportOf(simulatePpms({ seed: 6, option: 'actransport' }).text, ['Res. ch1 (ohm-cm)', 'Res. ch2 (ohm-cm)']);
    const ch1 = value(analyzeResistance(data, {}));
    expect(Math.abs(ch1.metrics.tcK - 3.6)).toBeLessThan(0.005);
    expect(ch1.curves?.['R(T) 0 T'].yLabel).toBe('Res. ch1 (ohm-cm)');
    const ch2 = value(analyzeResistance(data, { channel: 2 }));
    expect(ch2.curves?.['R(T) 0 T'].yLabel).toBe('Res. ch2 (ohm-cm)');
    expect(Math.abs(ch2.metrics.tcK - 3.6)).toBeLessThan(0.005);
    const missing = analyzeResistance(data, { channel: 7 });
    expect(missing.ok ? 'ok' : missing.error.code).toBe('MISSING_PARAMETER');
  });

  it('single field: Tc but Hc2 metrics null, with a warning', () => {
    const { metrics, warnings } = value(analyze({ seed: 7, fieldsT: [0] }).res);
    expect(Math.abs(metrics.tcK - 3.6)).toBeLessThan(0.005);
    expect(metrics.hc2Points).toHaveLength(1);
    for (const k of ['dHc2dTTPerK', 'dHc2dTErrTPerK', 'hc2ZeroWhhT', 'hc2ZeroMdgT', 'xiNm', 'xiMdgNm'] as const) expect(metrics[k]).toBeNull();
    expect(warnings.join(' ')).toMatch(/single field/);
  });

  it('positive TCR is reported as +1', () => {
    expect(value(analyze({ seed: 8, fieldsT: [0], model: { tcrPerK: 2e-3 } }).res).metrics.tcrSign).toBe(1);
  });

  it('no transition in the sweep → NO_TRANSITION; too few rows → NOT_ENOUGH_DATA', () => {
    const none = analyze({ seed: 9, fieldsT: [0, 1], model: { tc0K: 1.2 }, tMinK: 1.8 }).res;
    expect(none.ok ? 'ok' : none.error.code).toBe('NO_TRANSITION');
    const few = analyzeResistance({ temperatureK: [3, 4, 5], fieldOe: [0, 0, 0], channels: [{ name: 'R', unit: 'Ohms', values: [0, 1, 1] }] }, {});
    expect(few.ok ? 'ok' : few.error.code).toBe('NOT_ENOUGH_DATA');
    const empty = analyzeResistance({ temperatureK: [], fieldOe: [], channels: [] }, {});
    expect(empty.ok ? 'ok' : empty.error.code).toBe('NOT_ENOUGH_DATA');
  });

  it('ignores a slow field ramp that chains into one "setpoint"', () => {
    const n = 400;
    const ramp: TransportData = {
      temperatureK: Array.from({ length: n }, (_, i) => 2 + i * 1e-3),
      fieldOe: Array.from({ length: n }, (_, i) => i * 5),
      channels: [{ name: 'R', unit: 'Ohms', values: Array.from({ length: n }, (_, i) => (i < 200 ? 0 : 1)) }],
    };
    const res = analyzeResistance(ramp, {});
    expect(res.ok ? 'ok' : res.error.code).toBe('NOT_ENOUGH_DATA');
  });

  it('never throws on arbitrary rows', () => {
    const cell = fc.oneof(fc.double(), fc.constant(NaN), fc.constantFrom(0, 1, 5000, 10000));
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, cell), { maxLength: 80 }), (rows) => {
        const res = analyzeResistance(
          { temperatureK: rows.map((r) => r[0]), fieldOe: rows.map((r) => r[1]), channels: [{ name: 'R', unit: 'Ohms', values: rows.map((r) => r[2]) }] },
          {},
        );
        expect(typeof res.ok).toBe('boolean');
      }),
      { numRuns: 200 },
    );
  });

  it('treats a file without field readings as zero field', () => {
    const file = simulatePpms({ seed: 10, fieldsT: [0] });
    const data = transportOf(file.text, ['Bridge 1 Resistance (Ohms)']);
    const { metrics, warnings } = value(analyzeResistance({ ...data, fieldOe: data.fieldOe.map(() => NaN) }, {}));
    expect(Math.abs(metrics.tcK - 3.6)).toBeLessThan(0.005);
    expect(warnings.join(' ')).toMatch(/no magnetic-field readings/);
  });
});
