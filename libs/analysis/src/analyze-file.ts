/** One entry point for the worker and the CLI: file bytes + parameters → metrics, or a readable error. */
import type { AnalysisError, ParseError, Result } from './core/errors';
import type { AnalysisOutput, Detection } from './technique/technique';
import { TECHNIQUE_REGISTRY, type AnalyzeParams, type TechniqueId } from './techniques';

/**
 * Analyse one uploaded file with the registered techniques: detect its technique and format from
 * the content (`params.technique` overrides the detected technique; `params.fileName` only breaks
 * ties), then run that technique's parser and analyzer. Errors: EMPTY_FILE, BINARY_CONTENT,
 * UNKNOWN_FORMAT, UNSUPPORTED, or whatever the parser (ParseError) or analyzer (AnalysisError)
 * reports. A pure function of bytes and parameters; never throws.
 */
export function analyzeFile(bytes: Uint8Array, params: AnalyzeParams = {}): Result<AnalysisOutput<TechniqueId>, ParseError | AnalysisError> {
  return TECHNIQUE_REGISTRY.analyzeFile(bytes, params);
}

/** The technique and format of a file, decided from content (the name only breaks ties); undefined for empty, binary or unrecognised content. */
export function detectFormat(bytes: Uint8Array, fileName?: string): Detection | undefined {
  return TECHNIQUE_REGISTRY.detect(bytes, fileName);
}
