import { decodeText } from '../core/text';
import { parseInfoFields } from './header';
import { findColumn, parseMultiVu } from './parse-multivu';
import { splitRow } from './split-row';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

function parsed(s: string | Uint8Array) {
  const r = parseMultiVu(typeof s === 'string' ? utf8(s) : s);
  if (!r.ok) throw new Error(`expected ok, got ${r.error.message}`);
  return r.value;
}

function parseError(s: string | Uint8Array) {
  const r = parseMultiVu(typeof s === 'string' ? utf8(s) : s);
  if (r.ok) throw new Error('expected a ParseError');
  return r.error;
}

const MPMS3 = [
  '[Header]',
  '; MPMS3 Data File (default extension .dat)',
  '; Copyright (c) 2007, Quantum Design, Inc. All rights reserved.',
  'TITLE,',
  'FILEOPENTIME,3841155963.45165,09/18/2021,7:46 pm',
  'BYAPP,MPMS3 w/ AC,1.0,1.1',
  'INFO,MPMS3 Measurement Release 1.1.16 Build 424, MultiVu Release 2.3.4.19,APPNAME',
  'INFO,Straw,SAMPLE_HOLDER',
  'INFO,1.6,SAMPLE_MASS',
  'INFO,,SAMPLE_VOLUME',
  '[Data]',
  "Comment,Time Stamp (sec),Temperature (K),Magnetic Field (Oe),Moment (emu),Lockin Signal' (V),Mass (grams),DC Moment Free Ctr (emu)",
  ',3841156886.68,5.0025,100.07,,0.5,55,-1.25E-5',
  ',3841156903.92,5.5303,100.07,2.5e-6,,55,',
].join('\n');

describe('parseMultiVu: MPMS3 value-first header', () => {
  const f = parsed(MPMS3);

  it('reads instrument, BYAPP, INFO with unquoted commas, and the mass in mg from SAMPLE_MASS (not the Mass (grams) column)', () => {
    expect(f.instrument).toBe('MPMS3');
    expect(f.byApp).toBe('MPMS3 w/ AC,1.0,1.1');
    expect(f.title).toBeUndefined();
    expect(f.info.APPNAME).toBe('MPMS3 Measurement Release 1.1.16 Build 424, MultiVu Release 2.3.4.19');
    expect(f.info.SAMPLE_HOLDER).toBe('Straw');
    expect(f.info.SAMPLE_VOLUME).toBe('');
    expect(f.massMg).toBe(1.6);
    expect(f.delimiter).toBe(',');
    expect(f.encoding).toBe('utf-8');
    expect(f.warnings).toEqual([]);
  });

  it('keeps column names verbatim (apostrophes included), units from the (unit) suffix, blanks as NaN', () => {
    expect(f.columns.map((c) => c.name)).toEqual([
      'Comment',
      'Time Stamp (sec)',
      'Temperature (K)',
      'Magnetic Field (Oe)',
      'Moment (emu)',
      "Lockin Signal' (V)",
      'Mass (grams)',
      'DC Moment Free Ctr (emu)',
    ]);
    expect(f.columns.map((c) => c.unit)).toEqual([undefined, 'sec', 'K', 'Oe', 'emu', 'V', 'grams', 'emu']);
    expect(f.rowCount).toBe(2);
    expect(findColumn(f, 'temperature (k)')?.values).toEqual([5.0025, 5.5303]);
    const moment = findColumn(f, 'Moment (emu)')!.values;
    expect(moment[0]).toBeNaN();
    expect(moment[1]).toBe(2.5e-6);
    expect(findColumn(f, 'DC Moment Free Ctr (emu)')!.values[0]).toBe(-1.25e-5);
  });

  it('findColumn tries names in order, matches exactly (not by prefix), and returns undefined when absent', () => {
    expect(findColumn(f, 'Field (Oe)', 'Magnetic Field (Oe)')?.name).toBe('Magnetic Field (Oe)');
    expect(findColumn(f, 'Moment')).toBeUndefined();
    expect(findColumn(f, 'Long Moment (emu)')).toBeUndefined();
  });

  it('a blank SAMPLE_MASS gives undefined mass without a warning; a non-numeric one warns', () => {
    expect(parsed(MPMS3.replace('INFO,1.6,SAMPLE_MASS', 'INFO,,SAMPLE_MASS')).massMg).toBeUndefined();
    const bad = parsed(MPMS3.replace('INFO,1.6,SAMPLE_MASS', 'INFO,about 2,SAMPLE_MASS'));
    expect(bad.massMg).toBeUndefined();
    expect(bad.warnings.join('\n')).toMatch(/SAMPLE_MASS "about 2" is not a number/);
    const zero = parsed(MPMS3.replace('INFO,1.6,SAMPLE_MASS', 'INFO,0,SAMPLE_MASS'));
    expect(zero.massMg).toBeUndefined();
    expect(zero.warnings.join('\n')).toMatch(/SAMPLE_MASS is 0 mg/);
  });

  it('reads CRLF line ends the same as LF', () => {
    const crlf = parsed(MPMS3.replace(/\n/g, '\r\n'));
    expect(crlf.rowCount).toBe(2);
    expect(crlf.massMg).toBe(1.6);
    expect(findColumn(crlf, 'DC Moment Free Ctr (emu)')!.values[0]).toBe(-1.25e-5);
    expect(crlf.columns.at(-1)!.name).toBe('DC Moment Free Ctr (emu)');
  });
});

