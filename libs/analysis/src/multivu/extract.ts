/** From a parsed MultiVu file to the shapes the magnetic and resistance analyzers take. */
import { fail, ok, ParseError, type Result } from '../core/errors';
import { isSpace, trimEndWhere } from '../core/text';
import type { DataColumn, MagneticSweep, TransportData } from '../core/types';
import { findColumn } from './parse-multivu';
import type { MultiVuFile } from './multivu.types';

/**
 * Moment columns in order of preference. `Moment (emu)` is filled in VSM mode; DC-scan mode leaves it
 * empty and fills the DC block, where the free-centre fit is preferred because it follows the sample.
 * MPMS-XL writes `Long Moment (emu)`, PPMS-ACMS `M-DC (emu)`.
 */
export const MOMENT_COLUMNS = ['Moment (emu)', 'DC Moment Free Ctr (emu)', 'DC Moment Fixed Ctr (emu)', 'Long Moment (emu)', 'M-DC (emu)'] as const;
/** AC-only moment columns: a file with these and no DC moment is AC susceptibility. */
export const AC_MOMENT_COLUMNS = ["m' (emu)", "M' (emu)", "AC X' (emu/Oe)", 'AC Moment (emu)'] as const;
export const TEMPERATURE_COLUMNS = ['Temperature (K)'] as const;
export const FIELD_COLUMNS = ['Magnetic Field (Oe)', 'Field (Oe)'] as const;

/** A case-insensitive, trimmed name test, as findColumn looks names up. */
const oneOf = (names: readonly string[]) => {
  const set = new Set(names.map((n) => n.trim().toLowerCase()));
  return (name: string): boolean => set.has(name.trim().toLowerCase());
};

/** The columns toMagneticSweep reads, and the AC ones its error names: parseMultiVu's `keep` for magnetic analysis. */
export const magneticColumns = oneOf([...TEMPERATURE_COLUMNS, ...MOMENT_COLUMNS, ...AC_MOMENT_COLUMNS, ...FIELD_COLUMNS]);

/** A magnetic sweep plus how it was assembled. */
export interface MultiVuMagneticSweep extends MagneticSweep {
  /** Rows taken from each moment column (only columns actually used). */
  momentColumnRows: Record<string, number>;
  /** Rows dropped because temperature or every moment column was blank. */
  droppedRows: number;
  /** The 0-based data row of each point (file order is time order: MultiVu appends as it measures). */
  rows: number[];
}

/** The columns among `names` that the file has, each once (lookup is case-insensitive, so m' and M' coincide). */
const present = (file: MultiVuFile, names: readonly string[]): DataColumn[] => [
  ...new Set(names.map((n) => findColumn(file, n)).filter((c): c is DataColumn => c !== undefined)),
];

/**
 * Magnetisation sweep: moment (emu) per row from the first of MOMENT_COLUMNS that is finite on that
 * row, temperature (K) from `Temperature (K)`, field (Oe) from `Magnetic Field (Oe)` or `Field (Oe)`
 * (NaN when the file has neither). Rows whose temperature or moment is blank are dropped.
 * `momentColumn` names the column that supplied the most rows. Errors: MISSING_COLUMN, TOO_FEW_POINTS.
 */
export function toMagneticSweep(file: MultiVuFile): Result<MultiVuMagneticSweep> {
  const temperature = findColumn(file, ...TEMPERATURE_COLUMNS);
  if (!temperature) return fail(new ParseError('MISSING_COLUMN', 'no "Temperature (K)" column'));
  const moments = present(file, MOMENT_COLUMNS);
  if (moments.length === 0) {
    const ac = present(file, AC_MOMENT_COLUMNS);
    const why = ac.length > 0 ? ` (AC susceptibility file: ${ac.map((c) => `"${c.name}"`).join(', ')})` : '';
    return fail(new ParseError('MISSING_COLUMN', `no DC moment column (${MOMENT_COLUMNS.join(', ')})${why}`));
  }
  const field = findColumn(file, ...FIELD_COLUMNS);

  const temperatureK: number[] = [];
  const momentEmu: number[] = [];
  const fieldOe: number[] = [];
  const rows: number[] = [];
  const momentColumnRows: Record<string, number> = {};
  let droppedRows = 0;
  for (let i = 0; i < file.rowCount; i++) {
    const t = temperature.values[i];
    const source = moments.find((c) => Number.isFinite(c.values[i]));
    if (!Number.isFinite(t) || source === undefined) {
      droppedRows++;
      continue;
    }
    temperatureK.push(t);
    momentEmu.push(source.values[i]);
    fieldOe.push(field ? field.values[i] : NaN);
    rows.push(i);
    momentColumnRows[source.name] = (momentColumnRows[source.name] ?? 0) + 1;
  }
  if (temperatureK.length === 0) {
    return fail(new ParseError('TOO_FEW_POINTS', `no row has both a temperature and a moment (${moments.map((c) => c.name).join(', ')})`));
  }
  const momentColumn = Object.entries(momentColumnRows).sort((a, b) => b[1] - a[1])[0][0];
  const sweep: MultiVuMagneticSweep = { temperatureK, momentEmu, fieldOe, momentColumn, momentColumnRows, droppedRows, rows };
  if (file.massMg !== undefined) sweep.massMg = file.massMg;
  return ok(sweep);
}

