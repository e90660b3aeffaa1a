/** DSC: parsers for five export formats, the heating-scan analyzer, and its technique descriptor. */
export { analyzeDsc } from './dsc.analyzer';
export { ANALYZER, DSC, DSC_METRICS, type DscFileMetrics } from './dsc.technique';
export { detectDscFormat } from './dsc.detect';
export { parseDsc } from './dsc.parse';
export type { DscAnalysis, DscAnalyzeParams, DscFormat, DscMetrics, DscParseParams, DscScan, ExoDirection } from './dsc.types';
export { DSC_FORMATS } from './dsc.types';