describe('parseMultiVu: MPMS-XL key-first header, blank lines, trailing commas, e+000', () => {
  const XL = [
    '[Header]',
    'TITLE,MPMS DC Measurement',
    'BYAPP,MPMS Measurement,2.1,Summary',
    '',
    'INFO, APPNAME, MPMS MultiVu Application, Revision 1.60,  Build 081',
    '',
    'INFO, NAME, pb6051',
    'INFO, WEIGHT, 48.400',
    'INFO, COMMENT, ',
    'INFO, SEQUENCE FILE: pb6051.seq',
    '',
    'INFO, BACKGROUND DATA FILE:, None',
    '',
    '[Data]',
    'Time,Comment,Field (Oe),Temperature (K),Long Moment (emu),Long Scan Std Dev,',
    '1480485262.746,,1.000000e+003,1.999682e+000,5.397742e-002,0.000000e+000,',
    '1480485275.036,,1.000000e+003,2.000037e+000,5.414311e-002,0.000000e+000,',
    '',
  ].join('\n');
  const f = parsed(XL);

  it('reads key-first INFO, the single "key: value" field, and WEIGHT as the mass in mg', () => {
    expect(f.instrument).toBe('MPMS_XL');
    expect(f.title).toBe('MPMS DC Measurement');
    expect(f.info).toEqual({
      APPNAME: 'MPMS MultiVu Application, Revision 1.60,  Build 081',
      NAME: 'pb6051',
      WEIGHT: '48.400',
      COMMENT: '',
      'SEQUENCE FILE': 'pb6051.seq',
      'BACKGROUND DATA FILE': 'None',
    });
    expect(f.massMg).toBeCloseTo(48.4, 10);
  });

  it('drops the unnamed column the trailing comma makes and parses e+000 exponents', () => {
    expect(f.columns).toHaveLength(6);
    expect(f.columns.at(-1)!.name).toBe('Long Scan Std Dev');
    expect(f.rowCount).toBe(2);
    expect(findColumn(f, 'Field (Oe)')!.values).toEqual([1000, 1000]);
    expect(findColumn(f, 'Temperature (K)')!.values).toEqual([1.999682, 2.000037]);
    expect(findColumn(f, 'Long Moment (emu)')!.values[1]).toBeCloseTo(0.05414311, 12);
    expect(f.warnings).toEqual([]);
  });
});

