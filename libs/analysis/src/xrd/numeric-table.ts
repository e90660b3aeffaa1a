/**
 * Column-text reader shared by the XRD and SAXS parsers: finds the data block of a file made of
 * free-text header lines followed by rows of numbers, whatever the separator.
 */
import { fail, ok, ParseError, type Result } from '../core/errors';

export interface NumericBlock {
  /** Number of data rows, each with `columnCount` finite numbers. */
  rowCount: number;
  columnCount: number;
  /** Column `index` (0-based) of every data row, in file order. */
  column(index: number): number[];
  /** The number in data row `row`, column `col` (both 0-based). */
  at(row: number, col: number): number;
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
const BLANK = 0;
const TEXT = -1;
const NO_VALUES = new Float64Array(0);

/**
 * Classify one line: BLANK, TEXT (comments and headers), or the count of numbers it holds, written
 * to `out` from index `at` (which the caller has sized for the line's cells). Runs once per line of
 * every XRD/SAXS file, so it allocates nothing per number beyond the cells themselves.
 */
function classify(text: string, from: number, to: number, out: Float64Array, at: number): number {
  const fast = classifyPlain(text, from, to, out, at);
  return fast === UNSURE ? classifyCells(text.slice(from, to), out, at) : fast;
}

const UNSURE = -2;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/** Space, tab, vertical tab, form feed or comma: the ASCII separators of `[\s,]+`. */
const isPlainSeparator = (c: number): boolean => c === 32 || c === 44 || (c >= 9 && c <= 12);

/**
 * classifyCells for the common line, in one scan with no regex and no cell array: ASCII numbers
 * (DECIMAL without the Fortran exponent) between spaces, tabs or commas. UNSURE for anything else
 * (a comment, a `;`, a `D` exponent, a letter, non-ASCII space), which classifyCells then reads;
 * a line it does answer gets the answer classifyCells would give.
 */
function classifyPlain(line: string, from: number, n: number, out: Float64Array, at: number): number {
  let count = 0;
  let i = from;
  for (;;) {
    while (i < n && isPlainSeparator(line.charCodeAt(i))) i++;
    if (i === n) return count;
    const start = i;
    let c = line.charCodeAt(i);
    if (c === 43 || c === 45) c = line.charCodeAt(++i);
    const first = i;
    while (isDigit(c)) c = line.charCodeAt(++i);
    let digits = i - first;
    if (c === 46) {
      const after = ++i;
      c = line.charCodeAt(i);
      while (isDigit(c)) c = line.charCodeAt(++i);
      digits += i - after;
    }
    if (digits === 0) return UNSURE;
    if (c === 101 || c === 69) {
      c = line.charCodeAt(++i);
      if (c === 43 || c === 45) c = line.charCodeAt(++i);
      if (!isDigit(c)) return UNSURE;
      while (isDigit(c)) c = line.charCodeAt(++i);
    }
    if (i < n && !isPlainSeparator(c)) return UNSURE;
    const v = Number(line.slice(start, i));
    if (!Number.isFinite(v)) return TEXT;
    out[at + count++] = v;
  }
}

/** The general reader: comments, `;` with decimal commas, Fortran exponents, any whitespace. */
function classifyCells(line: string, out: Float64Array, at: number): number {
  if (line.trim() === '') return BLANK;
  if (COMMENT.test(line)) return TEXT;
  const cells = splitCells(line);
  if (cells.length === 0) return BLANK;
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c];
    if (!DECIMAL.test(cell)) return TEXT;
    const v = Number(FORTRAN_EXPONENT.test(cell) ? cell.replace(FORTRAN_EXPONENT, 'e') : cell);
    if (!Number.isFinite(v)) return TEXT;
    out[at + c] = v;
  }
  return cells.length;
}

/** Calls `visit(line, index)` for every line of `text`, breaking at LF, CRLF or a lone CR as splitLines does, without building the array. */
export function forEachLine(text: string, visit: (line: string, index: number) => void): void {
  forEachLineRange(text, (from, to, index) => visit(text.slice(from, to), index));
}

/** forEachLine with the line as text.slice(from, to), not made: a data row is read where it stands. */
function forEachLineRange(text: string, visit: (from: number, to: number, index: number) => void): void {
  const crlf = text.includes('\r');
  let index = 0;
  let from = 0;
  for (;;) {
    let to: number;
    let next: number;
    if (!crlf) {
      to = text.indexOf('\n', from);
      next = to + 1;
    } else {
      to = from;
      while (to < text.length && text.charCodeAt(to) !== 10 && text.charCodeAt(to) !== 13) to++;
      if (to === text.length) to = -1;
      next = to >= 0 && text.charCodeAt(to) === 13 && text.charCodeAt(to + 1) === 10 ? to + 2 : to + 1;
    }
    if (to < 0) {
      visit(from, text.length, index);
      return;
    }
    visit(from, to, index++);
    from = next;
  }
}

