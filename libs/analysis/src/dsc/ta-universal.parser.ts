/**
 * TA Instruments Universal Analysis "signals" text export (layout of the real 2920 MDSC file in
 * test/fixtures/real/dsc): an optional `CLOSED` line, `Key<TAB>value` header lines (`Size 9.00000 mg`,
 * `Exotherm Up`, `Nsig 3`, `Sig1 Time (min)`, `Sig2 Temperature (°C)`, `Sig3 Heat Flow (mW)`), then
 * `StartOfData` and tab-separated rows, one column per signal. Rows whose time is -1 are sentinels
 * UA writes at segment boundaries; they are dropped.
 */
import { ParseError, Result, fail, ok } from '../core/errors';
import { splitLines } from '../core/text';
import { RawColumn, RawDscTable } from './dsc.types';
import { exoFrom, massMgFrom, readBlock, splitNameUnit } from './dsc.table';

const SENTINEL_TIME = -1;

/** Parse a TA Universal Analysis text export into raw columns (file units). */
export function parseTaUniversal(text: string): Result<RawDscTable, ParseError> {
  const lines = splitLines(text);
  const startIdx = lines.findIndex((l) => l.trim() === 'StartOfData');
  if (startIdx < 0) return fail(new ParseError('MISSING_SECTION', 'no StartOfData line (not a TA Universal Analysis export?)'));

  const signals: { name: string; unit: string }[] = [];
  let massMg: number | undefined;
  let exo: 'up' | 'down' | undefined;
  let sampleName: string | undefined;
  for (let i = 0; i < startIdx; i++) {
    const cells = lines[i].split('\t');
    const key = cells[0].trim();
    const value = cells.slice(1).join(' ').trim();
    const sig = /^Sig(\d+)$/.exec(key);
    if (sig) signals[Number(sig[1]) - 1] = splitNameUnit(value);
    else if (key === 'Size') massMg = massMgFrom(value);
    else if (key === 'Exotherm') exo = exoFrom(`exotherm ${value}`);
    else if (key === 'Sample') sampleName = value || undefined;
  }
  const find = (re: RegExp, avoid?: RegExp): number => signals.findIndex((s) => s !== undefined && re.test(s.name) && !(avoid && avoid.test(s.name)));
  const timeCol = find(/^time$/i);
  const tempCol = find(/temp/i);
  let hfCol = find(/^heat flow$/i);
  if (hfCol < 0) hfCol = find(/heat flow/i, /rev|deriv/i);
  if (hfCol < 0) hfCol = find(/heat flow/i);
  if (tempCol < 0) return fail(new ParseError('MISSING_COLUMN', 'no temperature signal among the SigN header lines'));
  if (hfCol < 0) return fail(new ParseError('MISSING_COLUMN', 'no heat-flow signal among the SigN header lines'));

  const columns: Record<string, number> = { temperature: tempCol, heatFlow: hfCol };
  if (timeCol >= 0) columns.time = timeCol;
  const block = readBlock({ lines, start: startIdx + 1, split: (l) => l.trim().split(/\s+/), columns });
  if (!block.ok) return block;
  const v = block.value.values;

  const keep = (i: number): boolean => timeCol < 0 || v.time[i] !== SENTINEL_TIME;
  const pick = (arr: number[]): number[] => arr.filter((_, i) => keep(i));
  const dropped = v.temperature.length - pick(v.temperature).length;
  const col = (idx: number, values: number[]): RawColumn => ({ name: signals[idx].name, unit: signals[idx].unit, values: pick(values) });
  const warnings = dropped > 0 ? [`dropped ${dropped} sentinel rows (time ${SENTINEL_TIME})`] : [];
  return ok({
    format: 'ta-universal-analysis',
    temperature: col(tempCol, v.temperature),
    heatFlow: col(hfCol, v.heatFlow),
    time: timeCol >= 0 ? col(timeCol, v.time) : undefined,
    massMg,
    exo,
    sampleName,
    warnings,
  });
}
