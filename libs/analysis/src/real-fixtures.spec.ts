/**
 * Every real MultiVu file under test/fixtures/real/{mpms,ppms} parses to what PROVENANCE.md records
 * for it (instrument, rows, columns, mass, moment column, transport channels).
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

import { toMagneticSweep, toTransportData } from './multivu/extract';
import { findColumn, parseMultiVu } from './multivu/parse-multivu';
import type { MultiVuFile } from './multivu/multivu.types';

const REAL = join(__dirname, '../../../test/fixtures/real');

function load(rel: string): MultiVuFile {
  const r = parseMultiVu(new Uint8Array(readFileSync(join(REAL, rel))));
  if (!r.ok) throw new Error(`${rel}: ${r.error.message}`);
  return r.value;
}

interface Expected {
  instrument: MultiVuFile['instrument'];
  byApp: string;
  rows: number;
  columns: number;
  delimiter: ',' | '\t';
  massMg: number | undefined;
  /** Magnetic files: which column the moment came from and how many sweep points result. */
  moment?: { column: string; points: number; firstT: number; firstEmu: number };
  /** Transport files: channel "name|unit|finite count". */
  channels?: string[];
}

const EXPECTED: Record<string, Expected> = {
  'mpms/magnetopy_zfcfc1_DC_100Oe_MPMS3.dat': {
    instrument: 'MPMS3',
    byApp: 'MPMS3 w/ AC,1.0,1.1',
    rows: 504,
    columns: 89,
    delimiter: ',',
    massMg: 1.6,
    moment: { column: 'DC Moment Free Ctr (emu)', points: 504, firstT: 5.00255632400513, firstEmu: 0.00433629080839285 },
  },
  'mpms/magnetopy_zfcfc4_100Oe_and_1000Oe_tabdelimited_MPMS3.dat': {
    instrument: 'MPMS3',
    byApp: 'MPMS3 w/ AC,1,1.1',
    rows: 7531,
    columns: 89,
    delimiter: '\t',
    massMg: 2.875,
    moment: { column: 'Moment (emu)', points: 7527, firstT: 4.999943733, firstEmu: 0.000171551 },
  },
  'mpms/magnetopy_zfc4a_VSM_100Oe_comments_MPMS3.dat': {
    instrument: 'MPMS3',
    byApp: 'MPMS3 w/ AC,1.0,1.1',
    rows: 1894,
    columns: 89,
    delimiter: ',',
    massMg: 2.875,
    moment: { column: 'Moment (emu)', points: 1893, firstT: 4.99994373321533, firstEmu: 0.000171551296915209 },
  },
  'mpms/magnetopy_mvsh3_DC_5K_tabdelimited_MPMS3.dat': {
    instrument: 'MPMS3',
    byApp: 'SQUID AC,0.9.1.0',
    rows: 141,
    columns: 89,
    delimiter: '\t',
    massMg: undefined,
    moment: { column: 'DC Moment Free Ctr (emu)', points: 141, firstT: 5.00263834, firstEmu: -0.055955902 },
  },
  'mpms/magnetopy_zfc5_DC_200Oe_settle_CRLF_MPMS3.dat': {
    instrument: 'MPMS3',
    byApp: 'MPMS3 w/ AC,1.0,1.1',
    rows: 151,
    columns: 89,
    delimiter: ',',
    massMg: 10.2,
    moment: { column: 'DC Moment Free Ctr (emu)', points: 151, firstT: 2.00167036056519, firstEmu: 0.00462539877787541 },
  },
  'mpms/magnetopy_fc5_DC_200Oe_settle_CRLF_MPMS3.dat': {
    instrument: 'MPMS3',
    byApp: 'MPMS3 w/ AC,1.0,1.1',
    rows: 151,
    columns: 89,
    delimiter: ',',
    massMg: 10.2,
    moment: { column: 'DC Moment Free Ctr (emu)', points: 151, firstT: 2.00117123126984, firstEmu: 0.0139832885739991 },
  },
  'mpms/nomadmeas_MPMS3_VSM-oven_MvsH_2K_3K_noAC.dat': {
    instrument: 'MPMS3',
    byApp: 'MPMS3,1.0,1.1',
    rows: 1122,
    columns: 68,
    delimiter: ',',
    massMg: 11.134,
    moment: { column: 'Moment (emu)', points: 1122, firstT: 1.99978995323181, firstEmu: -0.000155412707237067 },
  },
  'mpms/qdsquid_MPMSXL_MultiVu1.60_DC_ZFC_1kOe_blanklines.dc.dat': {
    instrument: 'MPMS_XL',
    byApp: 'MPMS Measurement,2.1,Summary',
    rows: 42,
    columns: 30,
    delimiter: ',',
    massMg: 48.4,
    moment: { column: 'Long Moment (emu)', points: 42, firstT: 1.999682, firstEmu: 0.05397742 },
  },
  'mpms/qdsquid_MPMSXL_MultiVu1.60_AC_vs_freq_4K.ac.dat': {
    instrument: 'MPMS_XL',
    byApp: 'MPMS Measurement,1.1,Summary',
    rows: 13,
    columns: 29,
    delimiter: ',',
    massMg: 21.3,
  },
  'ppms/nomadmeas_Resistivity_TMR_Hall_fieldsweep_2K.dat': {
    instrument: 'PPMS_RESISTIVITY',
    byApp: 'Resistivity,2.1,1.0',
    rows: 1401,
    columns: 41,
    delimiter: ',',
    massMg: undefined,
    channels: ['Bridge 1 Resistance|Ohms|1401', 'Bridge 2 Resistance|Ohms|1401', 'Bridge 1 Resistivity|Ohm|1401', 'Bridge 2 Resistivity|Ohm|1401'],
  },
  'ppms/nomadmeas_ACTransport_Hall_TMR_fieldsweep.dat': {
    instrument: 'PPMS_ACT',
    byApp: 'ACTRANSPORT,2.0,1.1',
    rows: 6035,
    columns: 60,
    delimiter: ',',
    massMg: undefined,
    channels: ['Res. ch1|ohm-cm|3017', 'Res. ch2|ohm-cm|3018'],
  },
};

