/**
 * The worker's and API's view of the technique registry (libs/analysis/src/techniques.ts): which
 * analyzer and version applies to a technique's files. The database stores technique ids as text
 * (technique-columns.repository.ts), so a registry line is all a new technique needs.
 */
import type { Technique } from '../../infra/database/schema';
import type { AnalyzerVersion } from '../../../libs/analysis/src/technique/technique';
import { TECHNIQUE_REGISTRY } from '../../../libs/analysis/src/techniques';

/** The analyzer (name and current version) that applies to a technique's files. */
export const analyzerFor = (technique: Technique): AnalyzerVersion => TECHNIQUE_REGISTRY.get(technique).analyzer;

/** Analyzer name → the version this process's libs/analysis implements. */
export const CURRENT_VERSIONS: Readonly<Record<string, string>> = TECHNIQUE_REGISTRY.analyzerVersions;

export const currentVersionOf = (analyzer: string): string | undefined => CURRENT_VERSIONS[analyzer];

/** Compares dotted numeric versions: negative when a < b. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
