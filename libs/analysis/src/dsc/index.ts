/** DSC: parsers for five export formats, the heating-scan analyzer, and the bytes → output glue. */
import { AnalysisError, ParseError, Result, fail, ok } from '../core/errors';
import { AnalysisOutput, AnalyzeParams } from '../core/types';
import { ANALYZER, analyzeDsc } from './dsc.analyzer';
import { parseDsc } from './dsc.parse';

export { ANALYZER, analyzeDsc } from './dsc.analyzer';
export { detectDscFormat } from './dsc.detect';
export { parseDsc } from './dsc.parse';
export type { DscAnalysis, DscAnalyzeParams, DscFormat, DscMetrics, DscParseParams, DscScan, ExoDirection } from './dsc.types';
export { DSC_FORMATS } from './dsc.types';

/**
 * Parse and analyze one DSC file. params.massG (g) and params.exo override the header;
 * params.reference holds the reference scan's bytes (its own header mass is used, else params.massG); params.heatingRateKPerMin is used when there is no time column.
 */
export function analyzeDscFile(bytes: Uint8Array, params: AnalyzeParams = {}): Result<AnalysisOutput, ParseError | AnalysisError> {
  const scan = parseDsc(bytes, { massG: params.massG, exo: params.exo, fileName: params.fileName });
  if (!scan.ok) return scan;
  let reference;
  if (params.reference) {
    // The reference's own header mass wins; the sample's mass is only a fallback.
    let ref = parseDsc(params.reference, { exo: params.exo });
    if (ref.ok && ref.value.heatFlowUnit === 'mW' && params.massG !== undefined) ref = parseDsc(params.reference, { exo: params.exo, massG: params.massG });
    if (!ref.ok) return fail(new ParseError(ref.error.code, `reference scan: ${ref.error.message}`, ref.error.line));
    reference = ref.value;
  }
  const result = analyzeDsc(scan.value, { reference, heatingRateKPerMin: params.heatingRateKPerMin });
  if (!result.ok) return result;
  return ok({
    technique: 'DSC',
    format: scan.value.format,
    analyzer: ANALYZER.name,
    analyzerVersion: ANALYZER.version,
    metrics: { ...result.value.metrics, massMg: scan.value.massMg ?? null, exo: scan.value.exo, exoSource: scan.value.exoSource },
    warnings: result.value.warnings,
    curves: result.value.curves,
  });
}
