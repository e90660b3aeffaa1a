import type { ProcessStepRow, SampleKind, SampleRow, StepKind } from '../../infra/database/schema';
import { SampleSummary, summarizeSteps } from './sample-summary';
import { SampleWithAlloy } from './samples.repository';

/** Who retracted a record, when, and why. */
export interface RetractionInfo {
  by: string;
  /** The retractor's name: visible to whoever can see the record (same project), like the record itself. */
  byName: string;
  at: Date;
  reason: string;
}

/** A step as read for derivation and history: with its retraction, if any. */
export type StepRow = ProcessStepRow & { retraction: RetractionInfo | null };

/** The step that made each kind of sample; its performedAt is the earliest any later entry may carry. */
export const CREATING_STEP: Record<SampleKind, StepKind> = { INGOT: 'ARC_MELT', RIBBON: 'MELT_SPIN', PIECE: 'CUT' };

/** The step that created `sample` (its ARC_MELT, MELT_SPIN or CUT). */
export function creatingStep<S extends Pick<ProcessStepRow, 'sampleId' | 'kind'>>(sample: Pick<SampleRow, 'id' | 'kind'>, steps: S[]): S | undefined {
  return steps.find((s) => s.sampleId === sample.id && s.kind === CREATING_STEP[sample.kind]);
}

/** Physical order: when it was done, then the order it was entered in. */
export const byPerformedAt = (a: ProcessStepRow, b: ProcessStepRow): number =>
  a.performedAt.getTime() - b.performedAt.getTime() || a.createdAt.getTime() - b.createdAt.getTime() || a.seq - b.seq;

/** Whether `s` happened before `cut` in physical order (ties: entered no later). */
const before = (s: ProcessStepRow, cut: ProcessStepRow): boolean =>
  s.performedAt.getTime() < cut.performedAt.getTime() ||
  (s.performedAt.getTime() === cut.performedAt.getTime() && s.createdAt.getTime() <= cut.createdAt.getTime());

/**
 * The steps that shaped a glass sample, in `performedAt` order, retracted ones included: the glass
 * and its structural history begin at MELT_SPIN, so an ingot's steps never carry into its ribbon;
 * a piece inherits the ribbon's steps performed before it was cut, then adds its own.
 * `chain` is root first; an ingot has no glass history (empty).
 */
export function shapingSteps<S extends ProcessStepRow>(chain: Pick<SampleRow, 'id' | 'kind' | 'createdAt'>[], steps: S[]): S[] {
  const glass = chain.filter((s) => s.kind !== 'INGOT');
  if (glass.length === 0) return [];
  const out: S[] = [];
  for (let i = 0; i < glass.length; i++) {
    const own = steps.filter((s) => s.sampleId === glass[i].id);
    const next = glass[i + 1];
    const cut = next && creatingStep(next, steps);
    out.push(...(next ? own.filter((s) => (cut ? before(s, cut) : s.createdAt <= next.createdAt)) : own));
  }
  return out.sort(byPerformedAt);
}

/** What derived state, signature, totals and campaign matching read: the shaping steps nobody retracted. */
export function effectiveSteps<S extends StepRow>(chain: Pick<SampleRow, 'id' | 'kind' | 'createdAt'>[], steps: S[]): S[] {
  return shapingSteps(chain, steps).filter((s) => !s.retraction);
}

/**
 * Steps grouped by sample, each group in the input order. Derivation only reads the steps of a
 * sample's chain, so handing it `stepsOfChain` instead of every step read keeps a batch of n
 * samples linear in n (filtering all steps per sample made it quadratic).
 */
export function stepsBySample<S extends Pick<ProcessStepRow, 'sampleId'>>(steps: S[]): Map<string, S[]> {
  const by = new Map<string, S[]>();
  for (const s of steps) {
    const group = by.get(s.sampleId);
    if (group) group.push(s);
    else by.set(s.sampleId, [s]);
  }
  return by;
}

/** The steps of `chain`'s samples out of `bySample`, chain order (what shapingSteps and creatingStep read). */
export function stepsOfChain<S>(chain: Pick<SampleRow, 'id'>[], bySample: ReadonlyMap<string, S[]>): S[] {
  return chain.flatMap((s) => bySample.get(s.id) ?? []);
}

/** State, signature and totals of the last sample of `chain` (an ingot is AS_CAST). */
export function deriveSummary(chain: Pick<SampleRow, 'id' | 'kind' | 'createdAt'>[], steps: StepRow[]): SampleSummary {
  const self = chain[chain.length - 1];
  return self.kind === 'INGOT' ? summarizeSteps([], 'AS_CAST') : summarizeSteps(effectiveSteps(chain, steps));
}

export interface SampleView extends SampleSummary {
  id: string;
  code: string;
  kind: SampleRow['kind'];
  alloy: { id: string; name: string };
  /** The project the sample (its ingot) belongs to. */
  projectId: string;
  parentId: string | null;
  massMg: number | null;
  lengthMm: number | null;
  notes: string | null;
  /** Guardrail flags raised on any effective step (TG_OVERRIDE, ON_CRYSTALLIZED_PIECE). */
  flags: string[];
  createdAt: Date;
}

export function toSampleView(chain: SampleWithAlloy[], steps: StepRow[]): SampleView {
  const self = chain[chain.length - 1];
  const effective = self.kind === 'INGOT' ? [] : effectiveSteps(chain, steps);
  return {
    id: self.id,
    code: self.code,
    kind: self.kind,
    alloy: { id: self.alloy.id, name: self.alloy.name },
    projectId: self.projectId,
    parentId: self.parentId,
    massMg: self.massMg,
    lengthMm: self.lengthMm,
    notes: self.notes,
    ...deriveSummary(chain, steps),
    flags: [...new Set(effective.flatMap((s) => s.flags))],
    createdAt: self.createdAt,
  };
}
