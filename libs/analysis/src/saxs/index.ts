export { analyzeSaxsFile } from './saxs-file';
export { analyzeSaxs, ANALYZER } from './saxs.analyzer';
export type { SaxsBump, SaxsResult } from './saxs.analyzer';
export { parseSaxs, parseSaxsText } from './saxs.parser';
export type { SaxsProfile } from './saxs.types';
