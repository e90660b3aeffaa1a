import type { SampleState, StepKind } from '../../infra/database/schema';

/** The part of a process step the derived summary needs. */
export interface StepFacts {
  /** A StepKind; plain strings too, so callers with untyped rows need no cast. */
  kind: string;
  params: unknown;
}

/**
 * Cumulative treatment totals: the one derivation both the sample view and campaign level
 * matching read (there used to be two, which could disagree).
 */
export interface TreatmentTotals {
  /** Minutes held at each anneal temperature (K, as a string key). */
  annealMinByK: Record<string, number>;
  /** All cryo cycles, whatever their temperatures. */
  cryoCycles: number;
  /** Cycles per low/high pair in K, e.g. {"77/293": 27}. */
  cryoCyclesByRange: Record<string, number>;
  crystallized: boolean;
}

export interface SampleSummary {
  state: SampleState;
  /** Every state passed through, in order, consecutive repeats collapsed. */
  stateSequence: SampleState[];
  /** e.g. `A453K·5min → C77/293K×27`; empty for an untreated sample. */
  signature: string;
  totals: TreatmentTotals;
}

type Anneal = { targetK: number; holdMin: number };
type Cryo = { lowK: number; highK: number; cycles: number };

/** A temperature or duration as a short key: 453, 0.5, 77.25 (three decimals at most). */
export const numberKey = (x: number) => String(Number(x.toFixed(3)));
export const cryoRangeKey = (lowK: number, highK: number) => `${numberKey(lowK)}/${numberKey(highK)}`;

function signatureOf(step: StepFacts): string | undefined {
  switch (step.kind) {
    case 'ANNEAL': {
      const p = step.params as Anneal;
      return `A${numberKey(p.targetK)}K·${numberKey(p.holdMin)}min`;
    }
    case 'CRYO_CYCLE': {
      const p = step.params as Cryo;
      return `C${numberKey(p.lowK)}/${numberKey(p.highK)}K×${p.cycles}`;
    }
    case 'CRYSTALLIZE': {
      const p = step.params as Anneal;
      return `X${numberKey(p.targetK)}K·${numberKey(p.holdMin)}min`;
    }
    default:
      return undefined;
  }
}

const STATE_AFTER: Partial<Record<string, SampleState>> = {
  ANNEAL: 'ANNEALED',
  CRYO_CYCLE: 'REJUVENATED',
  CRYSTALLIZE: 'CRYSTALLIZED',
};

export const TREATMENT_STEP_KINDS: readonly StepKind[] = ['ANNEAL', 'CRYO_CYCLE', 'CRYSTALLIZE'];

/** Treatment totals of ordered steps (other kinds are ignored). */
export function treatmentTotals(steps: StepFacts[]): TreatmentTotals {
  const totals: TreatmentTotals = { annealMinByK: {}, cryoCycles: 0, cryoCyclesByRange: {}, crystallized: false };
  for (const step of steps) {
    if (step.kind === 'ANNEAL') {
      const p = step.params as Anneal;
      const key = numberKey(p.targetK);
      totals.annealMinByK[key] = Number(((totals.annealMinByK[key] ?? 0) + p.holdMin).toFixed(6));
    } else if (step.kind === 'CRYO_CYCLE') {
      const p = step.params as Cryo;
      const range = cryoRangeKey(p.lowK, p.highK);
      totals.cryoCycles += p.cycles;
      totals.cryoCyclesByRange[range] = (totals.cryoCyclesByRange[range] ?? 0) + p.cycles;
    } else if (step.kind === 'CRYSTALLIZE') {
      totals.crystallized = true;
    }
  }
  return totals;
}

/**
 * Derives state, treatment signature and cumulative totals from a glass sample's effective,
 * unretracted steps in `performedAt` order (see effectiveSteps). Crystallization is
 * irreversible, so once crystallized the state stays CRYSTALLIZED whatever follows. An ingot is
 * not a glass: it is AS_CAST with no signature (pass `initial` AS_CAST and no steps).
 */
export function summarizeSteps(steps: StepFacts[], initial: SampleState = 'AS_QUENCHED'): SampleSummary {
  const sequence: SampleState[] = [];
  const parts: string[] = [];
  for (const step of steps) {
    const next = STATE_AFTER[step.kind];
    if (!next) continue;
    parts.push(signatureOf(step)!);
    if (sequence[sequence.length - 1] !== next) sequence.push(next);
  }
  const totals = treatmentTotals(steps);
  const state: SampleState = totals.crystallized ? 'CRYSTALLIZED' : (sequence[sequence.length - 1] ?? initial);
  return { state, stateSequence: sequence.length ? sequence : [initial], signature: parts.join(' → '), totals };
}
