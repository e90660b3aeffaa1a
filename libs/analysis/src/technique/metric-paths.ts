/**
 * Reading only the stored metrics a reader needs. Report metrics declare the paths they read
 * (`reads`); a plan turns a set of paths into the top-level metric keys to fetch, so the database
 * sends those (a magnetic run's metrics are ~3.5 kB of JSON, of which a report reads ~1 kB) and
 * the reader decodes a small object instead of the whole analysis. Whole top-level values are
 * fetched, never a field out of a group: decodeMetrics then sees exactly what it would see in the
 * full metrics for every key it is asked about, so the values cannot differ.
 */
import type { AnyMetricSpec } from './metrics';

/** The top-level metric keys to fetch, each once, in first-declared order. */
export interface MetricPathPlan {
  readonly keys: readonly string[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The plan for `paths` ('key' or 'key.field…'). */
export function metricPathPlan(paths: Iterable<string>): MetricPathPlan {
  const keys = new Set<string>();
  for (const p of paths) keys.add(p.split('.')[0]);
  return { keys: [...keys] };
}

/**
 * What the database sends for stored metrics `json` under `plan` (the JS twin of the repository's
 * SQL, for tests): the planned keys that `json` has, or null when `json` is not a JSON object.
 */
export function pickMetrics(plan: MetricPathPlan, json: unknown): Record<string, unknown> | null {
  if (!isRecord(json)) return null;
  const out: Record<string, unknown> = {};
  for (const k of plan.keys) if (k in json) out[k] = json[k];
  return out;
}

/**
 * The one boundary where picked metrics come in from the driver: a JSON object holding only planned
 * keys, or null (not measured, or stored metrics that were not an object). Anything else is a bug
 * in the statement, so it throws rather than letting a report silently read nulls.
 */
export function metricsFromPicked(plan: MetricPathPlan, picked: unknown): Record<string, unknown> | null {
  if (picked === null || picked === undefined) return null;
  if (!isRecord(picked)) throw new Error(`picked metrics are not a JSON object: ${typeof picked}`);
  for (const k of Object.keys(picked)) if (!plan.keys.includes(k)) throw new Error(`picked metrics hold ${k}, which the plan does not fetch`);
  return picked;
}

/** Why `path` names no metric of `specs` (a typo, a renamed metric, a path into a list), or undefined when it does. */
export function unknownMetricPath(specs: object, path: string): string | undefined {
  let level = specs as Record<string, AnyMetricSpec | undefined>;
  const parts = path.split('.');
  for (let i = 0; i < parts.length; i++) {
    const spec = Object.hasOwn(level, parts[i]) ? level[parts[i]] : undefined;
    if (!spec) return `${parts.slice(0, i + 1).join('.')} is not a stored metric`;
    if (i === parts.length - 1) return undefined;
    if (spec.kind !== 'group') return `${parts.slice(0, i + 1).join('.')} is a ${spec.kind} metric, not a group with fields`;
    level = spec.fields;
  }
  return undefined;
}
