/**
 * Two toy techniques whose analysis never ends on its own, for the specs of the analysis limits
 * (ANALYSIS_TIMEOUT_S, ANALYSIS_MAX_MEMORY_MB): STUCK spins forever, GREEDY allocates without
 * bound. A real technique that is merely slow or big today (e.g. a long XRD pattern) stops being
 * so when its analyzer gets faster, and the specs would then prove nothing; these cannot finish
 * whatever the analyzers do. Their files are one header line, recognised from the bytes.
 */
import { ok } from '../../libs/analysis/src/core/errors';
import type { MetricSpecs } from '../../libs/analysis/src/technique/metrics';
import { defineTechnique } from '../../libs/analysis/src/technique/technique';

const STUCK_HEADER = '# vitrack stuck v1';
const GREEDY_HEADER = '# vitrack greedy v1';

interface RunawayMetrics {
  /** Never reached: the analysis is stopped first. */
  rounds: number;
}

const RUNAWAY_METRICS: MetricSpecs<RunawayMetrics> = { rounds: { kind: 'number', unit: '', label: 'rounds' } };

/** Keeps what GREEDY allocates reachable, so the collector cannot give it back. */
const hoard: number[][] = [];

export const STUCK = defineTechnique({
  id: 'STUCK',
  label: 'never-ending analysis (test)',
  formats: `text starting "${STUCK_HEADER}"`,
  analyzer: { name: 'stuck', version: '0.1.0' },
  parameters: {},
  metrics: RUNAWAY_METRICS,
  detect: (sample) => (sample.text.startsWith(STUCK_HEADER) ? { format: 'stuck-v1', confidence: 1 } : undefined),
  parse: () => ok({}),
  analyze() {
    // A busy loop with no await: only terminating the thread ends it (what the time limit must do).
    let rounds = 0;
    while (rounds >= 0) rounds = (rounds + 1) % 1e9;
    return ok({ format: 'stuck-v1', metrics: { rounds }, warnings: [] });
  },
});

export const GREEDY = defineTechnique({
  id: 'GREEDY',
  label: 'unbounded-memory analysis (test)',
  formats: `text starting "${GREEDY_HEADER}"`,
  analyzer: { name: 'greedy', version: '0.1.0' },
  parameters: {},
  metrics: RUNAWAY_METRICS,
  detect: (sample) => (sample.text.startsWith(GREEDY_HEADER) ? { format: 'greedy-v1', confidence: 1 } : undefined),
  parse: () => ok({}),
  analyze() {
    // Plain JS arrays live on the V8 heap, which the thread's resourceLimits bound (an ArrayBuffer would not count).
    for (let rounds = 0; ; rounds++) hoard.push(new Array<number>(1 << 16).fill(rounds));
  },
});

/** A STUCK file. */
export const stuckFile = (): Uint8Array => new TextEncoder().encode(`${STUCK_HEADER}\n1\n`);
/** A GREEDY file. */
export const greedyFile = (): Uint8Array => new TextEncoder().encode(`${GREEDY_HEADER}\n1\n`);
