/**
 * Parameters a technique accepts: declared once per technique (kind, unit, label, command-line
 * flag, the measurement condition or sample fact the worker reads it from), and read from outside
 * TypeScript (CLI flags, measurement conditions in a JSON column) only through the functions here.
 */
import { AnalysisError, fail, ok, type Result } from '../core/errors';

/** The measurement modes a magnetic sweep is labelled with (measurement condition `mode`). */
export type MeasurementMode = 'ZFC' | 'FC';
export const MEASUREMENT_MODES: readonly MeasurementMode[] = ['ZFC', 'FC'];

/** What the database knows about the measured piece, in parameter units. */
export interface SampleFacts {
  /** The piece's mass, g. */
  massG?: number;
  /** The alloy's density, g cm⁻³. */
  densityGCm3?: number;
}

interface ParameterBase {
  /** For usage texts and error messages, e.g. 'sample mass'. */
  label: string;
  /** Command-line flag without the dashes; default: the key in kebab case (massG → mass-g, densityGCm3 → density-g-cm3). */
  cli?: string;
}

export interface NumberParameter extends ParameterBase {
  kind: 'number';
  unit: string;
  /** The measurement condition it is read from, divided by `divisor` into this unit (massMg / 1000 → g). */
  condition?: { key: string; divisor?: number };
  /** Fallback when the condition is absent: what the database knows about the sample. */
  sample?: keyof SampleFacts;
}

export interface ChoiceParameter<V extends string = string> extends ParameterBase {
  kind: 'choice';
  values: readonly V[];
  condition?: { key: string };
}

export interface FileParameter extends ParameterBase {
  kind: 'file';
  /**
   * The worker fills it with the newest file of the same piece's measurement (same technique) in
   * this mode, unless the run's own measurement is in that mode: e.g. a ZFC sweep's FC partner.
   */
  partner?: { mode: MeasurementMode };
}

export type ParameterSpec = NumberParameter | ChoiceParameter | FileParameter;
export type ParameterSpecs = Readonly<Record<string, ParameterSpec>>;

type ValueOf<S> = S extends { kind: 'number' }
  ? number
  : S extends { kind: 'choice'; values: readonly (infer V)[] }
    ? V
    : S extends { kind: 'file' }
      ? Uint8Array
      : never;

/** The typed parameters a spec describes; all optional (the analyzer says which it needs). */
export type ParamsOf<P extends ParameterSpecs> = { -readonly [K in keyof P]?: ValueOf<P[K]> };

/** The command-line flag of a parameter (without dashes). */
export const cliFlag = (key: string, spec: ParameterSpec): string => spec.cli ?? key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

function describe(spec: ParameterSpec): string {
  if (spec.kind === 'number') return `a finite number of ${spec.unit || 'no unit'}`;
  if (spec.kind === 'choice') return `one of ${spec.values.join(', ')}`;
  return 'file bytes';
}

/** A rejected value as a message shows it: primitives as written (NaN stays NaN), anything else as JSON. */
const shown = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v));

function valid(spec: ParameterSpec, v: unknown): boolean {
  if (spec.kind === 'number') return typeof v === 'number' && Number.isFinite(v);
  if (spec.kind === 'choice') return typeof v === 'string' && spec.values.includes(v);
  return v instanceof Uint8Array;
}

/**
 * The parameters of `specs` found in `bag` (keys it does not declare are ignored: a CLI or worker
 * bag serves every technique). A value of the wrong kind fails as MISSING_PARAMETER naming it.
 */
export function readParameters<P extends ParameterSpecs>(specs: P, bag: Readonly<Record<string, unknown>>): Result<ParamsOf<P>, AnalysisError> {
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(specs)) {
    const v = bag[key];
    if (v === undefined) continue;
    if (!valid(spec, v)) return fail(new AnalysisError('MISSING_PARAMETER', `${spec.label} (${key}) must be ${describe(spec)}, got ${shown(v)}`));
    out[key] = v;
  }
  // Every value was checked against its spec just above.
  return ok(out as ParamsOf<P>);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The typed boundary for a measurement's conditions (a JSON column): each declared parameter from
 * its condition (converted into the parameter's unit), else from the sample facts. Values of the wrong
 * kind are left out (the API validated conditions when they were written; a hand-edited row must
 * not crash a run). File parameters are not read here: see partnerFiles.
 */
export function parametersFromConditions(specs: ParameterSpecs, conditions: unknown, sample: SampleFacts = {}): Record<string, number | string> {
  const c = isRecord(conditions) ? conditions : {};
  const out: Record<string, number | string> = {};
  for (const [key, spec] of Object.entries(specs)) {
    if (spec.kind === 'file') continue;
    const raw = spec.condition === undefined ? undefined : c[spec.condition.key];
    if (spec.kind === 'number') {
      const divisor = spec.condition?.divisor;
      if (typeof raw === 'number' && Number.isFinite(raw)) out[key] = divisor === undefined ? raw : raw / divisor;
      else if (spec.sample !== undefined && sample[spec.sample] !== undefined && Number.isFinite(sample[spec.sample])) out[key] = sample[spec.sample] as number;
    } else if (typeof raw === 'string' && spec.values.includes(raw)) {
      out[key] = raw;
    }
  }
  return out;
}

/** The measurement mode stated in conditions (`mode`: ZFC or FC), else null. */
export function modeOf(conditions: unknown): MeasurementMode | null {
  const mode = isRecord(conditions) ? conditions.mode : undefined;
  return MEASUREMENT_MODES.find((m) => m === mode) ?? null;
}

/** The file parameters the worker fills from a partner measurement, given the run's own mode. */
export function partnerFiles(specs: ParameterSpecs, ownMode: MeasurementMode | null): { key: string; mode: MeasurementMode }[] {
  return Object.entries(specs).flatMap(([key, spec]) =>
    spec.kind === 'file' && spec.partner && spec.partner.mode !== ownMode ? [{ key, mode: spec.partner.mode }] : [],
  );
}

/** Parameters several techniques share, defined once so their meaning and unit cannot drift apart. */
export const COMMON_PARAMETERS = {
  massG: { kind: 'number', unit: 'g', label: 'sample mass', condition: { key: 'massMg', divisor: 1000 }, sample: 'massG' },
  fieldOe: { kind: 'number', unit: 'Oe', label: 'applied field', condition: { key: 'fieldOe' } },
  densityGCm3: { kind: 'number', unit: 'g cm⁻³', label: 'density', condition: { key: 'densityGCm3' }, sample: 'densityGCm3' },
  demagN: { kind: 'number', unit: '', label: 'demagnetising factor N', cli: 'demag', condition: { key: 'demagN' } },
  wavelengthA: { kind: 'number', unit: 'Å', label: 'wavelength', condition: { key: 'wavelengthA' } },
  heatingRateKPerMin: { kind: 'number', unit: 'K/min', label: 'heating rate', condition: { key: 'heatingRateKPerMin' } },
  exo: { kind: 'choice', values: ['up', 'down'], label: 'exotherm direction', condition: { key: 'exo' } },
  reference: { kind: 'file', label: 'reference pattern or scan' },
} as const satisfies ParameterSpecs;
