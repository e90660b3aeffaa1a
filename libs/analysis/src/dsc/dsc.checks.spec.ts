/**
 * The DSC analyzer's physical checks (dsc.checks.ts): virtual-instrument scans whose analysis would
 * be unphysical fail with the reason, the study's scans pass, and the rules themselves on metrics.
 */
import { virtualDscScan, type DscGlassModel } from '../../../instruments/src/dsc';
import { analyzeDsc, parseDsc } from './index';
import { implausibleDsc } from './dsc.checks';
import type { DscMetrics } from './dsc.types';

function analysed(model: Partial<DscGlassModel>, exo?: 'up' | 'down') {
  const f = virtualDscScan({ format: 'csv-units', seed: 3, model });
  const parsed = parseDsc(f.bytes, exo ? { exo } : {});
  if (!parsed.ok) throw parsed.error;
  return analyzeDsc(parsed.value);
}

const GOOD: DscMetrics = {
  tgOnsetK: 474.4,
  tgMidK: 477,
  dCpJPerGK: 0.12,
  txOnsetK: 498.5,
  txPeakK: 507,
  dhCrystJPerG: 35,
  dhRelaxJPerG: 2,
  relaxBaseline: 'linear',
  dTxK: 24.1,
  heatingRateKPerMin: 20,
};

describe('the DSC analyzer refuses unphysical results', () => {
  it('passes the study-like La75Al25 scan', () => {
    const r = analysed({});
    expect(r.ok).toBe(true);
  });

  it('fails a scan whose supercooled-liquid region is wider than any metallic glass’s (ΔTx ≈ 220 K)', () => {
    const r = analysed({ startK: 300, endK: 700, tgMidK: 380, relaxStartK: 320, relaxEndK: 360, crystTcK: 610 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('IMPLAUSIBLE');
    expect(r.error.message).toMatch(/^supercooled-liquid region ΔTx = Tx − Tg = 22\d\.\d K is outside the plausible 0–200 K/);
  });

  it('fails a scan read with the wrong exo direction instead of reporting its Tg step as a crystallization', () => {
    const r = analysed({}, 'down');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('IMPLAUSIBLE');
    expect(r.error.message).toMatch(/the heat-flow sign is probably reversed \(the file says exo down, from params; set exo\)/);
  });

  it('still reads a scan that stops before crystallization as no glass (the melting-like endotherm is reported, not refused)', () => {
    const r = analysed({ endK: 500 });
    expect(r.ok).toBe(true);
  });
});

describe('implausibleDsc', () => {
  it.each<[string, Partial<DscMetrics>, RegExp]>([
    ['Tg above Tx', { tgOnsetK: 500, tgMidK: 502, txOnsetK: 498.5, dTxK: -1.5 }, /^Tg onset 500\.0 K is not below Tx onset 498\.5 K/],
    ['Tx outside the scan', { txOnsetK: 640, txPeakK: 650, dTxK: 165.6 }, /^Tx onset 640\.0 K lies outside the scan \(323\.1–573\.1 K\)/],
    ['an endothermic crystallization', { dhCrystJPerG: -3 }, /^crystallization enthalpy -3\.00 J\/g is not exothermic/],
    ['a negative ΔCp', { dCpJPerGK: -0.1 }, /^heat-capacity step at Tg -0\.100 J\/g\/K is not positive/],
    ['a non-finite onset', { tgOnsetK: NaN }, /^Tg onset is not a finite number/],
    ['a non-finite enthalpy', { dhRelaxJPerG: Infinity }, /^relaxation enthalpy is not a finite number/],
    ['Tx peak before its onset', { txPeakK: 490 }, /^Tx peak 490\.0 K lies below Tx onset 498\.5 K/],
  ])('%s', (_, change, reason) => {
    expect(implausibleDsc({ ...GOOD, ...change }, 323.15, 573.15)).toMatch(reason);
  });

  it('accepts the good metrics, and absent features', () => {
    expect(implausibleDsc(GOOD, 323.15, 573.15)).toBeNull();
    expect(implausibleDsc({ ...GOOD, tgOnsetK: null, tgMidK: null, dTxK: null, dCpJPerGK: null, dhRelaxJPerG: null }, 323.15, 573.15)).toBeNull();
  });
});