/** Transport channel column names: Resistivity option, older PPMS bridges, the ACT option, and the DynaCool ETO (`Resistance Ch1`). */
const CHANNEL_PATTERNS: RegExp[] = [/^Bridge\s*\d+\s+Resistance\b/i, /^Bridge\s*\d+\s+Resistivity\b/i, /^Res\.\s*ch\s*\d+\b/i, /^Resistance\s+Ch\s*\d+\b/i];

/** True for a transport channel column (its standard-deviation companions excluded). */
export function isTransportChannelName(name: string): boolean {
  return CHANNEL_PATTERNS.some((p) => p.test(name)) && !/std\.?\s*dev/i.test(name);
}

const temperatureOrField = oneOf([...TEMPERATURE_COLUMNS, ...FIELD_COLUMNS]);

/** The columns toTransportData reads: parseMultiVu's `keep` for resistance analysis. */
export const transportColumns = (name: string): boolean => temperatureOrField(name) || isTransportChannelName(name);

/** The name without its `(unit)` suffix: `Bridge 1 Resistance (Ohms)` → `Bridge 1 Resistance`. */
function baseName(name: string): string {
  // By index, not /\s*\([^()]*\)\s*$/, which retries its leading \s* at every blank of a long run.
  const t = trimEndWhere(name, isSpace);
  const open = t.lastIndexOf('(');
  if (!t.endsWith(')') || open < 0 || t.indexOf(')', open) !== t.length - 1) return t.trim();
  return t.slice(0, open).trim();
}

/**
 * Transport data: temperature (K), field (Oe; NaN when absent) and every resistance-like channel
 * (`Bridge N Resistance`, `Bridge N Resistivity`, `Res. chN`, in that order of kind, then file order)
 * that has at least one finite value. Blank cells stay NaN, since the ACT option fills its channels on
 * alternating rows. Rows without a temperature or without any channel value are dropped.
 * Errors: MISSING_COLUMN, TOO_FEW_POINTS.
 */
export function toTransportData(file: MultiVuFile): Result<TransportData> {
  const temperature = findColumn(file, ...TEMPERATURE_COLUMNS);
  if (!temperature) return fail(new ParseError('MISSING_COLUMN', 'no "Temperature (K)" column'));
  const field = findColumn(file, ...FIELD_COLUMNS);
  const channelColumns: DataColumn[] = [];
  for (const pattern of CHANNEL_PATTERNS) {
    for (const c of file.columns) {
      if (pattern.test(c.name) && isTransportChannelName(c.name) && c.values.some(Number.isFinite)) channelColumns.push(c);
    }
  }
  if (channelColumns.length === 0) {
    return fail(new ParseError('MISSING_COLUMN', 'no resistance channel with data (Bridge N Resistance/Resistivity, Res. chN, Resistance ChN)'));
  }
  const temperatureK: number[] = [];
  const fieldOe: number[] = [];
  const channelValues: number[][] = channelColumns.map(() => []);
  for (let i = 0; i < file.rowCount; i++) {
    const t = temperature.values[i];
    if (!Number.isFinite(t) || !channelColumns.some((c) => Number.isFinite(c.values[i]))) continue;
    temperatureK.push(t);
    fieldOe.push(field ? field.values[i] : NaN);
    channelColumns.forEach((c, k) => channelValues[k].push(c.values[i]));
  }
  if (temperatureK.length === 0) return fail(new ParseError('TOO_FEW_POINTS', 'no row has both a temperature and a resistance'));
  return ok({
    temperatureK,
    fieldOe,
    channels: channelColumns.map((c, k) => ({ name: baseName(c.name), unit: c.unit ?? '', values: channelValues[k] })),
  });
}
