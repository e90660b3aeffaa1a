/**
 * Every real magnetometry fixture (test/fixtures/real/mpms, PROVENANCE.md) through the magnetic
 * analysis: split into the segments the file holds, then analysed or refused with a specific
 * reason (none is a superconductor: molecular magnets, an M(H) crystal, an AC file).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { analyzeFile } from './analyze-file';
import { splitSegments } from './magnetic/segments';
import { magneticColumns, toMagneticSweep } from './multivu/extract';
import { parseMultiVu } from './multivu/parse-multivu';

const dir = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'real', 'mpms');
const bytes = (name: string) => new Uint8Array(readFileSync(join(dir, name)));

/** Segments as "kind mode/source direction field n=points" (field to 4 significant digits). */
function segmentsOf(name: string): string[] {
  const parsed = parseMultiVu(bytes(name), { keep: magneticColumns });
  if (!parsed.ok) throw parsed.error;
  const sweep = toMagneticSweep(parsed.value);
  if (!sweep.ok) throw sweep.error;
  const { temperatureK, fieldOe, rows } = sweep.value;
  return splitSegments({ temperatureK, fieldOe, rows, comments: parsed.value.comments, hints: [name] }).map(
    (s) => `${s.kind} ${s.mode ?? '-'}/${s.modeFrom ?? '-'} ${s.direction} ${Number(s.fieldOe.toPrecision(4))} Oe n=${s.to - s.from}`,
  );
}

describe('real magnetometry files: segments', () => {
  it.each([
    ['magnetopy_zfcfc1_DC_100Oe_MPMS3.dat', ['M(T) ZFC/order up 100.1 Oe n=252', 'M(T) FC/order up 100.1 Oe n=252']],
    [
      'magnetopy_zfcfc4_100Oe_and_1000Oe_tabdelimited_MPMS3.dat',
      [
        'M(T) ZFC/comment up 99.91 Oe n=1893',
        'M(T) FC/comment down 99.57 Oe n=1871',
        'M(T) ZFC/comment up 1000 Oe n=1892',
        'M(T) FC/comment down 1000 Oe n=1871',
      ],
    ],
    ['magnetopy_zfc4a_VSM_100Oe_comments_MPMS3.dat', ['M(T) ZFC/comment up 99.91 Oe n=1893']],
    ['magnetopy_zfc5_DC_200Oe_settle_CRLF_MPMS3.dat', ['M(T) ZFC/header up 200 Oe n=151']],
    ['magnetopy_fc5_DC_200Oe_settle_CRLF_MPMS3.dat', ['M(T) FC/header up 200 Oe n=151']],
    ['magnetopy_mvsh3_DC_5K_tabdelimited_MPMS3.dat', ['M(H) -/- none -0.3544 Oe n=141']],
    ['nomadmeas_MPMS3_VSM-oven_MvsH_2K_3K_noAC.dat', ['M(H) -/- none 2298 Oe n=374', 'M(H) -/- none 2298 Oe n=374', 'M(H) -/- none 2298 Oe n=374']],
    ['qdsquid_MPMSXL_MultiVu1.60_DC_ZFC_1kOe_blanklines.dc.dat', ['M(T) ZFC/header up 1000 Oe n=42']],
  ])('%s', (name, want) => {
    expect(segmentsOf(name)).toEqual(want);
  });
});

describe('real magnetometry files: analysed or refused with a reason', () => {
  const run = (name: string, bag: Record<string, unknown> = {}) => analyzeFile(bytes(name), { fileName: name, technique: 'MAGNETIC', ...bag });

  it('has a case for every file under mpms/', () => {
    expect(readdirSync(dir).sort()).toEqual(
      [
        'magnetopy_fc5_DC_200Oe_settle_CRLF_MPMS3.dat',
        'magnetopy_mvsh3_DC_5K_tabdelimited_MPMS3.dat',
        'magnetopy_zfc4a_VSM_100Oe_comments_MPMS3.dat',
        'magnetopy_zfc5_DC_200Oe_settle_CRLF_MPMS3.dat',
        'magnetopy_zfcfc1_DC_100Oe_MPMS3.dat',
        'magnetopy_zfcfc4_100Oe_and_1000Oe_tabdelimited_MPMS3.dat',
        'nomadmeas_MPMS3_VSM-oven_MvsH_2K_3K_noAC.dat',
        'qdsquid_MPMSXL_MultiVu1.60_AC_vs_freq_4K.ac.dat',
        'qdsquid_MPMSXL_MultiVu1.60_DC_ZFC_1kOe_blanklines.dc.dat',
      ].sort(),
    );
  });

  it.each([
    ['magnetopy_zfcfc1_DC_100Oe_MPMS3.dat', {}, 'NO_TRANSITION', /no diamagnetic \(Meissner\) signal: χ at 5\.003 K/],
    ['magnetopy_zfc4a_VSM_100Oe_comments_MPMS3.dat', {}, 'NO_TRANSITION', /no diamagnetic \(Meissner\) signal/],
    ['magnetopy_zfc5_DC_200Oe_settle_CRLF_MPMS3.dat', {}, 'NO_TRANSITION', /below −5 × noise/],
    ['magnetopy_fc5_DC_200Oe_settle_CRLF_MPMS3.dat', {}, 'NO_TRANSITION', /below −5 × noise/],
    ['qdsquid_MPMSXL_MultiVu1.60_DC_ZFC_1kOe_blanklines.dc.dat', {}, 'NO_TRANSITION', /below −5 × noise/],
    [
      'magnetopy_zfcfc4_100Oe_and_1000Oe_tabdelimited_MPMS3.dat',
      {},
      'MISSING_PARAMETER',
      /this file holds χ\(T\) at 99\.91 Oe \(ZFC, FC\) and χ\(T\) at 1000 Oe \(ZFC, FC\): set the measurement condition fieldOe/,
    ],
    // Told the field, the file is analysed at it (and is no superconductor).
    ['magnetopy_zfcfc4_100Oe_and_1000Oe_tabdelimited_MPMS3.dat', { fieldOe: 1000 }, 'NO_TRANSITION', /χ at 5\.000 K is 8\.031e-4/],
    [
      'nomadmeas_MPMS3_VSM-oven_MvsH_2K_3K_noAC.dat',
      {},
      'UNSUPPORTED',
      /no χ\(T\) sweep in this file: it holds only M\(H\) loop .* at 2\.0 K and .* at 2\.5 K and .* at 3\.0 K/,
    ],
    ['magnetopy_mvsh3_DC_5K_tabdelimited_MPMS3.dat', {}, 'MISSING_PARAMETER', /sample mass unknown: the file header has no SAMPLE_MASS\/WEIGHT; give the mass/],
    ['magnetopy_mvsh3_DC_5K_tabdelimited_MPMS3.dat', { massG: 0.001 }, 'UNSUPPORTED', /only M\(H\) loop -7\d{4}…7\d{4} Oe at 5\.0 K/],
    ['qdsquid_MPMSXL_MultiVu1.60_AC_vs_freq_4K.ac.dat', {}, 'MISSING_COLUMN', /no DC moment column .*AC susceptibility file/],
  ])('%s %j is refused: %s', (name, bag, code, reason) => {
    const r = run(name, bag);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect((r.error as { code: string }).code).toBe(code);
    expect(r.error.message).toMatch(reason);
  });
});
