/**
 * Quantum Design MultiVu `.dat` reader (MPMS3, MPMS-XL, PPMS VSM/ACMS/Resistivity/ACT).
 * Layout and quirks are catalogued in test/fixtures/real/PROVENANCE.md; this reader never throws.
 */
import { fail, ok, ParseError, type Result } from '../core/errors';
import { decodeText, type DecodedText, isSpaceOrComma, looksBinary, splitLines, toNumber, trimEndWhere } from '../core/text';
import type { DataColumn } from '../core/types';
import { detectInstrument, parseInfoFields, unitOf } from './header';
import type { MultiVuFile, MultiVuInstrument } from './multivu.types';
import { detectDelimiter, pickFields, splitRow } from './split-row';

export type { MultiVuFile, MultiVuInstrument } from './multivu.types';

/** Everything above the data rows: what format detection needs without reading every row. */
export interface MultiVuHeader {
  instrument: MultiVuInstrument;
  byApp: string;
  title?: string;
  info: Record<string, string>;
  columnNames: string[];
  delimiter: ',' | '\t';
  encoding: 'utf-8' | 'latin1';
  warnings: string[];
  lines: string[];
  /** 0-based index of the column-name line. */
  columnLineIndex: number;
}

/** A section marker possibly padded with delimiters by a spreadsheet re-save (`[Data]\t\t\t`). */
function sectionName(line: string): string {
  return trimEndWhere(line, isSpaceOrComma).trim().toLowerCase();
}

/** MultiVu writes `INF` / `-INF` / `NAN` where a fit diverged: a known blank, not a malformed number. */
const NON_FINITE = /^\s*[+-]?(?:inf|infinity|nan)\s*$/i;

function isBlank(line: string): boolean {
  return /^[\s,]*$/.test(line);
}

function dropTrailingEmpty(fields: string[]): string[] {
  let end = fields.length;
  while (end > 0 && fields[end - 1].trim() === '') end--;
  return fields.slice(0, end);
}

/**
 * Read the `[Header]` records and the column-name line after `[Data]` from decoded text.
 * Errors: MISSING_SECTION (no [Header] before [Data], or no [Data]), MISSING_COLUMN (no column line).
 */
export function readMultiVuHeader(text: string, encoding: 'utf-8' | 'latin1' = 'utf-8'): Result<MultiVuHeader> {
  const lines = splitLines(text);
  let headerIndex = -1;
  let dataIndex = -1;
  for (let i = 0; i < lines.length; i++) {
    // Cheap prefilter: section markers start with '['; most lines do not.
    if (lines[i].trimStart()[0] !== '[') continue;
    const name = sectionName(lines[i]);
    if (name === '[header]' && headerIndex < 0) headerIndex = i;
    else if (name === '[data]') {
      dataIndex = i;
      break;
    }
  }
  if (headerIndex < 0) return fail(new ParseError('MISSING_SECTION', 'no [Header] section: not a MultiVu .dat file', 1));
  if (dataIndex < 0) return fail(new ParseError('MISSING_SECTION', 'no [Data] section after [Header]', lines.length));

  let columnLineIndex = dataIndex + 1;
  while (columnLineIndex < lines.length && isBlank(lines[columnLineIndex])) columnLineIndex++;
  if (columnLineIndex >= lines.length) {
    return fail(new ParseError('MISSING_COLUMN', 'no column-name line after [Data]', dataIndex + 1));
  }
  const columnLine = lines[columnLineIndex];
  // A single-column header has no delimiter to see; the first data row then decides.
  let delimiterSample = columnLine;
  if (!/[\t,]/.test(columnLine)) {
    delimiterSample = lines.slice(columnLineIndex + 1).find((l) => !isBlank(l)) ?? columnLine;
  }
  const delimiter = detectDelimiter(delimiterSample);
  const warnings: string[] = [];

  let byApp = '';
  let title: string | undefined;
  let appName = '';
  let banner = '';
  const info: Record<string, string> = {};
  for (let i = headerIndex + 1; i < dataIndex; i++) {
    const line = lines[i];
    if (isBlank(line)) continue;
    if (line.trimStart().startsWith(';')) {
      if (banner === '') banner = line.trim();
      continue;
    }
    const lineDelimiter = line.includes(delimiter) ? delimiter : ',';
    const fields = dropTrailingEmpty(splitRow(line, lineDelimiter));
    if (fields.length === 0) continue;
    const key = fields[0].trim().toUpperCase();
    const rest = fields.slice(1);
    if (key === 'TITLE') {
      const t = rest.join(',').trim();
      title = t === '' ? undefined : t;
    } else if (key === 'BYAPP') {
      byApp = rest.map((f) => f.trim()).join(',');
    } else if (key === 'INFO') {
      const record = parseInfoFields(rest);
      if (record) {
        info[record.key] = record.value;
        if (record.key.toUpperCase() === 'APPNAME') appName = record.value;
      }
    }
  }

  const rawNames = dropTrailingEmpty(splitRow(columnLine, delimiter)).map((n) => n.trim());
  if (rawNames.length === 0) {
    return fail(new ParseError('MISSING_COLUMN', 'the column-name line after [Data] is empty', columnLineIndex + 1));
  }
  const columnNames = rawNames.map((name, i) => {
    if (name !== '') return name;
    warnings.push(`column ${i + 1} has no name; called "Column ${i + 1}"`);
    return `Column ${i + 1}`;
  });

  return ok({
    instrument: detectInstrument(byApp, appName, banner),
    byApp,
    title,
    info,
    columnNames,
    delimiter,
    encoding,
    warnings,
    lines,
    columnLineIndex,
  });
}

