/**
 * A broken or malicious instrument: files shaped to make a parser slow (super-linear regular
 * expressions, quadratic loops, deep recursion) rather than realistic. Used by the parser fuzz
 * test and benchmark; everything here is pure string building.
 */

/** One hostile line of about `size` characters, named for reports. */
export interface HostileLine {
  label: string;
  text: string;
}

const repeatTo = (unit: string, size: number): string => unit.repeat(Math.max(1, Math.ceil(size / unit.length))).slice(0, size);

/**
 * Lines that defeat backtracking patterns: long runs of what `\s*`, `[\s,]+`, `\d+\.?\d*`,
 * `(.*?)\s*\(` and similar can all match, ended by a character that makes the match fail, after
 * the tokens that start the patterns the parsers use (2θ, nm⁻¹, kα, exo/endo, units, sections).
 */
export function hostileLines(size: number): HostileLine[] {
  const run = (label: string, head: string, unit: string, tail = 'x'): HostileLine => ({
    label,
    text: head + repeatTo(unit, size - head.length - tail.length) + tail,
  });
  return [
    run('brackets and spaces', '', '[ '),
    run('spaces', '', ' '),
    run('commas', '', ','),
    run('commas and spaces', '', ', '),
    run('tabs', '', '\t'),
    run('semicolons', '', ';'),
    run('digits', '', '1'),
    run('decimal digits', '1.', '1'),
    run('decimal comma digits', '1,', '1'),
    run('2theta spaces', '2', ' '),
    run('nm spaces', 'nm', ' '),
    run('angstrom spaces', 'A', ' '),
    run('k-alpha spaces', 'k', ' '),
    run('exo spaces', 'exo', ' '),
    run('endo spaces', 'endo', ' '),
    run('rate spaces', '5', ' ', ' K/mix'),
    run('open parens', '', '('),
    run('paren then words', 'Heat Flow (', 'b'),
    run('open brackets', '', '['),
    run('bracket then words', 'T [', 'b'),
    run('slash spaces', 'a', ' ', ' b'),
    run('tab spaces', '\t', ' \t'),
    run('comment spaces', '#', ' '),
    run('many short columns', 'c', ',c'),
    run('many tab columns', 'c', '\tc'),
    run('mixed tokens', '', '[ ,\t(2 nm k exo 1.5 '),
    run('angle brackets', '', '<'),
    run('nested tags', '', '<a>'),
  ];
}

/** A block of `count` empty lines (LF or CR), for patterns with `^\s*` under the m flag. */
export const blankLines = (count: number, eol: '\n' | '\r' = '\n'): string => eol.repeat(count);

/** Where a hostile line goes in a template file. */
export type Placement = 'alone' | 'first' | 'second' | 'before-data' | 'in-data' | 'last';
export const PLACEMENTS: readonly Placement[] = ['alone', 'first', 'second', 'before-data', 'in-data', 'last'];

const looksNumeric = (line: string): boolean => {
  const cells = line.trim().split(/[\s,;]+/);
  return cells.length >= 2 && cells.filter((c) => c !== '' && Number.isFinite(Number(c))).length >= cells.length / 2;
};

/**
 * The template with `hostile` put at `placement`: the whole file; its first or second line; the
 * line before the first numeric row (usually the column names) replaced; a data row replaced;
 * appended as the last line.
 */
export function placeHostile(template: string, hostile: string, placement: Placement): string {
  if (placement === 'alone') return hostile;
  const eol = template.includes('\r\n') ? '\r\n' : '\n';
  const lines = template.split(/\r?\n/);
  const firstData = Math.max(1, lines.findIndex(looksNumeric));
  switch (placement) {
    case 'first':
      lines.unshift(hostile);
      break;
    case 'second':
      lines.splice(1, 0, hostile);
      break;
    case 'before-data':
      lines[firstData - 1] = hostile;
      break;
    case 'in-data':
      lines[Math.min(lines.length - 1, firstData + 3)] = hostile;
      break;
    case 'last':
      lines.push(hostile);
      break;
  }
  return lines.join(eol);
}

/** An XML document nested `depth` elements deep around the template's root, for the XRDML parser. */
export function deeplyNestedXml(template: string, depth: number): string {
  const at = template.indexOf('<', template.indexOf('?>') + 2);
  return `${template.slice(0, at)}${'<n>'.repeat(depth)}${template.slice(at)}${'</n>'.repeat(depth)}`;
}
