import { toMagneticSweep, toTransportData } from './extract';
import { parseMultiVu } from './parse-multivu';

function file(text: string) {
  const r = parseMultiVu(new TextEncoder().encode(text));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const MPMS3_HEAD = '[Header]\nBYAPP,MPMS3 w/ AC,1.0,1.1\nINFO,2.5,SAMPLE_MASS\n[Data]\n';

describe('toMagneticSweep', () => {
  it('prefers Moment (emu), falls back per row to DC Free, then DC Fixed, and drops rows with no T or moment', () => {
    const f = file(
      MPMS3_HEAD +
        'Comment,Temperature (K),Magnetic Field (Oe),Moment (emu),DC Moment Fixed Ctr (emu),DC Moment Free Ctr (emu)\n' +
        '"ZFC, 20",,,,,\n' +
        ',2.0,20,-1e-3,-7e-3,-8e-3\n' +
        ',2.5,20,,-7e-3,-6e-3\n' +
        ',3.0,20.5,,-5e-3,\n' +
        ',3.5,20,,,\n',
    );
    const r = toMagneticSweep(f);
    if (!r.ok) throw r.error;
    expect(r.value.temperatureK).toEqual([2.0, 2.5, 3.0]);
    expect(r.value.momentEmu).toEqual([-1e-3, -6e-3, -5e-3]);
    expect(r.value.fieldOe).toEqual([20, 20, 20.5]);
    expect(r.value.massMg).toBe(2.5);
    expect(r.value.droppedRows).toBe(2);
    expect(r.value.momentColumnRows).toEqual({ 'Moment (emu)': 1, 'DC Moment Free Ctr (emu)': 1, 'DC Moment Fixed Ctr (emu)': 1 });
  });

  it('names the column that supplied most rows (DC Free when Moment is empty)', () => {
    const f = file(MPMS3_HEAD + 'Temperature (K),Magnetic Field (Oe),Moment (emu),DC Moment Free Ctr (emu)\n5,100,,1e-5\n6,100,,2e-5\n');
    const r = toMagneticSweep(f);
    if (!r.ok) throw r.error;
    expect(r.value.momentColumn).toBe('DC Moment Free Ctr (emu)');
    expect(r.value.momentEmu).toEqual([1e-5, 2e-5]);
  });

  it('uses Long Moment (emu) and Field (Oe) for MPMS-XL, with the WEIGHT mass', () => {
    const f = file(
      '[Header]\nBYAPP,MPMS Measurement,2.1,Summary\nINFO, WEIGHT, 48.400\n[Data]\nTime,Comment,Field (Oe),Temperature (K),Long Moment (emu),\n1,,1.000000e+003,2.0e+000,5.4e-002,\n',
    );
    const r = toMagneticSweep(f);
    if (!r.ok) throw r.error;
    expect(r.value.momentColumn).toBe('Long Moment (emu)');
    expect(r.value.fieldOe).toEqual([1000]);
    expect(r.value.massMg).toBeCloseTo(48.4, 10);
  });

  it('reports MISSING_COLUMN for an AC-only file and TOO_FEW_POINTS when every moment is blank', () => {
    const ac = toMagneticSweep(file(MPMS3_HEAD + `Temperature (K),m' (emu),m" (emu)\n4,1e-4,4e-5\n`));
    expect(ac.ok).toBe(false);
    if (!ac.ok) {
      expect(ac.error.code).toBe('MISSING_COLUMN');
      expect(ac.error.message).toMatch(/AC susceptibility file: "m' \(emu\)"/);
    }
    const blank = toMagneticSweep(file(MPMS3_HEAD + 'Temperature (K),Moment (emu)\n4,\n5,\n'));
    expect(blank.ok ? 'ok' : blank.error.code).toBe('TOO_FEW_POINTS');
    const noT = toMagneticSweep(file(MPMS3_HEAD + 'Moment (emu)\n1\n'));
    expect(noT.ok ? 'ok' : noT.error.code).toBe('MISSING_COLUMN');
  });
});

describe('toTransportData', () => {
  it('keeps channels with data in kind order, NaN where a channel is blank on a row (ACT alternation)', () => {
    const f = file(
      '[Header]\nBYAPP,ACTRANSPORT,2.0,1.1\n[Data]\n' +
        'Comment,Temperature (K),Magnetic Field (Oe),Res. ch1 (ohm-cm),Res. ch2 (ohm-cm),Res. Std.Dev. ch1,Bridge 1 Resistance (ohms)\n' +
        ',2.0,10000,8.4e-6,,1e-7,\n' +
        ',2.0,10000,,3.6e-5,,\n' +
        ',2.1,9950,8.3e-6,,2e-7,\n' +
        '"note",,,,,,\n',
    );
    const r = toTransportData(f);
    if (!r.ok) throw r.error;
    expect(r.value.temperatureK).toEqual([2.0, 2.0, 2.1]);
    expect(r.value.fieldOe).toEqual([10000, 10000, 9950]);
    expect(r.value.channels.map((c) => [c.name, c.unit])).toEqual([
      ['Res. ch1', 'ohm-cm'],
      ['Res. ch2', 'ohm-cm'],
    ]);
    expect(r.value.channels[0].values[1]).toBeNaN();
    expect(r.value.channels[1].values[0]).toBeNaN();
    expect(r.value.channels[1].values[1]).toBe(3.6e-5);
  });

  it('puts Bridge N Resistance before Resistivity and keeps per-channel units', () => {
    const f = file(
      '[Header]\nBYAPP, Resistivity, 2.1, 1.0\n[Data]\n' +
        'Temperature (K),Magnetic Field (Oe),Bridge 1 Resistivity (Ohm),Bridge 3 Resistivity (Ohm-m),Bridge 1 Resistance (Ohms)\n' +
        '4.0,0,0.46,2e-3,0.46\n',
    );
    const r = toTransportData(f);
    if (!r.ok) throw r.error;
    expect(r.value.channels.map((c) => `${c.name} [${c.unit}]`)).toEqual([
      'Bridge 1 Resistance [Ohms]',
      'Bridge 1 Resistivity [Ohm]',
      'Bridge 3 Resistivity [Ohm-m]',
    ]);
  });

  it('MISSING_COLUMN when no channel has data', () => {
    const r = toTransportData(file('[Header]\nBYAPP,VSM\n[Data]\nTemperature (K),Bridge 1 Resistance (ohms)\n4,\n'));
    expect(r.ok ? 'ok' : r.error.code).toBe('MISSING_COLUMN');
  });
});
