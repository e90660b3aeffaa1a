/** parseDsc: bytes of any supported DSC export → a normalised scan, never throwing. */
import { ParseError, Result, fail } from '../core/errors';
import { decodeText, looksBinary } from '../core/text';
import { parseCsvUnits } from './csv-units.parser';
import { detectDscFormat } from './dsc.detect';
import { normaliseDsc } from './dsc.normalise';
import { DscFormat, DscParseParams, DscScan, RawDscTable } from './dsc.types';
import { parseNetzsch } from './netzsch.parser';
import { parsePyris } from './pyris.parser';
import { parseStare } from './stare.parser';
import { parseTaUniversal } from './ta-universal.parser';

const PARSERS: Record<DscFormat, (text: string) => Result<RawDscTable, ParseError>> = {
  'ta-universal-analysis': parseTaUniversal,
  'pyris-ascii': parsePyris,
  'netzsch-proteus': parseNetzsch,
  'mettler-stare': parseStare,
  'csv-units': parseCsvUnits,
};

/**
 * Parse a DSC export (TA Universal Analysis, Perkin-Elmer Pyris ASCII, NETZSCH Proteus, Mettler
 * STARe, or a unit-labelled CSV). Temperatures come back in K, heat flow in W/g when a mass is known
 * (params.massG, g, overrides the header), and `exo` says which sign is exothermic.
 */
export function parseDsc(bytes: Uint8Array, params: DscParseParams = {}): Result<DscScan, ParseError> {
  try {
    if (bytes.length === 0) return fail(new ParseError('EMPTY_FILE', 'the file is empty'));
    if (looksBinary(bytes)) return fail(new ParseError('BINARY_CONTENT', 'the file is binary, not a text export'));
    const { text } = decodeText(bytes);
    if (text.trim() === '') return fail(new ParseError('EMPTY_FILE', 'the file holds only whitespace'));
    const format = params.format ?? detectDscFormat(text, params.fileName);
    if (format === undefined) {
      return fail(
        new ParseError(
          'UNKNOWN_FORMAT',
          'not a recognised DSC export (TA Universal Analysis, Pyris ASCII, NETZSCH Proteus, STARe, or CSV with units in the headers)',
        ),
      );
    }
    const raw = PARSERS[format](text);
    if (!raw.ok) return raw;
    return normaliseDsc(raw.value, params);
  } catch (e) {
    // Defensive: a parser bug must surface as a readable error, not crash the worker.
    return fail(new ParseError('INCONSISTENT_DATA', `unexpected parser failure: ${e instanceof Error ? e.message : String(e)}`));
  }
}
