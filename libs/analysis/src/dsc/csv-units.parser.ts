/**
 * Generic delimited text whose headers carry units: `Temperature (°C),Heat Flow (mW)`,
 * `T/K;HF/(W/g)`, `Time [min]\tTs [K]\tDSC [mW/mg]`. Leading `#`/`%` comment lines may hold
 * metadata (`# mass: 9.52 mg`, `# exo up`, `# 20 K/min`). `;` or tab separated files may use
 * comma decimals. Column roles are chosen by unit first, then by name.
 */
import { ParseError, Result, fail, ok } from '../core/errors';
import { splitLines } from '../core/text';
import { RawDscTable } from './dsc.types';
import {
  exoFrom,
  guessDelimiter,
  heatFlowUnit,
  massMgFrom,
  rateFrom,
  readCurveColumns,
  splitCells,
  splitNameUnit,
  strictNumber,
  temperatureUnit,
  timeUnit,
} from './dsc.table';

const COMMENT = /^\s*(#|%|\/\/)/;

/** Parse a unit-labelled CSV into raw columns (file units). */
export function parseCsvUnits(text: string): Result<RawDscTable, ParseError> {
  const lines = splitLines(text);
  const comments: string[] = [];
  let headIdx = 0;
  while (headIdx < lines.length && (lines[headIdx].trim() === '' || COMMENT.test(lines[headIdx]))) {
    if (COMMENT.test(lines[headIdx])) comments.push(lines[headIdx].replace(COMMENT, ''));
    headIdx++;
  }
  if (headIdx >= lines.length) return fail(new ParseError('EMPTY_FILE', 'no header line'));
  const delimiter = guessDelimiter(lines[headIdx]);
  const heads = splitCells(lines[headIdx], delimiter).map(splitNameUnit);

  const score = (i: number, role: 'temperature' | 'heatFlow' | 'time'): number => {
    const { name, unit } = heads[i];
    if (role === 'temperature') {
      if (temperatureUnit(unit) === undefined && !(unit === '' && /^(temperature|temp|ts|t_?sample)$/i.test(name))) return 0;
      if (/furnace|program|reference|set/i.test(name)) return 1;
      return /sample|^ts$/i.test(name) ? 3 : 2;
    }
    if (role === 'heatFlow') {
      if (heatFlowUnit(unit) !== undefined) return /rev|baseline/i.test(name) ? 1 : 3;
      return /^(heat\s*flow|hf|dsc)$/i.test(name) ? 2 : 0;
    }
    return timeUnit(unit) !== undefined ? 2 : 0;
  };
  const best = (role: 'temperature' | 'heatFlow' | 'time'): number => {
    let idx = -1;
    let top = 0;
    heads.forEach((_, i) => {
      const s = score(i, role);
      if (s > top) [idx, top] = [i, s];
    });
    return idx;
  };
  const tempCol = best('temperature');
  const hfCol = best('heatFlow');
  const timeCol = best('time');
  if (tempCol < 0) return fail(new ParseError('MISSING_COLUMN', 'no temperature column (header needs a unit such as °C or K)', headIdx + 1));
  if (hfCol < 0) return fail(new ParseError('MISSING_COLUMN', 'no heat-flow column (header needs a unit such as mW or W/g)', headIdx + 1));

  // Comma decimals only make sense when the separator is not a comma; look at the first rows.
  let decimalComma = false;
  if (delimiter !== ',') {
    for (let i = headIdx + 1, seen = 0; i < lines.length && seen < 10; i++) {
      if (lines[i].trim() === '') continue;
      seen++;
      if (splitCells(lines[i], delimiter).some((c) => /^[+-]?\d*,\d+(?:[eE][+-]?\d+)?$/.test(c) && Number.isNaN(strictNumber(c)))) decimalComma = true;
    }
  }
  const curve = readCurveColumns(
    { lines, start: headIdx + 1, split: (l) => splitCells(l, delimiter), decimalComma, skip: (l) => COMMENT.test(l) },
    { heads, temperature: tempCol, heatFlow: hfCol, time: timeCol },
  );
  if (!curve.ok) return curve;

  const metaText = comments.join('\n');
  const massLine = comments.find((c) => /mass|weight|size/i.test(c));
  return ok({
    format: 'csv-units',
    ...curve.value,
    massMg: massLine !== undefined ? massMgFrom(massLine.replace(/^[^:=]*[:=]/, '')) : undefined,
    exo: exoFrom(metaText),
    programRateKPerMin: rateFrom(metaText),
    warnings: [],
  });
}