describe('parseMultiVu: row shapes', () => {
  const head = '[Header]\nBYAPP,MPMS3 w/ AC,1.0,1.1\n[Data]\n';

  it('keeps a bare " inside column names literal (MPMS-XL AC m" (emu))', () => {
    const f = parsed(`${head}Time,m' (emu),m" (emu),m" Scan Std Dev,Temperature (K)\n1,2,3,4,5\n`);
    expect(f.columns.map((c) => c.name)).toEqual(['Time', "m' (emu)", 'm" (emu)', 'm" Scan Std Dev', 'Temperature (K)']);
    expect(findColumn(f, 'm" (emu)')!.values).toEqual([3]);
    expect(findColumn(f, 'm" (emu)')!.unit).toBe('emu');
  });

  it('reads a quoted comment row with a comma, pads the short row and reports the comment with its line', () => {
    const f = parsed(`${head}Comment,Time Stamp (sec),Temperature (K)\n"ZFC, 100",3860752588.97959\n,3860753504.5,4.99\n`);
    expect(f.rowCount).toBe(2);
    expect(f.comments).toEqual([{ row: 0, line: 5, text: 'ZFC, 100' }]);
    expect(findColumn(f, 'Time Stamp (sec)')!.values).toEqual([3860752588.97959, 3860753504.5]);
    const t = findColumn(f, 'Temperature (K)')!.values;
    expect(t[0]).toBeNaN();
    expect(t[1]).toBe(4.99);
    expect(f.warnings).toEqual(['1 of 2 rows are shorter than the 3-column header; padded with blanks']);
  });

  it('counts non-numeric cells in a warning naming the first line and column; INF is a known blank', () => {
    const f = parsed(`${head}Comment,Temperature (K),DC Calculated Center Err (mm)\n,4.2,INF\n,oops,1\n,4.4,-inf\n`);
    expect(f.rowCount).toBe(3);
    expect(findColumn(f, 'Temperature (K)')!.values[1]).toBeNaN();
    expect(f.warnings).toEqual([
      '2 cells hold INF/NaN; read as blank',
      '1 non-numeric cells read as blank (first at line 6, column "Temperature (K)": "oops")',
    ]);
  });

  it('warns about values beyond the last named column, and names unnamed middle columns', () => {
    const f = parsed(`${head}A (K),,C (Oe)\n1,2,3,99\n`);
    expect(f.columns.map((c) => c.name)).toEqual(['A (K)', 'Column 2', 'C (Oe)']);
    expect(findColumn(f, 'column 2')!.values).toEqual([2]);
    expect(f.warnings).toEqual(['column 2 has no name; called "Column 2"', '1 rows have values beyond the last named column (first at line 5); ignored']);
  });

  it('detects a tab-delimited re-save from the column line, with tab-padded section and header lines', () => {
    const pad = '\t\t\t\t';
    const text = [
      `[Header]${pad}`,
      `; Copyright (c) 2007\t Quantum Design\t Inc. All rights reserved.${pad}`,
      `TITLE${pad}`,
      `BYAPP\tSQUID AC\t0.9.1.0${pad}`,
      `INFO\tMPMS3 Measurement Release 1.1.16 Build 399\t MultiVu Release 2.3.4.15\tAPPNAME${pad}`,
      `INFO\t\tSAMPLE_MASS${pad}`,
      `[Data]${pad}`,
      'Comment\tTemperature (K)\tMagnetic Field (Oe)\tMoment (emu)',
      '\t5.00263834\t-69999.66406\t1.5E-3',
      '\t5.002595663\t-65000.26563\t',
    ].join('\r\n');
    const f = parsed(text);
    expect(f.delimiter).toBe('\t');
    expect(f.instrument).toBe('MPMS3');
    expect(f.byApp).toBe('SQUID AC,0.9.1.0');
    expect(f.title).toBeUndefined();
    expect(f.info.APPNAME).toBe('MPMS3 Measurement Release 1.1.16 Build 399, MultiVu Release 2.3.4.15');
    expect(f.info.SAMPLE_MASS).toBe('');
    expect(f.massMg).toBeUndefined();
    expect(f.rowCount).toBe(2);
    expect(findColumn(f, 'Magnetic Field (Oe)')!.values).toEqual([-69999.66406, -65000.26563]);
    expect(findColumn(f, 'Moment (emu)')!.values[0]).toBe(1.5e-3);
  });

  it('falls back to Latin-1 and keeps µ in the unit', () => {
    const bytes = Buffer.from('[Header]\nBYAPP,VSM,1.0,1.0\n[Data]\nTemperature (K),Excitation (\u00b5A)\n300,10\n', 'latin1');
    const f = parsed(new Uint8Array(bytes));
    expect(f.encoding).toBe('latin1');
    expect(f.instrument).toBe('PPMS_VSM');
    expect(findColumn(f, 'Excitation (\u00b5A)')!.unit).toBe('\u00b5A');
    expect(findColumn(f, 'Excitation (\u00b5A)')!.values).toEqual([10]);
  });

  it('skips blank lines between data rows without counting them', () => {
    const f = parsed(`${head}Temperature (K)\n1\n\n2\n\n`);
    expect(f.rowCount).toBe(2);
    expect(f.columns[0].values).toEqual([1, 2]);
  });
});

