import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { isDeepStrictEqual } from 'util';

import fc from 'fast-check';

import { ParseError } from '../core/errors';
import { magneticColumns, toMagneticSweep, toTransportData, transportColumns } from './extract';
import { parseMultiVu } from './parse-multivu';

const REAL = join(__dirname, '../../../../test/fixtures/real');
const FIXTURES = ['mpms', 'ppms'].flatMap((d) => readdirSync(join(REAL, d)).map((f) => join(REAL, d, f)));

/**
 * Parse and check the result's shape. Never lets a throw through. How the parse time grows with the
 * file size is a figure of `bench/parse-scaling.ts`, not an assertion here (no wall clock in tests).
 */
function parseChecked(bytes: Uint8Array): void {
  const r = parseMultiVu(bytes);
  if (r.ok) {
    expect(r.value.rowCount).toBeGreaterThan(0);
    for (const c of r.value.columns) expect(c.values).toHaveLength(r.value.rowCount);
    // The extractors must also stay total on whatever the parser accepted.
    const m = toMagneticSweep(r.value);
    if (!m.ok) expect(m.error).toBeInstanceOf(ParseError);
    const t = toTransportData(r.value);
    if (!t.ok) expect(t.error).toBeInstanceOf(ParseError);
  } else {
    expect(r.error).toBeInstanceOf(ParseError);
    if (r.error.line !== undefined) expect(r.error.line).toBeGreaterThanOrEqual(1);
  }
}

const VALID = new TextEncoder().encode(
  [
    '[Header]',
    'BYAPP,MPMS3 w/ AC,1.0,1.1',
    'INFO,MPMS3 Measurement Release 1.1.16 Build 424, MultiVu Release 2.3.4.19,APPNAME',
    'INFO,1.6,SAMPLE_MASS',
    '[Data]',
    'Comment,Time Stamp (sec),Temperature (K),Magnetic Field (Oe),Moment (emu),m" (emu)',
    '"ZFC, 20",3841156886.68',
    ',3841156886.68,1.8,20,-1.2e-3,',
    ',3841156903.92,2.0,20,-1.1e-3,',
    ',3841156913.85,4.5,20,1e-7,',
  ].join('\r\n'),
);

describe('parseMultiVu never throws', () => {
  it('on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        parseChecked(bytes);
      }),
      { numRuns: 300 },
    );
  });

  it('on random text made of MultiVu-ish pieces', () => {
    const piece = fc.constantFrom(
      '[Header]',
      '[Data]',
      '\n',
      '\r\n',
      ',',
      '\t',
      '"',
      'INFO',
      'SAMPLE_MASS',
      '1.5e+000',
      'Temperature (K)',
      'Moment (emu)',
      ' ',
      'x',
      '\u00b5',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 200 }), (pieces) => {
        parseChecked(new TextEncoder().encode(pieces.join('')));
      }),
      { numRuns: 300 },
    );
  });

  it('on random truncations and byte flips of a valid file', () => {
    fc.assert(
      fc.property(fc.nat({ max: VALID.length }), fc.nat({ max: VALID.length - 1 }), fc.integer({ min: 0, max: 255 }), (cut, at, byte) => {
        const mutated = VALID.slice(0, cut);
        if (at < mutated.length) mutated[at] = byte;
        parseChecked(mutated);
      }),
      { numRuns: 300 },
    );
  });

  it.each(FIXTURES.map((p) => [p.slice(REAL.length + 1), p]))('on random truncations of %s', (_name, path) => {
    const bytes = new Uint8Array(readFileSync(path));
    fc.assert(
      fc.property(fc.nat({ max: bytes.length }), (cut) => {
        parseChecked(bytes.subarray(0, cut));
      }),
      // Fewer runs for the megabyte files keep the spec to a few seconds (truncation needs no size to bite).
      { numRuns: bytes.length > 400_000 ? 2 : 10 },
    );
  });
});

