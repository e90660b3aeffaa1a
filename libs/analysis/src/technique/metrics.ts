/**
 * Metric specs: every metric a technique stores, with its kind, unit, label, uncertainty and
 * physically possible range, declared next to the technique and checked by the compiler against
 * the analyzer's own metrics type (MetricSpecs<M> needs one entry per key of M, of the matching
 * kind). decodeMetrics is the one way to read metrics back from a JSON column.
 */

interface MetricBase {
  label: string;
  /** What it means, when the label is not enough. */
  description?: string;
}

export interface NumberMetric<Keys extends string = string> extends MetricBase {
  kind: 'number';
  /** '' for a dimensionless ratio or fraction. */
  unit: string;
  /** Key of the sibling metric holding this one's standard uncertainty (same unit). */
  uncertainty?: Keys;
  /** Physically possible values: a finite value outside fails the analysis (IMPLAUSIBLE) instead of being stored. */
  plausible?: { min?: number; max?: number };
}

export interface FlagMetric extends MetricBase {
  kind: 'flag';
}

/** A text value; a closed set of values must be listed (so decoding can check it). */
export type TextMetric<V extends string = string> = MetricBase & { kind: 'text' } & (string extends V
    ? { values?: readonly string[] }
    : { values: readonly V[] });

export interface NumbersMetric extends MetricBase {
  kind: 'numbers';
  unit: string;
}

/** A list of records with their own specs, e.g. Hc2(T) points, SAXS bumps — or a file's segments or channels. */
export interface ListMetric<I = unknown> extends MetricBase {
  kind: 'list';
  item: MetricSpecs<I>;
}

/** A nested record, e.g. a fitted distribution's parameters. */
export interface GroupMetric<V = unknown> extends MetricBase {
  kind: 'group';
  fields: MetricSpecs<V>;
}

type SpecFor<V, Keys extends string> = [V] extends [number]
  ? NumberMetric<Keys>
  : [V] extends [boolean]
    ? FlagMetric
    : [V] extends [string]
      ? TextMetric<V>
      : [V] extends [readonly number[]]
        ? NumbersMetric
        : [V] extends [readonly (infer I)[]]
          ? ListMetric<I>
          : [V] extends [object]
            ? GroupMetric<V>
            : never;

/** One spec per key of the metrics type M, its kind following the value's type. */
export type MetricSpecs<M> = { readonly [K in keyof M]-?: SpecFor<NonNullable<M[K]>, Extract<keyof M, string>> };
export type AnyMetricSpec = NumberMetric | FlagMetric | TextMetric | NumbersMetric | ListMetric | GroupMetric;

type DecodedValue<V> = [V] extends [readonly number[]]
  ? number[]
  : [V] extends [readonly (infer I)[]]
    ? Decoded<I>[]
    : [V] extends [number | boolean | string]
      ? V
      : [V] extends [object]
        ? Decoded<V>
        : never;

/** Metrics read back from storage: every declared key present, null where missing or of the wrong kind. */
export type Decoded<M> = { [K in keyof M]-?: DecodedValue<NonNullable<M[K]>> | null };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const specsOf = (specs: object): [string, AnyMetricSpec][] => Object.entries(specs) as [string, AnyMetricSpec][];

function decodeValue(spec: AnyMetricSpec, v: unknown): unknown {
  switch (spec.kind) {
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) ? v : null;
    case 'flag':
      return typeof v === 'boolean' ? v : null;
    case 'text':
      return typeof v === 'string' && (spec.values === undefined || spec.values.includes(v)) ? v : null;
    case 'numbers':
      return Array.isArray(v) && v.every((e) => typeof e === 'number' && Number.isFinite(e)) ? [...(v as number[])] : null;
    case 'list':
      return Array.isArray(v) ? v.filter(isRecord).map((e) => decodeRecord(spec.item, e)) : null;
    case 'group':
      return isRecord(v) ? decodeRecord(spec.fields, v) : null;
  }
}

function decodeRecord(specs: object, json: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, spec] of specsOf(specs)) out[key] = decodeValue(spec, json[key]);
  return out;
}

/**
 * Read stored metrics (a JSON column, an API body) as the technique's metrics type. Lenient per
 * key: runs stored by an older analyzer version may lack a metric, and NaN was stored as null, so a
 * missing or mistyped value reads as null — never as a value of the wrong type. Keys the specs do
 * not declare are dropped.
 */
export function decodeMetrics<M>(specs: MetricSpecs<M>, json: unknown): Decoded<M> {
  // decodeRecord builds exactly the declared keys, each checked against its spec.
  return decodeRecord(specs, isRecord(json) ? json : {}) as Decoded<M>;
}

/**
 * The first metric outside its physically possible range, as a readable reason (path, value, unit
 * and range), or undefined. Non-finite and null values are not checked here: "not determined" is
 * the analyzer's to say. Lists and groups are checked item by item.
 */
export function implausibleMetric(specs: object, metrics: unknown, path = ''): string | undefined {
  if (!isRecord(metrics)) return undefined;
  for (const [key, spec] of specsOf(specs)) {
    const v = metrics[key];
    const at = path ? `${path}.${key}` : key;
    if (spec.kind === 'number' && spec.plausible && typeof v === 'number' && Number.isFinite(v)) {
      const { min, max } = spec.plausible;
      if ((min !== undefined && v < min) || (max !== undefined && v > max)) {
        const range = `${min ?? '−∞'} … ${max ?? '∞'}${spec.unit ? ` ${spec.unit}` : ''}`;
        return `${spec.label} (${at}) = ${v}${spec.unit ? ` ${spec.unit}` : ''} is outside the physically possible range ${range}`;
      }
    } else if (spec.kind === 'list' && Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const why = implausibleMetric(spec.item, v[i], `${at}[${i}]`);
        if (why) return why;
      }
    } else if (spec.kind === 'group') {
      const why = implausibleMetric(spec.fields, v, at);
      if (why) return why;
    }
  }
  return undefined;
}
