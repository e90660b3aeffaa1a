import { readFileSync } from 'fs';
import { join } from 'path';
import { simulatePpms, PpmsOptions } from '../../../instruments/src/ppms';
import { toTransportData } from '../multivu/extract';
import { parseMultiVu } from '../multivu/parse-multivu';
import { analyzeResistance } from './index';

/** The production path: virtual-instrument bytes → parseMultiVu → toTransportData → analyzeResistance. */
function roundTrip(bytes: Uint8Array, params: { channel?: number } = {}) {
  const parsed = parseMultiVu(bytes);
  if (!parsed.ok) throw parsed.error;
  const data = toTransportData(parsed.value);
  if (!data.ok) throw data.error;
  return { instrument: parsed.value.instrument, data: data.value, res: analyzeResistance(data.value, params) };
}

const encode = (opts: PpmsOptions) => {
  const file = simulatePpms(opts);
  return { file, bytes: new TextEncoder().encode(file.text) };
};

describe('resistance round trip through the MultiVu parser', () => {
  it('Resistivity option: Tc within 5 mK, Hc2(0) and ξ within 3 %', () => {
    const { file, bytes } = encode({ seed: 21 });
    const { instrument, res } = roundTrip(bytes);
    expect(instrument).toBe('PPMS_RESISTIVITY');
    if (!res.ok) throw res.error;
    const m = res.value.metrics;
    expect(Math.abs(m.tcK - file.truth.tcK)).toBeLessThan(0.005);
    expect(m.width1090K).toBeLessThan(0.02);
    expect(m.tcrSign).toBe(-1);
    expect(Math.abs(m.hc2ZeroWhhT! / file.truth.hc2ZeroT - 1)).toBeLessThan(0.03);
    expect(Math.abs(m.hc2ZeroMdgT! / file.truth.hc2ZeroT - 1)).toBeLessThan(0.03);
    expect(Math.abs(m.xiNm! / file.truth.xiNm - 1)).toBeLessThan(0.03);
  });

  it('AC Transport option: alternating ch1/ch2 rows, ch1 analysed by default', () => {
    const { file, bytes } = encode({ seed: 22, option: 'actransport' });
    const { instrument, data, res } = roundTrip(bytes);
    expect(instrument).toBe('PPMS_ACT');
    expect(data.channels.length).toBeGreaterThanOrEqual(2);
    if (!res.ok) throw res.error;
    expect(res.value.curves?.['R(T) 0 T'].yLabel).toMatch(/ch1/);
    expect(Math.abs(res.value.metrics.tcK - file.truth.tcK)).toBeLessThan(0.005);
    expect(Math.abs(res.value.metrics.hc2ZeroMdgT! / file.truth.hc2ZeroT - 1)).toBeLessThan(0.03);
  });

  it('real PPMS field sweeps fail cleanly: too few R(T) points at any fixed field', () => {
    const dir = join(__dirname, '../../../../test/fixtures/real/ppms');
    const read = (name: string) => roundTrip(new Uint8Array(readFileSync(join(dir, name)))).res;
    // One ±10 kOe sweep at 2 K: every 100 Oe setpoint holds 7 readings, below the 10 needed.
    const resistivity = read('nomadmeas_Resistivity_TMR_Hall_fieldsweep_2K.dat');
    expect(resistivity.ok ? 'ok' : resistivity.error.code).toBe('NOT_ENOUGH_DATA');
    // Sweeps repeated at 2.0–3.4 K in 0.2 K steps: 8 ch1 readings per 50 Oe setpoint.
    const act = read('nomadmeas_ACTransport_Hall_TMR_fieldsweep.dat');
    expect(act.ok ? 'ok' : act.error.code).toBe('NOT_ENOUGH_DATA');
  });
});
