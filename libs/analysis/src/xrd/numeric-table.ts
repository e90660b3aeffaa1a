/**
 * Column-text reader shared by the XRD and SAXS parsers: finds the data block of a file made of
 * free-text header lines followed by rows of numbers, whatever the separator.
 */

/** One line classified: a row of numbers, blank, or text (comments and headers). */
type LineKind = { kind: 'numbers'; values: number[] } | { kind: 'blank' } | { kind: 'text' };

export interface NumericBlock {
  /** Data rows, all with `columnCount` finite numbers. */
  rows: number[][];
  columnCount: number;
  /** 1-based line number of the first and last data row. */
  firstLine: number;
  lastLine: number;
  /** Non-numeric lines before the block, comment markers kept (header text for unit detection). */
  headerLines: string[];
  /** Numeric lines that are not part of the chosen block (e.g. RKH control lines). */
  strayNumericLines: number[];
}

const COMMENT = /^\s*(#|!|%|\/\/|;)/;

/** Split one line into number cells: tab, comma, semicolon or whitespace separated; `;` with `,` means decimal commas. */
export function splitCells(line: string): string[] {
  const t = line.trim();
  if (t.includes(';')) {
    return t
      .split(';')
      .map((c) => c.trim().replace(',', '.'))
      .filter((c, i, all) => c !== '' || i < all.length - 1);
  }
  if (t === '') return [];
  const cells = t.split(/[\s,]+/);
  // After trim(), only a leading or trailing comma leaves an empty cell: skip the filter's copy otherwise.
  return t.charCodeAt(0) === 44 || t.charCodeAt(t.length - 1) === 44 ? cells.filter((c) => c !== '') : cells;
}

// Number('') is 0 and Number('0x10') is 16: accept only decimal literals (Fortran `1.0D+03` too).
// `\d+(?:\.\d*)?`, not `\d+\.?\d*`: the latter splits a long digit run between its two \d's every way before failing.
const DECIMAL = /^[-+]?(\d+(?:\.\d*)?|\.\d+)([eEdD][-+]?\d+)?$/;
const FORTRAN_EXPONENT = /[dD]/;
const BLANK: LineKind = { kind: 'blank' };
const TEXT: LineKind = { kind: 'text' };

// Runs once per line of every XRD/SAXS file, so it avoids per-cell string copies (profiled in bench/analysis-throughput.ts).
function classify(line: string): LineKind {
  if (line.trim() === '') return BLANK;
  if (COMMENT.test(line)) return TEXT;
  const cells = splitCells(line);
  if (cells.length === 0) return BLANK;
  const values: number[] = [];
  for (const c of cells) {
    if (!DECIMAL.test(c)) return TEXT;
    const v = Number(FORTRAN_EXPONENT.test(c) ? c.replace(FORTRAN_EXPONENT, 'e') : c);
    if (!Number.isFinite(v)) return TEXT;
    values.push(v);
  }
  return { kind: 'numbers', values };
}

/**
 * Find the longest run of numeric rows that all have the same number of columns (≥ minColumns).
 * Blank lines inside a run do not end it; a text line or a change of column count does, so the
 * numeric control lines of an RKH/COLETTE header (7, then 4 numbers) never join the 3-column data.
 * Returns undefined when no such run exists. Linear in the number of lines.
 */
export function findNumericBlock(lines: string[], minColumns = 2): NumericBlock | undefined {
  const kinds = lines.map(classify);
  let best: { start: number; end: number; cols: number; count: number } | undefined;
  let runStart = -1;
  let runEnd = -1;
  let runCols = 0;
  let runCount = 0;
  const close = (): void => {
    if (runStart >= 0 && runCols >= minColumns && (best === undefined || runCount > best.count)) {
      best = { start: runStart, end: runEnd, cols: runCols, count: runCount };
    }
    runStart = -1;
    runCount = 0;
  };
  for (let i = 0; i < kinds.length; i++) {
    const k = kinds[i];
    if (k.kind === 'blank') continue;
    if (k.kind === 'text') {
      close();
      continue;
    }
    if (runStart >= 0 && k.values.length === runCols) {
      runEnd = i;
      runCount++;
      continue;
    }
    close();
    runStart = i;
    runEnd = i;
    runCols = k.values.length;
    runCount = 1;
  }
  close();
  if (best === undefined) return undefined;
  const rows: number[][] = [];
  const stray: number[] = [];
  const headerLines: string[] = [];
  for (let i = 0; i < kinds.length; i++) {
    const k = kinds[i];
    if (i >= best.start && i <= best.end) {
      if (k.kind === 'numbers') rows.push(k.values);
      continue;
    }
    if (k.kind === 'numbers') stray.push(i + 1);
    if (i < best.start && k.kind !== 'blank') headerLines.push(lines[i]);
  }
  return { rows, columnCount: best.cols, firstLine: best.start + 1, lastLine: best.end + 1, headerLines, strayNumericLines: stray };
}

/** Describe stray numeric lines for a warning, e.g. "lines 3–4". */
export function describeLines(lineNumbers: number[]): string {
  if (lineNumbers.length === 0) return '';
  const first = lineNumbers[0];
  const last = lineNumbers[lineNumbers.length - 1];
  return lineNumbers.length === 1 ? `line ${first}` : `${lineNumbers.length} lines (${first}–${last})`;
}
