/** One entry point for the worker and the CLI: file bytes + parameters → metrics, or a readable error. */
import { AnalysisError, fail, ParseError, type Result } from './core/errors';
import { decodeText, looksBinary } from './core/text';
import type { AnalysisOutput, AnalyzeParams, Technique } from './core/types';
import { detectText } from './detect';
import { analyzeDscFile } from './dsc/index';
import { looksLikeMultiVu } from './multivu/detect-multivu';
import { analyzeMagneticFile, analyzeResistanceFile } from './multivu/analyze-multivu-file';
import { parseMultiVu } from './multivu/parse-multivu';
import { analyzeSaxsFile } from './saxs/index';
import { analyzeXrdFile } from './xrd/index';

type FileAnalyzer = (bytes: Uint8Array, params: AnalyzeParams) => Result<AnalysisOutput, ParseError | AnalysisError>;

const ANALYZERS: Record<Technique, FileAnalyzer> = {
  MAGNETIC: analyzeMagneticFile,
  RESISTANCE: analyzeResistanceFile,
  XRD: analyzeXrdFile,
  SAXS: analyzeSaxsFile,
  DSC: analyzeDscFile,
};

/**
 * Analyse one uploaded file: detect its technique and format from the content (`params.technique`
 * overrides the detected technique; `params.fileName` only breaks ties), then run that technique's
 * parser and analyzer. Errors: EMPTY_FILE, BINARY_CONTENT, UNKNOWN_FORMAT, or whatever the parser
 * (ParseError) or analyzer (AnalysisError) reports. Never throws.
 */
export function analyzeFile(bytes: Uint8Array, params: AnalyzeParams = {}): Result<AnalysisOutput, ParseError | AnalysisError> {
  if (bytes.length === 0) return fail(new ParseError('EMPTY_FILE', 'the file is empty'));
  let technique = params.technique;
  if (technique === undefined) {
    if (looksBinary(bytes)) return fail(new ParseError('BINARY_CONTENT', 'the file is binary; no supported format is'));
    const { text } = decodeText(bytes);
    const detected = detectText(text, params.fileName);
    if (detected === undefined) {
      // A broken MultiVu file is better explained by its parser than by "unknown format".
      if (looksLikeMultiVu(text)) {
        const parsed = parseMultiVu(bytes);
        if (!parsed.ok) return parsed;
      }
      return fail(new ParseError('UNKNOWN_FORMAT', 'not a recognised MultiVu, XRD, SAXS or DSC file; pass the technique if it is one'));
    }
    technique = detected.technique;
  }
  const analyzer = ANALYZERS[technique] as FileAnalyzer | undefined;
  // params come from outside TypeScript (HTTP, CLI): an unknown technique is a readable failure.
  if (analyzer === undefined) return fail(new AnalysisError('UNSUPPORTED', `no analyzer for technique "${String(technique)}"`));
  return analyzer(bytes, params);
}