describe('real MultiVu fixtures', () => {
  it('has an expectation for every file under mpms/ and ppms/', () => {
    const files = ['mpms', 'ppms'].flatMap((d) => readdirSync(join(REAL, d)).map((f) => `${d}/${f}`));
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  describe.each(Object.entries(EXPECTED))('%s', (rel, want) => {
    const file = load(rel);

    it('header: instrument, BYAPP, delimiter, mass (mg)', () => {
      expect(file.instrument).toBe(want.instrument);
      expect(file.byApp).toBe(want.byApp);
      expect(file.delimiter).toBe(want.delimiter);
      if (want.massMg === undefined) expect(file.massMg).toBeUndefined();
      else expect(file.massMg).toBeCloseTo(want.massMg, 10);
    });

    it('rows and columns', () => {
      expect(file.rowCount).toBe(want.rows);
      expect(file.columns).toHaveLength(want.columns);
      for (const c of file.columns) expect(c.values).toHaveLength(want.rows);
      expect(findColumn(file, 'Temperature (K)')?.unit).toBe('K');
    });

    if (want.moment) {
      const m = want.moment;
      it(`magnetic sweep from "${m.column}"`, () => {
        const r = toMagneticSweep(file);
        if (!r.ok) throw r.error;
        expect(r.value.momentColumn).toBe(m.column);
        expect(r.value.momentColumnRows).toEqual({ [m.column]: m.points });
        expect(r.value.temperatureK).toHaveLength(m.points);
        expect(r.value.temperatureK[0]).toBe(m.firstT);
        expect(r.value.momentEmu[0]).toBe(m.firstEmu);
        expect(r.value.massMg).toBe(file.massMg);
      });
    }

    if (want.channels) {
      const channels = want.channels;
      it('transport channels', () => {
        const r = toTransportData(file);
        if (!r.ok) throw r.error;
        expect(r.value.channels.map((c) => `${c.name}|${c.unit}|${c.values.filter(Number.isFinite).length}`)).toEqual(channels);
        expect(r.value.temperatureK).toHaveLength(want.rows);
      });
    }
  });
});

describe('real MultiVu fixtures: quirks called out in PROVENANCE.md', () => {
  it('zfcfc1 (DC-scan mode): Moment (emu) is empty, Free/Fixed centre moments agree within 1.00–1.05', () => {
    const f = load('mpms/magnetopy_zfcfc1_DC_100Oe_MPMS3.dat');
    expect(findColumn(f, 'Moment (emu)')!.values.every(Number.isNaN)).toBe(true);
    expect(new Set(findColumn(f, 'Transport Action')!.values)).toEqual(new Set([6]));
    const free = findColumn(f, 'DC Moment Free Ctr (emu)')!.values;
    const fixed = findColumn(f, 'DC Moment Fixed Ctr (emu)')!.values;
    const ratios = free.map((v, i) => v / fixed[i]);
    expect(Math.min(...ratios)).toBeGreaterThanOrEqual(1.0);
    expect(Math.max(...ratios)).toBeLessThanOrEqual(1.05);
    // The "Mass (grams)" column is empty in DC mode and must not be taken for the 1.6 mg sample.
    expect(findColumn(f, 'Mass (grams)')!.values.every(Number.isNaN)).toBe(true);
  });

  it('zfc4a: the quoted comment row "ZFC, 100" is row 0, line 42, carrying only a time stamp', () => {
    const f = load('mpms/magnetopy_zfc4a_VSM_100Oe_comments_MPMS3.dat');
    expect(f.comments).toEqual([{ row: 0, line: 42, text: 'ZFC, 100' }]);
    expect(findColumn(f, 'Time Stamp (sec)')!.values[0]).toBe(3860752588.97959);
    expect(findColumn(f, 'Temperature (K)')!.values[0]).toBeNaN();
    expect(f.warnings).toContain('1 of 1894 rows are shorter than the 89-column header; padded with blanks');
  });

  it('mvsh3: tab re-save keeps the APPNAME value with its comma and the blank SAMPLE_MASS', () => {
    const f = load('mpms/magnetopy_mvsh3_DC_5K_tabdelimited_MPMS3.dat');
    expect(f.info.APPNAME).toBe('MPMS3 Measurement Release 1.1.16 Build 399, MultiVu Release 2.3.4.15');
    expect(f.info.SAMPLE_MASS).toBe('');
    const field = findColumn(f, 'Magnetic Field (Oe)')!.values;
    expect(Math.min(...field)).toBeCloseTo(-70000, -2);
    expect(Math.max(...field)).toBeCloseTo(70000, -2);
  });

  it('zfc5 (CRLF) keeps SAMPLE_SIZE as text and INF cells as blanks', () => {
    const f = load('mpms/magnetopy_zfc5_DC_200Oe_settle_CRLF_MPMS3.dat');
    expect(f.info.SAMPLE_SIZE).toBe('-5.617600000000000e-04');
    expect(f.info.SAMPLE_MOLECULAR_WEIGHT).toBe('1229.56');
    expect(f.warnings).toEqual(['5 cells hold INF/NaN; read as blank']);
  });

  it('nomad MPMS3 without AC: DC Moment Free Ctr is found by name at index 39 (60 in the 89-column files)', () => {
    const noAc = load('mpms/nomadmeas_MPMS3_VSM-oven_MvsH_2K_3K_noAC.dat');
    const withAc = load('mpms/magnetopy_zfcfc1_DC_100Oe_MPMS3.dat');
    expect(noAc.columns.findIndex((c) => c.name === 'DC Moment Free Ctr (emu)')).toBe(39);
    expect(withAc.columns.findIndex((c) => c.name === 'DC Moment Free Ctr (emu)')).toBe(60);
    expect(findColumn(noAc, 'Evercool Status')).toBeUndefined();
  });

  it('MPMS-XL DC: key-first INFO, Field (Oe) = 1000 Oe, 2→15 K, Unix-epoch Time', () => {
    const f = load('mpms/qdsquid_MPMSXL_MultiVu1.60_DC_ZFC_1kOe_blanklines.dc.dat');
    expect(f.info.NAME).toBe('pb6051');
    expect(f.info['SEQUENCE FILE']).toBe('pb6051.seq');
    expect(new Set(findColumn(f, 'Field (Oe)')!.values)).toEqual(new Set([1000]));
    const t = findColumn(f, 'Temperature (K)')!.values;
    expect(Math.min(...t)).toBeCloseTo(2, 2);
    expect(Math.max(...t)).toBeCloseTo(15, 2);
    expect(findColumn(f, 'Time')!.values[0]).toBe(1480485262.746);
  });

  it('MPMS-XL AC: bare " in column names, no DC moment', () => {
    const f = load('mpms/qdsquid_MPMSXL_MultiVu1.60_AC_vs_freq_4K.ac.dat');
    expect(findColumn(f, 'm" (emu)')!.values[0]).toBe(3.978727e-5);
    expect(findColumn(f, 'm" Scan Std Dev')).toBeDefined();
    const r = toMagneticSweep(f);
    expect(r.ok ? 'ok' : r.error.code).toBe('MISSING_COLUMN');
  });

  it('PPMS Resistivity: value-first phrase keys, per-channel units, 23-field rows padded to 41', () => {
    const f = load('ppms/nomadmeas_Resistivity_TMR_Hall_fieldsweep_2K.dat');
    expect(f.info['Sample1 Name']).toBe('TMR');
    expect(f.info['Sample2 Name']).toBe('Hall');
    expect(f.info.APPNAME).toBe('PPMS MultiVu Application, 1.5.11');
    expect(findColumn(f, 'Bridge 3 Resistivity (Ohm-m)')!.unit).toBe('Ohm-m');
    expect(f.warnings).toEqual(['1401 of 1401 rows are shorter than the 41-column header; padded with blanks']);
  });

  it('PPMS ACT: channels alternate by row (never both on one row); INFO value with unquoted commas', () => {
    const f = load('ppms/nomadmeas_ACTransport_Hall_TMR_fieldsweep.dat');
    expect(f.info.SAMPLE1_COMMENT).toBe('12312_CJY_130_asda 25 micron Pt wire  Ag Painted l=1.022, w=1.393, d=0.08, L=3.06 mm');
    const r = toTransportData(f);
    if (!r.ok) throw r.error;
    const [ch1, ch2] = r.value.channels.map((c) => c.values);
    const both = ch1.filter((v, i) => Number.isFinite(v) && Number.isFinite(ch2[i])).length;
    const either = ch1.filter((v, i) => Number.isFinite(v) || Number.isFinite(ch2[i])).length;
    expect(both).toBe(0);
    expect(either).toBe(6035);
  });
});
