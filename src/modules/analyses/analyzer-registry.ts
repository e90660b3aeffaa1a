/**
 * The worker's and API's view of the process's technique registry (TECHNIQUES,
 * src/modules/techniques/technique-registry.ts): which analyzer and version applies to a
 * technique's files. The database stores technique ids as text (technique-columns.repository.ts),
 * so a registry line is all a new technique needs.
 */
import type { AnalyzerVersion } from '../../../libs/analysis/src/technique/technique';
import type { Techniques } from '../techniques/technique-registry';

/** The analyzer (name and current version) that applies to a technique's files; the API accepts only registered techniques. */
export function analyzerFor(registry: Techniques, technique: string): AnalyzerVersion {
  const t = registry.get(technique);
  if (!t) throw new Error(`technique ${technique} is not in this process's registry`);
  return t.analyzer;
}

/** The version of `analyzer` this process implements, undefined for an analyzer it does not have. */
export const currentVersionOf = (registry: Techniques, analyzer: string): string | undefined => registry.analyzerVersions[analyzer];

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