describe('parseMultiVu round-trips generated files', () => {
  const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 .'"]{0,12}$/).map((s) => s.trim() || 'c');
  const value = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }).map((v) => (Object.is(v, -0) ? 0 : v));

  it('recovers every column name, unit and value, for comma and tab delimiters', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(name, { minLength: 1, maxLength: 6, selector: (s) => s.toLowerCase() }),
        fc.constantFrom(',', '\t'),
        fc.constantFrom('\n', '\r\n'),
        fc.integer({ min: 1, max: 20 }),
        fc.infiniteStream(value),
        (names, delimiter, eol, rows, stream) => {
          const columns = names.map((n, i) => `${n} (u${i})`);
          const it = stream[Symbol.iterator]();
          const table = Array.from({ length: rows }, () => columns.map(() => it.next().value as number));
          const text = ['[Header]', `BYAPP${delimiter}VSM${delimiter}1.0`, '[Data]', columns.join(delimiter), ...table.map((r) => r.join(delimiter))].join(eol);
          const r = parseMultiVu(new TextEncoder().encode(text));
          if (!r.ok) throw r.error;
          // One column has no delimiter to detect, and none is needed.
          if (columns.length > 1) expect(r.value.delimiter).toBe(delimiter);
          expect(r.value.rowCount).toBe(rows);
          expect(r.value.columns.map((c) => c.name)).toEqual(columns);
          expect(r.value.columns.map((c) => c.unit)).toEqual(columns.map((_, i) => `u${i}`));
          r.value.columns.forEach((c, j) => expect(c.values).toEqual(table.map((row) => row[j])));
        },
      ),
      { numRuns: 150 },
    );
  });
});

/** Cell-content warnings count only the columns read; every other field must agree exactly. */
function withoutCellWarnings<T>(r: T): T {
  const x = r as { ok: boolean; value?: { warnings: string[] } };
  return x.ok ? ({ ...x, value: { ...x.value, warnings: x.value!.warnings.filter((w) => !/non-numeric cells|INF\/NaN/.test(w)) } } as T) : r;
}

/** The full parse, restricted to the columns `keep` passes (Comment always): what a selective parse must equal. */
function restricted(bytes: Uint8Array, keep: (name: string) => boolean, full = withoutCellWarnings(parseMultiVu(bytes))) {
  if (!full.ok) return full;
  return { ...full, value: { ...full.value, columns: full.value.columns.filter((c) => keep(c.name) || c.name.toLowerCase() === 'comment') } };
}

describe('parseMultiVu with `keep` reads the same as the full parse, restricted', () => {
  it.each(FIXTURES.map((p) => [p.slice(REAL.length + 1), p]))('%s, for the magnetic and transport column sets', (_name, path) => {
    const bytes = new Uint8Array(readFileSync(path));
    // One full parse per file, and a plain deep comparison first: Jest's toEqual on megabyte files'
    // columns took most of this spec's time; it still prints the difference when they differ.
    const full = withoutCellWarnings(parseMultiVu(bytes));
    for (const keep of [magneticColumns, transportColumns]) {
      const selective = withoutCellWarnings(parseMultiVu(bytes, { keep }));
      const expected = restricted(bytes, keep, full);
      if (!isDeepStrictEqual(selective, expected)) expect(selective).toEqual(expected);
      if (selective.ok) expect(selective.value.columns.length).toBeLessThan((full as { value: { columns: unknown[] } }).value.columns.length);
    }
  });

  it('on generated rows: short, long, quoted, blank and non-numeric cells, any column subset', () => {
    const cell = fc.oneof(fc.constantFrom('', ' ', 'x', 'INF', '"a, b"', '1e-3', '-2.5'), fc.double({ noNaN: true, noDefaultInfinity: true }).map(String));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.array(cell, { maxLength: 9 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
        fc.constantFrom(',', '\t'),
        (width, rows, mask, delimiter) => {
          const names = ['Comment', 'Temperature (K)', 'Moment (emu)', 'Field (Oe)', 'Bridge 1 Resistance (Ohms)', 'Other (u)'].slice(0, width);
          const text = ['[Header]', 'BYAPP,MPMS3,1.0', '[Data]', names.join(delimiter), ...rows.map((r) => r.join(delimiter))].join('\n');
          const bytes = new TextEncoder().encode(text);
          const keep = (name: string) => mask[names.indexOf(name)] ?? false;
          expect(withoutCellWarnings(parseMultiVu(bytes, { keep }))).toEqual(restricted(bytes, keep));
        },
      ),
      { numRuns: 300 },
    );
  });
});
