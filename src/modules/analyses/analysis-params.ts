/**
 * The one typed boundary between a claimed run's database rows and the analyzer's parameters:
 * the measurement's conditions (a JSON column) and what the database knows about the piece,
 * mapped through the technique's parameter specs (libs/analysis/src/technique/parameters.ts).
 */
import { modeOf, parametersFromConditions, partnerFiles, type MeasurementMode, type SampleFacts } from '../../../libs/analysis/src/technique/parameters';
import type { AnalyzeParams } from '../../../libs/analysis/src/techniques';
import type { Techniques } from '../techniques/technique-registry';
import type { ClaimedRun } from './analyses.repository';

/**
 * What the database knows about a run's sample and measurement, as the technique's parameters;
 * these override the file header (a mis-typed SAMPLE_MASS in a MultiVu header must not win).
 * `partner` fetches the newest file of the piece's measurement in the given mode (the FC partner of
 * a ZFC sweep), asked only for the file parameters the technique declares.
 */
export async function paramsFor(
  registry: Techniques,
  run: ClaimedRun,
  partner: (mode: MeasurementMode) => Promise<Uint8Array | undefined>,
): Promise<AnalyzeParams> {
  const technique = registry.get(run.technique);
  // The worker claims only runs of analyzers its registry has, so the technique is there.
  if (!technique) throw new Error(`technique ${run.technique} is not in this worker's registry`);
  const sample: SampleFacts = { densityGCm3: run.densityGCm3, ...(run.massMg != null && { massG: run.massMg / 1000 }) };
  const params: Record<string, unknown> = { technique: run.technique, ...parametersFromConditions(technique.parameters, run.conditions, sample) };
  for (const { key, mode } of partnerFiles(technique.parameters, modeOf(run.conditions))) {
    const bytes = await partner(mode);
    if (bytes !== undefined) params[key] = bytes;
  }
  // Each value was checked against the technique's spec above, and analyzeFile checks them again.
  return params;
}
