/**
 * Mettler-Toledo STARe "Export → Text" curve file. No real file was available; this follows the
 * STARe text layout:
 *
 *   Curve Name:
 *     <name>
 *   Curve Values:
 *        Index             t            Ts            Tr         Value
 *                          [s]          [°C]          [°C]          [mW]
 *            0        0.0000       50.0000       50.0000     -0.712345
 *   …
 *   Sample:
 *     <name>, 9.5200 mg
 *   Method:
 *     …  [1] 50.0 °C, 300.0 °C, 20.00 K/min …
 *
 * Columns are whitespace-separated; `Ts` is the sample temperature (preferred), `Tr` the reference,
 * `Value` the heat flow (`[mW]`, or `[Wg^-1]` when normalised). The unit line has no entry for
 * Index, so units are aligned from the right.
 */
import { ParseError, Result, fail, ok } from '../core/errors';
import { splitLines } from '../core/text';
import { RawDscTable } from './dsc.types';
import { exoFrom, massMgFrom, rateFrom, readBlock } from './dsc.table';

const SECTION = /^\s*[A-Za-z][A-Za-z .]*:\s*$/;

/** Parse a Mettler STARe text export into raw columns (file units). */
export function parseStare(text: string): Result<RawDscTable, ParseError> {
  const lines = splitLines(text);
  const cvIdx = lines.findIndex((l) => /^\s*Curve Values:\s*$/i.test(l));
  if (cvIdx < 0) return fail(new ParseError('MISSING_SECTION', 'no "Curve Values:" section (not a STARe export?)'));
  let headIdx = cvIdx + 1;
  while (headIdx < lines.length && lines[headIdx].trim() === '') headIdx++;
  if (headIdx >= lines.length) return fail(new ParseError('MISSING_SECTION', 'no column line after "Curve Values:"', cvIdx + 1));
  const names = lines[headIdx].trim().split(/\s+/);
  const unitLine = lines[headIdx + 1] ?? '';
  const unitTokens = unitLine.includes('[')
    ? unitLine
        .trim()
        .split(/\s+/)
        .map((u) => u.replace(/^\[(.*)\]$/, '$1'))
    : [];
  const units = names.map((_, i) => unitTokens[i - (names.length - unitTokens.length)] ?? '');
  const dataStart = headIdx + (unitTokens.length > 0 ? 2 : 1);

  const find = (re: RegExp): number => names.findIndex((n) => re.test(n));
  let tempCol = find(/^Ts$/);
  if (tempCol < 0) tempCol = find(/^T/);
  const timeCol = find(/^t$/);
  let hfCol = find(/^Value$/i);
  if (hfCol < 0) hfCol = find(/heat\s*flow|^HF$|^DSC$/i);
  if (tempCol < 0) return fail(new ParseError('MISSING_COLUMN', 'no Ts/Tr temperature column', headIdx + 1));
  if (hfCol < 0) return fail(new ParseError('MISSING_COLUMN', 'no Value (heat-flow) column', headIdx + 1));

  const columns: Record<string, number> = { temperature: tempCol, heatFlow: hfCol };
  if (timeCol >= 0) columns.time = timeCol;
  const block = readBlock({ lines, start: dataStart, split: (l) => l.trim().split(/\s+/), columns, isEnd: (l) => SECTION.test(l) });
  if (!block.ok) return block;
  const v = block.value.values;

  const metaLines = [...lines.slice(0, cvIdx), ...lines.slice(block.value.lastLine + 1)];
  let massMg: number | undefined;
  let sampleName: string | undefined;
  const sIdx = metaLines.findIndex((l) => /^\s*Sample:\s*$/i.test(l));
  if (sIdx >= 0 && metaLines[sIdx + 1] !== undefined) {
    const s = metaLines[sIdx + 1].trim();
    const comma = s.lastIndexOf(',');
    massMg = comma >= 0 ? massMgFrom(s.slice(comma + 1)) : undefined;
    sampleName = (comma >= 0 ? s.slice(0, comma) : s).trim() || undefined;
  }
  const metaText = metaLines.join('\n');
  return ok({
    format: 'mettler-stare',
    temperature: { name: names[tempCol], unit: units[tempCol], values: v.temperature },
    heatFlow: { name: names[hfCol], unit: units[hfCol], values: v.heatFlow },
    time: timeCol >= 0 ? { name: names[timeCol], unit: units[timeCol] || 's', values: v.time } : undefined,
    massMg,
    exo: exoFrom(metaText),
    programRateKPerMin: rateFrom(metaText),
    sampleName,
    warnings: [],
  });
}
