/**
 * The cross-technique comparison from a piece's stored runs (as the report and the sample route
 * read them from the database): picks the newest ZFC magnetic run and the newest resistance run,
 * decodes their metrics through the technique registry and compares them.
 */
import type { MeasurementMode } from '../technique/parameters';
import type { TechniqueRegistryView } from '../technique/registry';
import { TECHNIQUE_REGISTRY } from '../techniques';
import { crossTechnique, type CrossTechnique, type ResistiveInput, type ZfcInput } from './cross-technique';

/**
 * The stored metrics crossTechniqueOfRuns reads (ZfcInput, ResistiveInput), by technique: a report
 * fetches these beside its report metrics' reads (see technique/metric-paths.ts).
 */
export const CROSS_TECHNIQUE_READS: Readonly<Record<'MAGNETIC' | 'RESISTANCE', readonly string[]>> = {
  MAGNETIC: ['width1090K', 'tcDistribution'],
  RESISTANCE: ['tcK', 'width1090K'],
};

/** One stored successful run of the piece. */
export interface StoredRun {
  technique: string;
  mode: MeasurementMode | null;
  runId: string;
  analyzer: string;
  analyzerVersion: string;
  metrics: unknown;
  /** When the run was made; the newest wins. Absent: the first listed wins. */
  createdAt?: Date;
}

function newest(runs: StoredRun[], pick: (r: StoredRun) => boolean): StoredRun | undefined {
  let best: StoredRun | undefined;
  for (const r of runs) {
    if (!pick(r)) continue;
    if (!best || (r.createdAt && best.createdAt && r.createdAt > best.createdAt)) best = r;
  }
  return best;
}

/**
 * The comparison of a piece's newest successful ZFC magnetic run (a run without a mode counts as
 * ZFC, as the report's headline does) and its newest resistance run.
 */
export function crossTechniqueOfRuns(runs: StoredRun[], registry: TechniqueRegistryView = TECHNIQUE_REGISTRY): CrossTechnique {
  const magnetic = registry.get('MAGNETIC');
  const resistance = registry.get('RESISTANCE');
  const zfc = newest(runs, (r) => r.technique === 'MAGNETIC' && r.mode === 'ZFC') ?? newest(runs, (r) => r.technique === 'MAGNETIC' && r.mode === null);
  const res = newest(runs, (r) => r.technique === 'RESISTANCE');
  const run = (r: StoredRun) => ({ runId: r.runId, analyzer: r.analyzer, analyzerVersion: r.analyzerVersion });
  return crossTechnique({
    ...(zfc && magnetic && { zfc: { ...run(zfc), metrics: magnetic.decodeMetrics(zfc.metrics) as unknown as ZfcInput } }),
    ...(res && resistance && { resistance: { ...run(res), metrics: resistance.decodeMetrics(res.metrics) as unknown as ResistiveInput } }),
  });
}
