/**
 * What readers outside the analyzers need to show a technique's results: its label, modes and
 * stored metrics (label, unit, uncertainty sibling), as plain JSON — the API serves it
 * (GET /api/techniques) so the web app takes labels and units from the registry, not its own table.
 */
import type { AnyMetricSpec } from './metrics';
import type { TechniqueRegistryView } from './registry';

export interface MetricInfo {
  key: string;
  kind: AnyMetricSpec['kind'];
  label: string;
  /** '' when dimensionless or not a number. */
  unit: string;
  /** Key of the metric holding this one's standard uncertainty. */
  uncertainty: string | null;
  description: string | null;
}

export interface TechniqueInfo {
  id: string;
  label: string;
  formats: string;
  /** Measurement modes (empty when the technique has none); the first is the primary one. */
  modes: string[];
  /** The stored metrics in declaration order. */
  metrics: MetricInfo[];
  /** Keys of `metrics` that sum up a run, headline first (the technique's `summary`). */
  summary: string[];
}

export function describeTechniques(registry: TechniqueRegistryView): TechniqueInfo[] {
  return registry.list.map((t) => {
    const modes = t.modes ? [t.modes.primary, ...t.modes.values.filter((m) => m !== t.modes!.primary)] : [];
    const metrics = Object.entries(t.metrics as Record<string, AnyMetricSpec>).flatMap(([key, spec]): MetricInfo[] => [
      {
        key,
        kind: spec.kind,
        label: spec.label,
        unit: 'unit' in spec ? spec.unit : '',
        uncertainty: spec.kind === 'number' ? (spec.uncertainty ?? null) : null,
        description: spec.description ?? null,
      },
      ...(spec.kind === 'group' ? fittedFields(key, spec.label, spec.fields as Record<string, AnyMetricSpec>) : []),
    ]);
    return { id: t.id, label: t.label, formats: t.formats, modes, metrics, summary: [...(t.summary ?? [])] };
  });
}

/** How deep fittedFields looks into groups within groups (the skewed fit inside tcDistribution is depth 2). */
const MAX_GROUP_DEPTH = 4;

/**
 * A group's fitted parameters — its number fields that name a standard uncertainty, e.g. the
 * local-Tc distribution's μ and σ — as metrics of their own, keyed `group.field` (the uncertainty
 * `group.fieldErr`), so a metric table can show them with their errors beside the flat metrics.
 * Groups inside the group are listed the same way, keyed by the whole path
 * (`tcDistribution.skewed.modeK`), down to MAX_GROUP_DEPTH levels.
 */
function fittedFields(group: string, groupLabel: string, fields: Record<string, AnyMetricSpec>, depth = 1): MetricInfo[] {
  return Object.entries(fields).flatMap(([key, spec]): MetricInfo[] => {
    if (spec.kind === 'group') return depth < MAX_GROUP_DEPTH ? fittedFields(`${group}.${key}`, `${groupLabel}, ${spec.label}`, spec.fields, depth + 1) : [];
    return spec.kind === 'number' && spec.uncertainty
      ? [
          {
            key: `${group}.${key}`,
            kind: 'number' as const,
            label: `${groupLabel}: ${spec.label}`,
            unit: spec.unit,
            uncertainty: `${group}.${spec.uncertainty}`,
            description: spec.description ?? null,
          },
        ]
      : [];
  });
}