/** Sample mass (mg) from INFO SAMPLE_MASS (MPMS3/VSM) or WEIGHT (MPMS-XL); case-insensitive keys. */
function massFromInfo(info: Record<string, string>, warnings: string[]): number | undefined {
  const entries = Object.entries(info);
  const found = entries.find(([k]) => k.toUpperCase() === 'SAMPLE_MASS') ?? entries.find(([k]) => k.toUpperCase() === 'WEIGHT');
  if (!found || found[1].trim() === '') return undefined;
  const massMg = toNumber(found[1]);
  if (Number.isNaN(massMg)) {
    warnings.push(`header ${found[0]} "${found[1]}" is not a number; sample mass ignored`);
    return undefined;
  }
  if (massMg <= 0) {
    warnings.push(`header ${found[0]} is ${massMg} mg; sample mass ignored`);
    return undefined;
  }
  return massMg;
}

export interface MultiVuParseOptions {
  /**
   * Read only the columns whose name passes (the Comment column always); the others are left out of
   * `columns` and their cells are neither converted nor checked. An analyzer needs 3–6 of an MPMS3
   * file's ~90 columns; skipping the rest took a 2,000-point file from 18 to 6 ms, parse to metrics.
   */
  keep?: (columnName: string) => boolean;
  /** decodeText(bytes), when the caller has it already (a FileSample's): the text is not decoded again. */
  decoded?: DecodedText;
}

/**
 * Parse a MultiVu `.dat` file. Cells that are blank or not numbers become NaN (row alignment kept);
 * rows shorter than the header are padded, a trailing delimiter's unnamed column is dropped, and
 * Comment-column text is kept in `comments`. Units come from each name's `(unit)` suffix.
 * Sample mass is reported in mg, from the header only (the `Mass (grams)` column is not the sample mass).
 */
