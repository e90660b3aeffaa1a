/** Public API of libs/analysis: pure functions from instrument-file bytes and parameters to metrics. */
export * from './core/errors';
export * from './core/types';
export * as numeric from './core/numeric';
export { decodeText, looksBinary, splitLines, toNumber } from './core/text';

export { analyzeFile, detectFormat } from './analyze-file';
export { TECHNIQUE_REGISTRY, type AnalyzeParams, type TechniqueId } from './techniques';
export * from './technique/index';

export { findColumn, parseMultiVu, readMultiVuHeader, type MultiVuHeader } from './multivu/parse-multivu';
export type { MultiVuFile, MultiVuInstrument } from './multivu/multivu.types';
export { toMagneticSweep, toTransportData, type MultiVuMagneticSweep } from './multivu/extract';
export { detectMultiVuFormat } from './multivu/detect-multivu';
export { multiVuFormat } from './multivu/format';

export { analyzeMagnetic, MAGNETIC, ANALYZER as MAGNETIC_ANALYZER } from './magnetic/index';
export type { MagneticAnalysis, MagneticFileMetrics, MagneticMetrics, MagneticParams } from './magnetic/index';
export { analyzeResistance, RESISTANCE, ANALYZER as RESISTANCE_ANALYZER } from './resistance/index';
export type { ResistanceMetrics, ResistanceResult } from './resistance/index';
export { analyzeDsc, DSC, ANALYZER as DSC_ANALYZER, detectDscFormat, parseDsc } from './dsc/index';
export type { DscAnalysis, DscFileMetrics, DscFormat, DscMetrics, DscScan } from './dsc/index';
export {
  analyzeXrd,
  ANALYZER as XRD_ANALYZER,
  detectDiffractionFormat,
  parseXrd,
  parseXrdText,
  qInvAToTwoThetaDeg,
  twoThetaDegToQInvA,
  XRD,
} from './xrd/index';
export type { DiffractionFormat, XrdMetrics, XrdParams, XrdPattern, XrdResult } from './xrd/index';
export { analyzeSaxs, ANALYZER as SAXS_ANALYZER, parseSaxs, parseSaxsText, SAXS } from './saxs/index';
export type { SaxsBump, SaxsMetrics, SaxsProfile, SaxsResult } from './saxs/index';
export * as trends from './trends/index';
export * from './upload-match/index';