describe('parseMultiVu: errors', () => {
  it('EMPTY_FILE and BINARY_CONTENT', () => {
    expect(parseError(new Uint8Array()).code).toBe('EMPTY_FILE');
    expect(parseError(new Uint8Array([0, 1, 2, 3, 0, 91])).code).toBe('BINARY_CONTENT');
  });

  it('MISSING_SECTION at line 1 without [Header]; at the last line without [Data]', () => {
    const noHeader = parseError('Time,Temperature (K)\n1,2\n');
    expect([noHeader.code, noHeader.line]).toEqual(['MISSING_SECTION', 1]);
    const noData = parseError('[Header]\nBYAPP,VSM\nTemperature (K)\n1\n');
    expect([noData.code, noData.line]).toEqual(['MISSING_SECTION', 5]);
    expect(noData.message).toMatch(/\[Data\]/);
  });

  it('MISSING_COLUMN when nothing follows [Data]; TOO_FEW_POINTS at the column line when no rows follow', () => {
    const noColumns = parseError('[Header]\nBYAPP,VSM\n[Data]\n\n');
    expect([noColumns.code, noColumns.line]).toEqual(['MISSING_COLUMN', 3]);
    const noRows = parseError('[Header]\nBYAPP,VSM\n[Data]\n\nTemperature (K),Moment (emu)\n\n\n');
    expect([noRows.code, noRows.line]).toEqual(['TOO_FEW_POINTS', 5]);
    expect(noRows.message).toBe('line 5: no data rows after the column-name line');
  });
});

describe('parseInfoFields: both INFO orders', () => {
  const cases: [string[], { key: string; value: string }][] = [
    [['1.6', 'SAMPLE_MASS'], { key: 'SAMPLE_MASS', value: '1.6' }],
    [['', 'SAMPLE_MASS'], { key: 'SAMPLE_MASS', value: '' }],
    [
      ['12312 Ag Painted l=1.022', ' w=1.393', ' L=3.06 mm', 'SAMPLE1_COMMENT'],
      { key: 'SAMPLE1_COMMENT', value: '12312 Ag Painted l=1.022, w=1.393, L=3.06 mm' },
    ],
    [[' TMR', ' Sample1 Name'], { key: 'Sample1 Name', value: 'TMR' }],
    [[' Ohm-m', ' Sample3 Units'], { key: 'Sample3 Units', value: 'Ohm-m' }],
    [[' APPNAME', ' PPMS MultiVu Application', ' 1.5.11'], { key: 'APPNAME', value: 'PPMS MultiVu Application, 1.5.11' }],
    [[' WEIGHT', ' 48.400'], { key: 'WEIGHT', value: '48.400' }],
    [['HARMONICS', '1'], { key: 'HARMONICS', value: '1' }],
    [[' SEQUENCE FILE: pb6051.seq'], { key: 'SEQUENCE FILE', value: 'pb6051.seq' }],
    [[' BACKGROUND DATA FILE:', ' None'], { key: 'BACKGROUND DATA FILE', value: 'None' }],
  ];
  it.each(cases)('%j → %j', (fields, expected) => {
    expect(parseInfoFields(fields)).toEqual(expected);
  });
});

describe('splitRow', () => {
  it('treats a quote as special only at the start of a field', () => {
    expect(splitRow('"ZFC, 100",3860752588.97959', ',')).toEqual(['ZFC, 100', '3860752588.97959']);
    expect(splitRow('a"b,"c""d",e', ',')).toEqual(['a"b', 'c"d', 'e']);
    expect(splitRow('"unterminated, x', ',')).toEqual(['unterminated, x']);
    expect(splitRow('"q"tail,x', ',')).toEqual(['qtail', 'x']);
    expect(splitRow(',,', ',')).toEqual(['', '', '']);
    expect(splitRow('a\tb\t', '\t')).toEqual(['a', 'b', '']);
  });
});

describe('parseMultiVu: text decoded by the caller', () => {
  it('reads the same from `decoded` as from the bytes, in UTF-8 and Latin-1', () => {
    const latin1 = Uint8Array.from(Buffer.from(MPMS3.replace('Straw', 'Stra\u00b5'), 'latin1'));
    for (const bytes of [utf8(MPMS3), latin1]) {
      const decoded = decodeText(bytes);
      expect(parseMultiVu(bytes, { decoded })).toEqual(parseMultiVu(bytes));
      expect(parseMultiVu(bytes, { keep: (n) => n === 'Temperature (K)', decoded })).toEqual(parseMultiVu(bytes, { keep: (n) => n === 'Temperature (K)' }));
    }
    expect(decodeText(latin1).encoding).toBe('latin1');
  });
});