export function parseMultiVu(bytes: Uint8Array, options: MultiVuParseOptions = {}): Result<MultiVuFile> {
  if (bytes.length === 0) return fail(new ParseError('EMPTY_FILE', 'the file is empty'));
  if (looksBinary(bytes)) return fail(new ParseError('BINARY_CONTENT', 'the file is binary, not a MultiVu text file'));
  const { text, encoding } = options.decoded ?? decodeText(bytes);
  const headerResult = readMultiVuHeader(text, encoding);
  if (!headerResult.ok) return headerResult;
  const header = headerResult.value;
  const { lines, columnNames, delimiter, columnLineIndex } = header;
  const warnings = [...header.warnings];

  const width = columnNames.length;
  const values: number[][] = columnNames.map(() => []);
  const commentIndex = columnNames.findIndex((n) => n.toLowerCase() === 'comment');
  const { keep } = options;
  const wanted = columnNames.map((name, j) => j === commentIndex || keep === undefined || keep(name));
  // The rows loop visits only these (ascending): an analyzer keeps ~8 of an MPMS3 file's 89 columns.
  const wantedIndices = wanted.flatMap((w, j) => (w ? [j] : []));
  const picked: (string | undefined)[] = new Array<string | undefined>(width);
  const comments: MultiVuFile['comments'] = [];
  let rowCount = 0;
  let shortRows = 0;
  let longRows = 0;
  let firstLongLine = 0;
  let badCells = 0;
  let firstBad = '';
  let infCells = 0;

  for (let i = columnLineIndex + 1; i < lines.length; i++) {
    const line = lines[i];
    const quoted = line.includes('"');
    if (!quoted && isBlank(line)) continue;
    let fields: (string | undefined)[];
    let count: number;
    let overflow: boolean;
    if (keep !== undefined && !quoted) {
      ({ count, overflow } = pickFields(line, delimiter, width, wanted, picked));
      fields = picked;
    } else {
      const all = splitRow(line, delimiter);
      fields = all;
      count = all.length;
      overflow = false;
      for (let j = width; j < all.length && !overflow; j++) overflow = all[j].trim() !== '';
    }
    if (count < width) shortRows++;
    if (overflow) {
      if (longRows === 0) firstLongLine = i + 1;
      longRows++;
    }
    for (const j of wantedIndices) {
      const cell = fields[j];
      const v = toNumber(cell);
      values[j].push(v);
      if (Number.isNaN(v) && cell !== undefined && cell.trim() !== '') {
        if (j === commentIndex) comments.push({ row: rowCount, line: i + 1, text: cell.trim() });
        else if (NON_FINITE.test(cell)) infCells++;
        else {
          if (badCells === 0) firstBad = `line ${i + 1}, column "${columnNames[j]}": "${cell.trim().slice(0, 40)}"`;
          badCells++;
        }
      }
    }
    rowCount++;
  }

  if (rowCount === 0) {
    return fail(new ParseError('TOO_FEW_POINTS', 'no data rows after the column-name line', columnLineIndex + 1));
  }
  if (shortRows > 0) warnings.push(`${shortRows} of ${rowCount} rows are shorter than the ${width}-column header; padded with blanks`);
  if (longRows > 0) warnings.push(`${longRows} rows have values beyond the last named column (first at line ${firstLongLine}); ignored`);
  if (infCells > 0) warnings.push(`${infCells} cells hold INF/NaN; read as blank`);
  if (badCells > 0) warnings.push(`${badCells} non-numeric cells read as blank (first at ${firstBad})`);

  const columns: DataColumn[] = [];
  columnNames.forEach((name, j) => {
    if (!wanted[j]) return;
    const unit = unitOf(name);
    columns.push(unit === undefined ? { name, values: values[j] } : { name, unit, values: values[j] });
  });
  const massMg = massFromInfo(header.info, warnings);

  const file: MultiVuFile = {
    instrument: header.instrument,
    byApp: header.byApp,
    info: header.info,
    columns,
    rowCount,
    delimiter,
    encoding,
    warnings,
    comments,
  };
  if (header.title !== undefined) file.title = header.title;
  if (massMg !== undefined) file.massMg = massMg;
  return ok(file);
}

/** The first column whose name equals one of `names` (case-insensitive, trimmed), tried in order. */
export function findColumn(file: { columns: DataColumn[] }, ...names: string[]): DataColumn | undefined {
  for (const wanted of names) {
    const w = wanted.trim().toLowerCase();
    const hit = file.columns.find((c) => c.name.trim().toLowerCase() === w);
    if (hit) return hit;
  }
  return undefined;
}
