/**
 * NETZSCH Proteus ASCII export. No real file was available; this follows the Proteus "Export data"
 * layout: `#KEY:value` metadata lines (`#EXPORTTYPE:DATA ALL`, `#FORMAT:NETZSCH5`, `#DECIMAL:POINT`
 * or `COMMA`, `#SEPARATOR:SEMICOLON` or `TAB`, `#SAMPLE:…`, `#SAMPLE MASS /mg:9.520`,
 * `#RANGE:50°C/20.0(K/min)/300°C`, `#SEG. 1:…`), one column line starting with `##`
 * (`##Temp./°C;Time/min;DSC/(mW/mg)`), then `;` or tab separated rows. The exo direction is read
 * from an `#EXO:UP|DOWN` line or any `exo up` text when present.
 */
import { ParseError, Result, fail, ok } from '../core/errors';
import { splitLines } from '../core/text';
import { RawDscTable } from './dsc.types';
import { exoFrom, guessDelimiter, massMgFrom, rateFrom, readCurveColumns, splitCells, splitNameUnit } from './dsc.table';

/** Parse a NETZSCH Proteus ASCII export into raw columns (file units). */
export function parseNetzsch(text: string): Result<RawDscTable, ParseError> {
  const lines = splitLines(text);
  const headIdx = lines.findIndex((l) => l.startsWith('##'));
  if (headIdx < 0) return fail(new ParseError('MISSING_SECTION', 'no ## column line (not a NETZSCH Proteus export?)'));

  const meta: Record<string, string> = {};
  for (let i = 0; i < headIdx; i++) {
    const m = /^#([^:]+):(.*)$/.exec(lines[i]);
    if (m) meta[m[1].trim().toUpperCase()] = m[2].trim();
  }
  const massKey = Object.keys(meta).find((k) => /^SAMPLE MASS/.test(k));
  let massMg: number | undefined;
  if (massKey) {
    const unit = /\/\s*(mg|g|µg|ug)\s*$/i.exec(massKey)?.[1] ?? 'mg';
    massMg = massMgFrom(`${meta[massKey]} ${unit}`);
  }
  const rangeText = meta['RANGE'] ?? Object.entries(meta).find(([k]) => /^SEG/.test(k))?.[1] ?? '';
  const programRateKPerMin = rateFrom(rangeText);
  const exoText = meta['EXO'] ?? meta['EXO DIRECTION'];
  const exo = exoText !== undefined ? exoFrom(`exo ${exoText}`) : exoFrom(lines.slice(0, headIdx).join('\n'));
  const decimalComma = /COMMA/i.test(meta['DECIMAL'] ?? '');
  const sepMeta = (meta['SEPARATOR'] ?? '').toUpperCase();
  const headLine = lines[headIdx].slice(2);
  const delimiter = sepMeta === 'TAB' ? '\t' : sepMeta === 'SEMICOLON' ? ';' : sepMeta === 'COMMA' ? ',' : guessDelimiter(headLine);
  if (decimalComma && delimiter === ',') return fail(new ParseError('INCONSISTENT_DATA', 'comma decimals with a comma separator', headIdx + 1));

  const heads = splitCells(headLine, delimiter).map(splitNameUnit);
  const find = (re: RegExp): number => heads.findIndex((h) => re.test(h.name));
  const tempCol = find(/^temp/i);
  const timeCol = find(/^time/i);
  let hfCol = find(/^dsc$/i);
  if (hfCol < 0) hfCol = find(/heat\s*flow|^dsc/i);
  if (tempCol < 0) return fail(new ParseError('MISSING_COLUMN', 'no Temp. column', headIdx + 1));
  if (hfCol < 0) return fail(new ParseError('MISSING_COLUMN', 'no DSC column', headIdx + 1));

  const curve = readCurveColumns(
    { lines, start: headIdx + 1, split: (l) => splitCells(l, delimiter), decimalComma, skip: (l) => l.startsWith('#') },
    { heads, temperature: tempCol, heatFlow: hfCol, time: timeCol, timeUnit: 'min' },
  );
  if (!curve.ok) return curve;
  return ok({
    format: 'netzsch-proteus',
    ...curve.value,
    massMg,
    exo,
    programRateKPerMin,
    sampleName: meta['SAMPLE'] || undefined,
    warnings: [],
  });
}
