/**
 * The sample's newest result per technique and mode, for the strip at the top of its page: the
 * newest succeeded analysis of a standing measurement and file link, summed up by the metrics its
 * technique declares as its summary (GET /api/techniques), with their labels, units and
 * uncertainties. No metric key is written here: a technique added to the registry shows up too.
 */
import type { Schemas } from '../api/client';
import { metricRows, type MetricRow } from './metrics';

type Measurement = Schemas['MeasurementDetailResponse'];
type TechniqueInfo = Schemas['TechniqueInfoResponse'];

export interface LatestResult {
  /** e.g. "MAGNETIC ZFC", "XRD". */
  title: string;
  measurementId: string;
  fileName: string;
  runId: string;
  finishedAt: string;
  rows: MetricRow[];
}

const modeOf = (m: Measurement): string | undefined => {
  const mode = (m.conditions as Record<string, unknown> | null)?.mode;
  return typeof mode === 'string' ? mode : undefined;
};

/** One result per technique (and mode, for a technique with modes), in registry order then mode order. */
export function latestResults(measurements: readonly Measurement[], techniques: readonly TechniqueInfo[]): LatestResult[] {
  const newest = new Map<string, { m: Measurement; f: Measurement['files'][number]; at: string }>();
  for (const m of measurements) {
    if (m.retracted) continue;
    for (const f of m.files) {
      const run = f.latestAnalysis;
      if (f.retracted || run?.status !== 'SUCCEEDED') continue;
      const key = `${m.technique} ${modeOf(m) ?? ''}`.trim();
      const at = run.finishedAt ?? run.queuedAt;
      const seen = newest.get(key);
      if (!seen || at > seen.at) newest.set(key, { m, f, at });
    }
  }
  return techniques.flatMap((t) =>
    ['', ...t.modes].flatMap((mode): LatestResult[] => {
      const title = `${t.id} ${mode}`.trim();
      const hit = newest.get(title);
      if (!hit) return [];
      const specs = t.summary.flatMap((key) => t.metrics.filter((s) => s.key === key));
      const rows = metricRows((hit.f.latestAnalysis!.metrics ?? {}) as Record<string, unknown>, specs).filter((r) => r.value !== '—');
      return [{ title, measurementId: hit.m.id, fileName: hit.f.fileName, runId: hit.f.latestAnalysis!.id, finishedAt: hit.at, rows }];
    }),
  );
}
