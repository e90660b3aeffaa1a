/**
 * How the app shows an analysis's metrics: in the order, with the labels and units, the technique
 * registry declares them (GET /api/techniques, from libs/analysis metric specs), each number with
 * its uncertainty when the spec names the sibling metric that holds it.
 */
import { formatNumber, formatWithError } from '../../../../libs/charts/src/format';
import type { Schemas } from '../api/client';

export type MetricInfo = Schemas['MetricInfoResponse'];

export interface MetricRow {
  key: string;
  label: string;
  /** "3.612 ± 0.004", "yes"/"no", a text value, or "—". */
  value: string;
  unit: string;
}

/** 'transition width' → 'Transition width'; symbols (χ_mass, q₁) keep their case. */
const capitalised = (label: string) => label.replace(/^[a-z]/, (c) => c.toUpperCase());

/** The value at a key, `group.field` reading inside a group (the local-Tc distribution's μ is `tcDistribution.muK`, its skewed fit's mode `tcDistribution.skewed.modeK`); undefined when absent. */
function valueAt(metrics: Record<string, unknown>, key: string): unknown {
  let at: unknown = metrics;
  for (const part of key.split('.')) {
    if (!at || typeof at !== 'object' || !(part in at)) return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return at;
}

/** One row per number, flag or text metric the run stored; uncertainties fold into their value, lists and groups are left out. */
export function metricRows(metrics: Record<string, unknown>, specs: readonly MetricInfo[]): MetricRow[] {
  const uncertainties = new Set(specs.flatMap((s) => (s.uncertainty ? [s.uncertainty] : [])));
  return specs.flatMap((spec): MetricRow[] => {
    if (uncertainties.has(spec.key) || valueAt(metrics, spec.key) === undefined) return [];
    const v = valueAt(metrics, spec.key);
    const row = { key: spec.key, label: capitalised(spec.label), unit: spec.unit };
    if (v === null) return spec.kind === 'number' || spec.kind === 'flag' || spec.kind === 'text' ? [{ ...row, value: '—' }] : [];
    if (spec.kind === 'flag' && typeof v === 'boolean') return [{ ...row, value: v ? 'yes' : 'no' }];
    if (spec.kind === 'text' && typeof v === 'string') return [{ ...row, value: v }];
    if (spec.kind !== 'number' || typeof v !== 'number') return [];
    const err = spec.uncertainty ? valueAt(metrics, spec.uncertainty) : undefined;
    return [{ ...row, value: typeof err === 'number' && Number.isFinite(err) ? formatWithError(v, err) : formatNumber(v) }];
  });
}
