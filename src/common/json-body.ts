/**
 * The API's JSON body parser (Fastify's default says only "Body is not valid JSON"): a malformed
 * body is a 400 naming `body`, the parser's problem and where it is (position, line and column);
 * bodies nested deeper than MAX_DEPTH, field names `__proto__` / `constructor.prototype` (which
 * could poison objects further on), and text holding NUL or other control characters are refused
 * here too, once for every route, naming the field's path.
 */
import { BadRequestException } from '@nestjs/common';

/** Deeper than any request DTO (campaign factor → levels is 3); a purities map of 200 levels is an attack, not a sample. */
export const MAX_DEPTH = 16;

/** C0 controls but tab, line feed and carriage return (free text may span lines), DEL and the C1 controls. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

const bad = (field: string, message: string) =>
  new BadRequestException({ statusCode: 400, error: 'Bad Request', message: `${field}: ${message}`, field, fields: [{ field, messages: [message] }] });

/** "line 1, column 23" of a 0-based character position. */
function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  return `line ${line}, column ${position - before.lastIndexOf('\n')}`;
}

function check(value: unknown, path: string, depth: number): void {
  if (typeof value === 'string') {
    const m = CONTROL.exec(value);
    if (m) {
      const code = m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      throw bad(path || 'body', `${path || 'the body'} must not contain control characters (found U+${code} at character ${m.index + 1})`);
    }
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  if (depth > MAX_DEPTH) throw bad(path.split('.')[0] || 'body', `${path.split('.')[0] || 'the body'} is nested too deeply (more than ${MAX_DEPTH} levels)`);
  for (const [key, child] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (key === '__proto__' || (key === 'prototype' && path.endsWith('constructor'))) throw bad(at, `"${key}" is not allowed as a field name`);
    check(child, at, depth + 1);
  }
}

/** Parses and checks a JSON request body; throws a 400 (BadRequestException) naming what is wrong. */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') throw bad('body', 'the body is empty; send a JSON object');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const reason = (e as Error).message;
    const at = /position (\d+)/.exec(reason);
    // Node names the position for most problems; "Unexpected token" names the token instead.
    const problem = reason.replace(/ in JSON at position \d+.*$/s, '').replace(/, ".*" is not valid JSON$/s, '');
    const where = at ? ` at position ${at[1]} (${lineAndColumn(text, Number(at[1]))})` : '';
    throw bad('body', `the body is not valid JSON: ${problem}${where}`);
  }
  check(value, '', 0);
  return value;
}
