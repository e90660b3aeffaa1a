/** Public API of libs/analysis: pure functions from instrument-file bytes and parameters to metrics. */
export * from './core/errors';
export * from './core/types';
export { decodeText, looksBinary, splitLines, toNumber } from './core/text';

export { analyzeFile } from './analyze-file';
export { detectFormat, detectText, type DetectedFormat } from './detect';

export { findColumn, parseMultiVu, readMultiVuHeader, type MultiVuHeader } from './multivu/parse-multivu';
export type { MultiVuFile, MultiVuInstrument } from './multivu/multivu.types';
export { toMagneticSweep, toTransportData, type MultiVuMagneticSweep } from './multivu/extract';
export { analyzeMagneticFile, analyzeResistanceFile } from './multivu/analyze-multivu-file';
export { detectMultiVuFormat } from './multivu/detect-multivu';
export { multiVuFormat } from './multivu/format';

export { analyzeMagnetic, ANALYZER as MAGNETIC_ANALYZER } from './magnetic/index';
export type { MagneticAnalysis, MagneticMetrics, MagneticParams } from './magnetic/index';
export { analyzeResistance, ANALYZER as RESISTANCE_ANALYZER } from './resistance/index';
export type { ResistanceMetrics, ResistanceResult } from './resistance/index';
export { analyzeDsc, analyzeDscFile, ANALYZER as DSC_ANALYZER, detectDscFormat, parseDsc } from './dsc/index';
export type { DscAnalysis, DscFormat, DscMetrics, DscScan } from './dsc/index';
export {
  analyzeXrd,
  analyzeXrdFile,
  ANALYZER as XRD_ANALYZER,
  detectDiffractionFormat,
  parseXrd,
  parseXrdText,
  qInvAToTwoThetaDeg,
  twoThetaDegToQInvA,
} from './xrd/index';
export type { DiffractionFormat, XrdParams, XrdPattern, XrdResult } from './xrd/index';
export { analyzeSaxs, analyzeSaxsFile, ANALYZER as SAXS_ANALYZER, parseSaxs, parseSaxsText } from './saxs/index';
export type { SaxsBump, SaxsProfile, SaxsResult } from './saxs/index';
export * as trends from './trends/index';
