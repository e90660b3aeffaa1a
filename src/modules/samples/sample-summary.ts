import type { SampleState, StepKind } from '../../infra/database/schema';

/** The part of a process step the derived summary needs. */
export interface StepFacts {
  kind: StepKind;
  params: unknown;
}

export interface SampleSummary {
  state: SampleState;
  /** Every state passed through, in order, consecutive repeats collapsed. */
  stateSequence: SampleState[];
  /** e.g. `A453K·5min → C77/293K×27`; empty for an untreated sample. */
  signature: string;
  totals: {
    /** Minutes held at each anneal temperature (K, as a string key). */
    annealMinByK: Record<string, number>;
    cryoCycles: number;
    crystallized: boolean;
  };
}

type Anneal = { targetK: number; holdMin: number };
type Cryo = { lowK: number; highK: number; cycles: number };

const fmt = (x: number) => String(Number(x.toFixed(3)));

function signatureOf(step: StepFacts): string | undefined {
  switch (step.kind) {
    case 'ANNEAL': {
      const p = step.params as Anneal;
      return `A${fmt(p.targetK)}K·${fmt(p.holdMin)}min`;
    }
    case 'CRYO_CYCLE': {
      const p = step.params as Cryo;
      return `C${fmt(p.lowK)}/${fmt(p.highK)}K×${p.cycles}`;
    }
    case 'CRYSTALLIZE': {
      const p = step.params as Anneal;
      return `X${fmt(p.targetK)}K·${fmt(p.holdMin)}min`;
    }
    default:
      return undefined;
  }
}

const STATE_AFTER: Partial<Record<StepKind, SampleState>> = {
  ANNEAL: 'ANNEALED',
  CRYO_CYCLE: 'REJUVENATED',
  CRYSTALLIZE: 'CRYSTALLIZED',
};

/**
 * Derives state, treatment signature and cumulative totals from a sample's effective steps
 * (its ancestors' steps up to its creation, then its own), in order. Crystallization is
 * irreversible, so once crystallized the state stays CRYSTALLIZED whatever follows.
 */
export function summarizeSteps(steps: StepFacts[]): SampleSummary {
  const sequence: SampleState[] = [];
  const parts: string[] = [];
  const annealMinByK: Record<string, number> = {};
  let cryoCycles = 0;
  let crystallized = false;
  for (const step of steps) {
    const next = STATE_AFTER[step.kind];
    if (!next) continue;
    parts.push(signatureOf(step)!);
    if (sequence[sequence.length - 1] !== next) sequence.push(next);
    if (step.kind === 'ANNEAL') {
      const p = step.params as Anneal;
      const key = fmt(p.targetK);
      annealMinByK[key] = Number(((annealMinByK[key] ?? 0) + p.holdMin).toFixed(6));
    } else if (step.kind === 'CRYO_CYCLE') {
      cryoCycles += (step.params as Cryo).cycles;
    } else {
      crystallized = true;
    }
  }
  const state: SampleState = crystallized ? 'CRYSTALLIZED' : (sequence[sequence.length - 1] ?? 'AS_QUENCHED');
  return {
    state,
    stateSequence: sequence.length ? sequence : ['AS_QUENCHED'],
    signature: parts.join(' → '),
    totals: { annealMinByK, cryoCycles, crystallized },
  };
}
