import { Technique } from '../../infra/database/schema';
import { DSC_ANALYZER, MAGNETIC_ANALYZER, RESISTANCE_ANALYZER, SAXS_ANALYZER, XRD_ANALYZER } from '../../../libs/analysis/src/index';

/** The analyzer (name and current version) that applies to each technique's files. */
export const ANALYZER_FOR: Record<Technique, { name: string; version: string }> = {
  MAGNETIC: MAGNETIC_ANALYZER,
  RESISTANCE: RESISTANCE_ANALYZER,
  XRD: XRD_ANALYZER,
  SAXS: SAXS_ANALYZER,
  DSC: DSC_ANALYZER,
};

/** Analyzer name → the version this process's libs/analysis implements. */
export const CURRENT_VERSIONS: Readonly<Record<string, string>> = Object.fromEntries(Object.values(ANALYZER_FOR).map((a) => [a.name, a.version]));

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
