/** Entry point for every XRD file format: bytes in, a pattern or a ParseError out (never throws). */
import { fail, ParseError, Result } from '../core/errors';
import { decodeText, looksBinary } from '../core/text';
import { parseXrdColumns } from './xrd-columns.parser';
import { looksLikeXrdml, parseXrdml } from './xrdml.parser';
import { XrdPattern } from './xrd.types';

/** Parse decoded text: XRDML when the root element says so, otherwise a column file. */
export function parseXrdText(text: string, fileName?: string): Result<XrdPattern, ParseError> {
  if (looksLikeXrdml(text) || /\.xrdml$/i.test(fileName ?? '')) return parseXrdml(text);
  return parseXrdColumns(text, fileName);
}

/** Parse XRD file bytes (UTF-8 or Latin-1, LF or CRLF); see parseXrdColumns and parseXrdml. */
export function parseXrd(bytes: Uint8Array, fileName?: string): Result<XrdPattern, ParseError> {
  if (bytes.length === 0) return fail(new ParseError('EMPTY_FILE', 'the file is empty'));
  if (looksBinary(bytes)) return fail(new ParseError('BINARY_CONTENT', 'binary content; XRD parsers read text (.xy, .chi, .csv, .xrdml)'));
  return parseXrdText(decodeText(bytes).text, fileName);
}
