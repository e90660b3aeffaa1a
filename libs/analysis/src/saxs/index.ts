export { ANALYZER, SAXS, SAXS_METRICS, type SaxsMetrics } from './saxs.technique';
export { analyzeSaxs } from './saxs.analyzer';
export type { SaxsBump, SaxsResult } from './saxs.analyzer';
export { parseSaxs, parseSaxsText } from './saxs.parser';
export type { SaxsProfile } from './saxs.types';