/** A run of numeric rows of one width, its values row after row in a growing buffer. */
interface Run {
  start: number;
  /** Where the run's first line starts in the text. */
  startOffset: number;
  end: number;
  cols: number;
  count: number;
  values: Float64Array;
  /** Indices of the blank lines after the run's first row (inside it, or trailing it). */
  blankInside: number[];
}

/**
 * Find the longest run of numeric rows that all have the same number of columns (≥ minColumns).
 * Blank lines inside a run do not end it; a text line or a change of column count does, so the
 * numeric control lines of an RKH/COLETTE header (7, then 4 numbers) never join the 3-column data.
 * Returns undefined when no such run exists. One pass over the text, linear in its length; it keeps
 * the values of the current run and of the best one so far only, not an array of lines (a 52 MB
 * pattern of 4 million rows would make 4 million strings and value arrays).
 */
export function findNumericBlock(text: string, minColumns = 2): NumericBlock | undefined {
  let best: Run | undefined;
  let run: Run | undefined;
  // Runs that are not the block, their values dropped: their numeric lines are the stray ones.
  const others: Run[] = [];
  const drop = (r: Run): void => {
    r.values = NO_VALUES;
    others.push(r);
  };
  let scratch = new Float64Array(64);
  const close = (): void => {
    if (!run) return;
    if (run.cols >= minColumns && (best === undefined || run.count > best.count)) {
      if (best) drop(best);
      best = run;
    } else {
      drop(run);
    }
    run = undefined;
  };
  forEachLineRange(text, (offset, lineEnd, i) => {
    // A line holds at most (length + 1) / 2 numbers: size the buffer for it before classifying.
    const room = (lineEnd - offset + 1) >> 1;
    let kind: number;
    if (run) {
      const at = run.count * run.cols;
      if (at + room > run.values.length) run.values = grow(run.values, at + room);
      kind = classify(text, offset, lineEnd, run.values, at);
    } else {
      if (room > scratch.length) scratch = new Float64Array(room);
      kind = classify(text, offset, lineEnd, scratch, 0);
    }
    if (kind === BLANK) {
      if (run) run.blankInside.push(i);
      return;
    }
    if (kind === TEXT) {
      close();
      return;
    }
    if (run && kind === run.cols) {
      run.end = i;
      run.count++;
      return;
    }
    // A new width: the values went into the closing run's buffer (or the scratch): move them to a new run.
    const values = new Float64Array(Math.max(64, 2 * kind));
    if (run) values.set(run.values.subarray(run.count * run.cols, run.count * run.cols + kind));
    else values.set(scratch.subarray(0, kind));
    close();
    run = { start: i, startOffset: offset, end: i, cols: kind, count: 1, values, blankInside: [] };
  });
  close();
  const block = best;
  if (block === undefined) return undefined;
  const stray: number[] = [];
  for (const r of others) {
    // Blank lines after a run's last row were recorded too; only those inside [start, end] matter.
    const blanks = new Set(r.blankInside);
    for (let i = r.start; i <= r.end; i++) if (!blanks.has(i)) stray.push(i + 1);
  }
  stray.sort((a, b) => a - b);
  // The lines before the block, numeric ones included (Fit2D's point count): read again, as that part of a file is short.
  const headerLines: string[] = [];
  forEachLine(text.slice(0, block.startOffset), (line, i) => {
    if (i < block.start && line.trim() !== '') headerLines.push(line);
  });
  const { cols, count, values } = block;
  return {
    rowCount: count,
    columnCount: cols,
    column(index) {
      const out = new Array<number>(count);
      for (let r = 0; r < count; r++) out[r] = values[r * cols + index];
      return out;
    },
    at: (row, col) => values[row * cols + col],
    firstLine: block.start + 1,
    lastLine: block.end + 1,
    headerLines,
    strayNumericLines: stray,
  };
}

/** `values` in a buffer of at least `need` numbers, doubling so a long run costs amortised O(1) per number. */
function grow(values: Float64Array, need: number): Float64Array {
  const next = new Float64Array(Math.max(need, 2 * values.length));
  next.set(values);
  return next;
}

/**
 * The data block of a column-text file with at least two numbers a row, or the ParseError both
 * column parsers give for it: an empty file, no numeric rows, or fewer than `minPoints` of them.
 */
export function readNumericBlock(text: string, minPoints: number): Result<NumericBlock, ParseError> {
  if (text.trim() === '') return fail(new ParseError('EMPTY_FILE', 'the file is empty'));
  const block = findNumericBlock(text, 2);
  if (!block) return fail(new ParseError('UNKNOWN_FORMAT', 'no rows of at least two numbers found'));
  if (block.rowCount < minPoints) {
    return fail(new ParseError('TOO_FEW_POINTS', `only ${block.rowCount} data rows (need ${minPoints})`, block.firstLine));
  }
  return ok(block);
}

/** Describe stray numeric lines for a warning, e.g. "lines 3–4". */
export function describeLines(lineNumbers: number[]): string {
  if (lineNumbers.length === 0) return '';
  const first = lineNumbers[0];
  const last = lineNumbers[lineNumbers.length - 1];
  return lineNumbers.length === 1 ? `line ${first}` : `${lineNumbers.length} lines (${first}–${last})`;
}
