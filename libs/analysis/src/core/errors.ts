/** Why a file could not be read: a stable code, a readable message and, where known, the 1-based line. */
export type ParseErrorCode =
  'EMPTY_FILE' | 'BINARY_CONTENT' | 'UNKNOWN_FORMAT' | 'MISSING_SECTION' | 'MISSING_COLUMN' | 'BAD_NUMBER' | 'TOO_FEW_POINTS' | 'INCONSISTENT_DATA';

export class ParseError extends Error {
  readonly kind = 'ParseError' as const;
  constructor(
    readonly code: ParseErrorCode,
    message: string,
    readonly line?: number,
  ) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.name = 'ParseError';
  }
}

/**
 * Why an analyzer could not produce its metrics from well-formed data (e.g. no transition in range);
 * IMPLAUSIBLE: a metric came out outside its physically possible range (see NumberMetric.plausible).
 * WRONG_TECHNIQUE: the file is recognised as another technique's than the one asked for.
 */
export type AnalysisErrorCode = 'NO_TRANSITION' | 'NOT_ENOUGH_DATA' | 'FIT_FAILED' | 'MISSING_PARAMETER' | 'UNSUPPORTED' | 'IMPLAUSIBLE' | 'WRONG_TECHNIQUE';

export class AnalysisError extends Error {
  readonly kind = 'AnalysisError' as const;
  constructor(
    readonly code: AnalysisErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AnalysisError';
  }
}

/** Parsers and analyzers return this instead of throwing on bad input. */
export type Result<T, E extends Error = ParseError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = <E extends Error>(error: E): { ok: false; error: E } => ({ ok: false, error });
