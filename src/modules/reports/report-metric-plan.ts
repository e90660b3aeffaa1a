import { CROSS_TECHNIQUE_READS } from '../../../libs/analysis/src/cross-technique/piece-runs';
import { metricPathPlan, type MetricPathPlan } from '../../../libs/analysis/src/technique/metric-paths';
import type { TechniqueRegistryView } from '../../../libs/analysis/src/technique/registry';

/**
 * The stored metrics a campaign report reads: its report metrics' (the registry's `reportReads`)
 * and the per-piece cross-technique comparison's. CampaignsRepository fetches only these.
 */
export function reportMetricPlan(registry: TechniqueRegistryView): MetricPathPlan {
  return metricPathPlan([...registry.reportReads, ...Object.values(CROSS_TECHNIQUE_READS).flat()]);
}
