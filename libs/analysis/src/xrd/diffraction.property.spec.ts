import fc from 'fast-check';
import { readFileSync } from 'fs';
import { join } from 'path';

import { detectDiffractionFormat } from '../diffraction-detect';
import { parseSaxs } from '../saxs/saxs.parser';
import { parseXrd } from './xrd.parser';

const FIX = join(__dirname, '../../../../test/fixtures/real');
const fixtures = [
  'xrd/glassure_Mg2SiO4_glass_pyFAI_q-space.xy',
  'xrd/nomadmeas_PANalytical_xrdml1.6_gonio_intensities_CRLF.xrdml',
  'xrd/nomadmeas_PANalytical_xrdml2.1_2theta-omega_counts_CRLF.xrdml',
  'saxs/sasdata_ISIS_LOQ_83404_SANS_COLETTE.txt',
].map((f) => readFileSync(join(FIX, f)));

/** Every parser must return a Result: ok, or a ParseError with a code. */
function checkAll(bytes: Uint8Array, name?: string): void {
  for (const r of [parseXrd(bytes, name), parseSaxs(bytes, name)]) {
    if (!r.ok) {
      expect(r.error.kind).toBe('ParseError');
      expect(typeof r.error.code).toBe('string');
    } else {
      expect(r.value.intensity.length).toBeGreaterThanOrEqual(5);
    }
  }
  const text = new TextDecoder().decode(bytes);
  const d = detectDiffractionFormat(text, name);
  if (d) expect(['XRD', 'SAXS']).toContain(d.technique);
}

describe('diffraction parsers never throw or hang (fast-check)', () => {
  it('random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), fc.constantFrom(undefined, 'a.xy', 'a.xrdml', 'a.chi', 'a.csv'), (b, name) => checkAll(b, name)),
      { numRuns: 200 },
    );
  });

  it('random numeric-looking text (separators, comments, RKH-like lines)', () => {
    const cell = fc.oneof(fc.double({ noNaN: false }).map(String), fc.integer().map(String), fc.constantFrom('', '#', 'nan', '1e999', '-', ';', ',', '\t'));
    const line = fc.array(cell, { maxLength: 6 }).map((c) => c.join(' '));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), (lines) => checkAll(new TextEncoder().encode(lines.join('\n')))),
      { numRuns: 200 },
    );
  });

  it('truncated and corrupted real files (XRDML, pyFAI, COLETTE)', () => {
    fc.assert(
      fc.property(fc.nat({ max: fixtures.length - 1 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(), fc.nat({ max: 255 }), (k, frac, pos, byte) => {
        const src = fixtures[k];
        const cut = src.slice(0, Math.floor(src.length * frac));
        checkAll(cut, k === 1 || k === 2 ? 'x.xrdml' : undefined);
        if (cut.length > 0) {
          const bad = Uint8Array.from(cut);
          bad[pos % bad.length] = byte;
          checkAll(bad);
        }
      }),
      { numRuns: 60 },
    );
  });
});
