/**
 * Byte-level helpers every parser shares: instrument files arrive as UTF-8, Latin-1 (° = 0xB0,
 * µ = 0xB5) or with a BOM, with LF or CRLF line ends.
 */

/** A file's text and the encoding it was read in. */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'latin1';
}

/** Decode as UTF-8; if that yields replacement characters, fall back to Latin-1. Strips a BOM. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const text = utf8.includes('\uFFFD')
    ? { text: new TextDecoder('latin1').decode(bytes), encoding: 'latin1' as const }
    : { text: utf8, encoding: 'utf-8' as const };
  if (text.text.charCodeAt(0) === 0xfeff) text.text = text.text.slice(1);
  return text;
}

export function splitLines(text: string): string[] {
  // A plain string split is several times faster than the regex; most files are LF-only.
  return text.includes('\r') ? text.split(/\r?\n|\r/) : text.split('\n');
}

/**
 * `s` without the trailing characters `drop` accepts. A loop, not `/[…]+$/`: V8 tries such a
 * pattern from every position of a long run that does not reach the end, which is quadratic
 * (a 200 kB line of `[` and spaces took minutes in `/[\s,]+$/`).
 */
export function trimEndWhere(s: string, drop: (ch: string) => boolean): string {
  let end = s.length;
  while (end > 0 && drop(s[end - 1])) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** Whitespace as `\s` defines it. */
export const isSpace = (ch: string): boolean => ch.trim() === '';

/** Whitespace or a comma: what spreadsheet re-saves pad section markers with. */
export const isSpaceOrComma = (ch: string): boolean => ch === ',' || isSpace(ch);

/** True when the bytes look binary (NUL bytes or many control characters in the first 4 kB). */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return n > 0 && control / n > 0.05;
}

/** Parse a number the way instrument exports write them (`1.2e+000`, ` 3.5`); NaN when blank or invalid. */
export function toNumber(cell: string | undefined): number {
  if (cell === undefined) return NaN;
  const s = cell.trim();
  if (s === '') return NaN;
  const v = Number(s);
  return Number.isFinite(v) ? v : NaN;
}
