/**
 * Helpers the DSC vendor parsers share: strict number cells, units read from column headers, and a
 * data-block reader that reports the first bad cell with its 1-based line instead of throwing.
 */
import { ParseError, Result, fail, ok } from '../core/errors';
import { isSpace, trimEndWhere } from '../core/text';
import type { RawColumn, RawDscTable } from './dsc.types';

// Every pattern here reads untrusted text and must stay linear: no `\d+\.?\d*` (two \d runs that can
// split a digit run every way), no `\s*X?\s*`, no unanchored `(.*?)\s*`; parser-fuzz.spec.ts checks them.
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const COMMA_NUMBER = /^[+-]?(?:\d+(?:,\d*)?|,\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Parse one cell strictly: `1.5`, `-2e-3`, or with `decimalComma` `1,5`. Anything else (notably
 * `50.026.184`, a thousands-separator-mangled spreadsheet export) is NaN so the caller can reject it.
 */
export function strictNumber(cell: string, decimalComma = false): number {
  const s = cell.trim();
  if (decimalComma ? !COMMA_NUMBER.test(s) : !PLAIN_NUMBER.test(s)) return NaN;
  const v = Number(decimalComma ? s.replace(',', '.') : s);
  return Number.isFinite(v) ? v : NaN;
}

/** Split `Heat Flow (mW)`, `Temperature [°C]`, `T/K`, `DSC/(mW/mg)` into name and unit. */
export function splitNameUnit(header: string): { name: string; unit: string } {
  const h = header.trim().replace(/^"|"$/g, '').trim();
  const paren = trailingGroup(h, '(', ')');
  if (paren && paren.name !== '') {
    // `DSC/(mW/mg)` → name `DSC`, unit `mW/mg`
    const name = paren.name.replace(/\/$/, '').trim();
    return { name, unit: paren.inner.trim() };
  }
  const bracket = trailingBrackets(h);
  if (bracket && bracket.name !== '') return { name: bracket.name.trim(), unit: bracket.inner.trim() };
  // `T/K`: the name before the first slash, the unit after it (which must not start with another slash).
  const slash = h.indexOf('/');
  const rest = slash > 0 ? h.slice(slash + 1) : '';
  if (rest !== '' && rest[0] !== '/') return { name: h.slice(0, slash).trim(), unit: rest.trim().replace(/^\((.*)\)$/, '$1') };
  return { name: h, unit: '' };
}

/*
 * The two helpers below find a trailing `(unit)` / `[unit]` by index: the regular expressions they
 * replace (`^(.*?)\s*\((…)\)\s*$`) retried from every position and were quadratic on long headers.
 */

/** `name (unit)` with the unit's parentheses nested at most one level deep, e.g. `DSC/(mW/mg)`. */
function trailingGroup(h: string, open: string, close: string): { name: string; inner: string } | undefined {
  const t = trimEndWhere(h, isSpace);
  if (!t.endsWith(close)) return undefined;
  let depth = 0;
  for (let i = t.length - 1; i >= 0; i--) {
    if (t[i] === close) depth++;
    else if (t[i] === open && --depth === 0) return { name: trimEndWhere(t.slice(0, i), isSpace), inner: t.slice(i + 1, -1) };
    if (depth > 2) return undefined;
  }
  return undefined;
}

/** `name [unit]`: the unit holds no `]`; it opens at the first `[` after the previous `]`. */
function trailingBrackets(h: string): { name: string; inner: string } | undefined {
  const t = trimEndWhere(h, isSpace);
  if (!t.endsWith(']')) return undefined;
  const open = t.indexOf('[', t.lastIndexOf(']', t.length - 2) + 1);
  if (open < 0 || open >= t.length - 1) return undefined;
  return { name: trimEndWhere(t.slice(0, open), isSpace), inner: t.slice(open + 1, -1) };
}

export type TempUnit = 'C' | 'K';
export type HeatFlowUnit = 'mW' | 'W' | 'uW' | 'W/g' | 'mW/mg' | 'mW/g';
export type TimeUnit = 's' | 'min' | 'h';

/**
 * Normalise a temperature unit string (`°C`, `ºC`, `degC`, `C`, `K`); undefined when it is not one.
 * `øC` is accepted too: DOS code page 437 writes ° as 0xF8, which Latin-1 reads as ø (the real TA file does).
 */
export function temperatureUnit(unit: string): TempUnit | undefined {
  const u = unit
    .replace(/\s/g, '')
    .replace(/^(°|º|ø|deg|Â°)/i, '')
    .toLowerCase();
  if (u === 'c' || u === 'celsius') return 'C';
  if (u === 'k' || u === 'kelvin') return 'K';
  return undefined;
}

/** Normalise a heat-flow unit string; undefined when unrecognised. */
export function heatFlowUnit(unit: string): HeatFlowUnit | undefined {
  const u = unit.replace(/\s/g, '').replace(/\^-1/g, '-1').replace(/µ|μ/g, 'u');
  const table: Record<string, HeatFlowUnit> = {
    mW: 'mW',
    W: 'W',
    uW: 'uW',
    'W/g': 'W/g',
    'Wg-1': 'W/g',
    'W·g-1': 'W/g',
    'mW/mg': 'mW/mg',
    'mWmg-1': 'mW/mg',
    'mW/g': 'mW/g',
    'mWg-1': 'mW/g',
  };
  return table[u] ?? table[Object.keys(table).find((k) => k.toLowerCase() === u.toLowerCase()) ?? ''];
}

/** Normalise a time unit; undefined when unrecognised. */
export function timeUnit(unit: string): TimeUnit | undefined {
  const u = unit.trim().toLowerCase();
  if (u === 's' || u === 'sec' || u === 'seconds') return 's';
  if (u === 'min' || u === 'minutes' || u === 'mn') return 'min';
  if (u === 'h' || u === 'hr' || u === 'hours') return 'h';
  return undefined;
}

/** Read the first number in `Size 9.00000 mg` style text, converting g/µg to mg; undefined if none. */
export function massMgFrom(text: string): number | undefined {
  // (?<!\d): a number starts where a digit run starts, so a long run is tried once, not from every digit.
  const m = /(?<!\d)([+-]?\d+(?:[.,]\d+)?(?:[eE][+-]?\d+)?)\s*(mg|g|µg|ug)?\b/i.exec(text);
  if (!m) return undefined;
  const v = Number(m[1].replace(',', '.'));
  if (!Number.isFinite(v) || v <= 0) return undefined;
  const unit = (m[2] ?? 'mg').toLowerCase();
  return unit === 'g' ? v * 1000 : unit === 'mg' ? v : v / 1000;
}

/** Heating rate from method text such as `20.0(K/min)`, `at 20.00°C/min`, `20 K/min`; K/min. */
export function rateFrom(text: string): number | undefined {
  const m = /(?<!\d)([+-]?\d+(?:\.\d+)?)\s*(?:\(\s*)?(?:K|°C|ºC|C)\s*\/\s*min/i.exec(text);
  if (!m) return undefined;
  const v = Number(m[1]);
  return Number.isFinite(v) && v !== 0 ? Math.abs(v) : undefined;
}

/** Exo direction from free metadata text: `Exotherm Up`, `Exo up`, `Endo Up` (→ exo down) … */
export function exoFrom(text: string): 'up' | 'down' | undefined {
  const exo = /\bexo(?:therm(?:ic)?)?(?:\s*[:=]\s*|\s+)(up|down)\b/i.exec(text);
  if (exo) return exo[1].toLowerCase() as 'up' | 'down';
  const endo = /\bendo(?:therm(?:ic)?)?\s*(?:[:=]\s*)?(up|down)\b/i.exec(text);
  if (endo) return endo[1].toLowerCase() === 'up' ? 'down' : 'up';
  return undefined;
}

export interface BlockSpec {
  lines: string[];
  /** 0-based index of the first data line. */
  start: number;
  split: (line: string) => string[];
  /** Column indices to read, keyed by role. */
  columns: Record<string, number>;
  decimalComma?: boolean;
  /** Return true for a line that ends the data block (e.g. STARe's `Sample:` section). */
  isEnd?: (line: string) => boolean;
  /** Return true for a line to ignore inside the block (e.g. NETZSCH `#` comments). */
  skip?: (line: string) => boolean;
}

/**
 * Read numeric columns from a data block. Blank lines are skipped; the first unparsable cell in a
 * requested column is a BAD_NUMBER error naming its 1-based line.
 */
export function readBlock(spec: BlockSpec): Result<{ values: Record<string, number[]>; lastLine: number }, ParseError> {
  const out: Record<string, number[]> = {};
  for (const k of Object.keys(spec.columns)) out[k] = [];
  let lastLine = spec.start;
  for (let i = spec.start; i < spec.lines.length; i++) {
    const line = spec.lines[i];
    if (line.trim() === '') continue;
    if (spec.isEnd?.(line)) break;
    if (spec.skip?.(line)) continue;
    const cells = spec.split(line);
    for (const [role, col] of Object.entries(spec.columns)) {
      const cell = cells[col];
      if (cell === undefined) {
        return fail(new ParseError('INCONSISTENT_DATA', `row has ${cells.length} fields, column ${col + 1} (${role}) is missing`, i + 1));
      }
      const v = strictNumber(cell, spec.decimalComma);
      if (Number.isNaN(v)) {
        const hint = /^\s*-?\d{1,3}(\.\d{3})+\s*$/.test(cell) ? ' (looks like a thousands-separator-corrupted number)' : '';
        return fail(new ParseError('BAD_NUMBER', `'${cell.trim().slice(0, 40)}' in column ${col + 1} (${role}) is not a number${hint}`, i + 1));
      }
      out[role].push(v);
    }
    lastLine = i;
  }
  return ok({ values: out, lastLine });
}

/** Pick the delimiter that splits a header line into the most fields (tab, semicolon, comma). */
export function guessDelimiter(line: string): '\t' | ';' | ',' {
  const count = (d: string): number => line.split(d).length;
  const tab = count('\t');
  const semi = count(';');
  const comma = count(',');
  if (tab >= semi && tab >= comma && tab > 1) return '\t';
  if (semi >= comma && semi > 1) return ';';
  return ',';
}

/** Split a delimited line, trimming cells and dropping surrounding double quotes. */
export function splitCells(line: string, delimiter: string): string[] {
  return line.split(delimiter).map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
}

/** Where the curve's columns sit in a header of `name (unit)` cells; time < 0 when the file has none. */
export interface CurveColumns {
  heads: { name: string; unit: string }[];
  temperature: number;
  heatFlow: number;
  time: number;
  /** Unit for a time column whose header states none (the vendor's default). */
  timeUnit?: string;
}

/** readBlock for the temperature, heat-flow and optional time columns, named and unit-tagged from their headers. */
export function readCurveColumns(
  spec: Omit<BlockSpec, 'columns'>,
  c: CurveColumns,
): Result<Pick<RawDscTable, 'temperature' | 'heatFlow' | 'time'>, ParseError> {
  const columns: Record<string, number> = { temperature: c.temperature, heatFlow: c.heatFlow };
  if (c.time >= 0) columns.time = c.time;
  const block = readBlock({ ...spec, columns });
  if (!block.ok) return block;
  const v = block.value.values;
  const column = (i: number, values: number[], fallbackUnit = ''): RawColumn => ({ name: c.heads[i].name, unit: c.heads[i].unit || fallbackUnit, values });
  return ok({
    temperature: column(c.temperature, v.temperature),
    heatFlow: column(c.heatFlow, v.heatFlow),
    time: c.time >= 0 ? column(c.time, v.time, c.timeUnit) : undefined,
  });
}
