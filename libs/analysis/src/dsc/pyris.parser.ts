/**
 * Perkin-Elmer Pyris "Save Data As ASCII" export. No real file was available; this follows the
 * layout as documented/commonly seen for Pyris 1 / Pyris Manager text exports:
 *
 *   Filename:<TAB>C:\Pyris\Data\x.D8
 *   Operator ID:<TAB>…
 *   Sample ID:<TAB>…
 *   Sample Weight:<TAB>9.520<TAB>mg
 *   Comment:<TAB>…
 *   (blank)
 *   Heat Flow Endo Up
 *   1) Hold for 1.0 min at 50.00°C
 *   2) Heat from 50.00°C to 300.00°C at 20.00°C/min
 *   (blank)
 *   <TAB>Time<TAB>Unsubtracted Heat Flow<TAB>Baseline Heat Flow<TAB>Program Temperature<TAB>Sample Temperature…
 *   <TAB>Min<TAB>mW<TAB>mW<TAB>°C<TAB>°C…
 *   <TAB>0.000<TAB>…
 *
 * Units may instead sit in the names (`Heat Flow (mW)`). Perkin-Elmer plots endotherms up, so
 * `Endo Up` means exo down.
 */
import { ParseError, Result, fail, ok } from '../core/errors';
import { splitLines } from '../core/text';
import { RawDscTable } from './dsc.types';
import { exoFrom, massMgFrom, rateFrom, readCurveColumns, splitNameUnit, strictNumber } from './dsc.table';

/** Parse a Pyris ASCII export into raw columns (file units). */
export function parsePyris(text: string): Result<RawDscTable, ParseError> {
  const lines = splitLines(text);
  // Cell by cell: /(^|\t)\s*Time/ retries its \s* from every tab of a long run of tabs.
  const headIdx = lines.findIndex((l) => l.includes('\t') && /heat\s*flow/i.test(l) && l.split('\t').some((c) => /^\s*Time\b/i.test(c)));
  if (headIdx < 0) return fail(new ParseError('MISSING_SECTION', 'no column line with Time and Heat Flow (not a Pyris ASCII export?)'));

  let massMg: number | undefined;
  let sampleName: string | undefined;
  let programRateKPerMin: number | undefined;
  for (let i = 0; i < headIdx; i++) {
    const [key, ...rest] = lines[i].split('\t');
    const value = rest.join(' ').trim();
    if (/^\s*Sample Weight:?\s*$/i.test(key)) massMg = massMgFrom(value);
    else if (/^\s*Sample ID:?\s*$/i.test(key)) sampleName = value || undefined;
    else if (/\bheat from\b/i.test(lines[i])) programRateKPerMin ??= rateFrom(lines[i]);
  }
  const exo = exoFrom(lines.slice(0, headIdx).join('\n'));

  const split = (l: string): string[] => l.split('\t').map((c) => c.trim());
  const heads = split(lines[headIdx]).map(splitNameUnit);
  let dataStart = headIdx + 1;
  const unitCells = split(lines[dataStart] ?? '');
  const isUnitLine = unitCells.some((c) => c !== '') && unitCells.every((c) => c === '' || Number.isNaN(strictNumber(c)));
  if (isUnitLine) {
    unitCells.forEach((u, i) => {
      if (heads[i] && heads[i].unit === '' && u !== '') heads[i].unit = u.replace(/^\((.*)\)$/, '$1');
    });
    dataStart++;
  }
  const find = (re: RegExp, avoid?: RegExp): number => heads.findIndex((h) => re.test(h.name) && !(avoid && avoid.test(h.name)));
  const timeCol = find(/^time$/i);
  let tempCol = find(/^sample temp/i);
  if (tempCol < 0) tempCol = find(/temp/i);
  let hfCol = find(/^heat flow$/i);
  if (hfCol < 0) hfCol = find(/^unsubtracted heat flow$/i);
  if (hfCol < 0) hfCol = find(/heat flow/i, /baseline|calibration|uncorrected/i);
  if (tempCol < 0) return fail(new ParseError('MISSING_COLUMN', 'no temperature column', headIdx + 1));
  if (hfCol < 0) return fail(new ParseError('MISSING_COLUMN', 'no heat-flow column', headIdx + 1));

  const curve = readCurveColumns({ lines, start: dataStart, split }, { heads, temperature: tempCol, heatFlow: hfCol, time: timeCol, timeUnit: 'min' });
  if (!curve.ok) return curve;
  return ok({
    format: 'pyris-ascii',
    ...curve.value,
    massMg,
    exo,
    programRateKPerMin,
    sampleName,
    warnings: [],
  });
}
