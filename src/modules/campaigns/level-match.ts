import type { CampaignFactor } from '../reports/report.types';
import { cryoRangeKey, numberKey as key, TreatmentTotals } from '../samples/sample-summary';

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

/**
 * Why a sample's history does not match a campaign level, or [] when it does. An anneal-hold
 * level needs exactly that many minutes at the target temperature and no other treatment; a
 * cryo level needs exactly that many cycles between the stated temperatures and nothing else.
 */
export function levelMismatches(factor: CampaignFactor, level: number, facts: TreatmentTotals): string[] {
  const out: string[] = [];
  if (facts.crystallized) out.push('it is crystallized');
  const anneals = Object.entries(facts.annealMinByK);
  const cycles = Object.entries(facts.cryoCyclesByRange);
  if (factor.kind === 'ANNEAL_HOLD_MIN') {
    const at = facts.annealMinByK[key(factor.targetK)] ?? 0;
    if (!near(at, level)) out.push(`it has ${at} min at ${factor.targetK} K; level ${level} needs ${level} min`);
    for (const [k, min] of anneals) if (k !== key(factor.targetK)) out.push(`it was also annealed ${min} min at ${k} K`);
    for (const [range, n] of cycles) out.push(`it was also cryo-cycled ${n}× between ${range} K`);
  } else {
    const range = cryoRangeKey(factor.lowK, factor.highK);
    const n = facts.cryoCyclesByRange[range] ?? 0;
    if (n !== level) out.push(`it has ${n} cycles between ${range} K; level ${level} needs ${level}`);
    for (const [r, c] of cycles) if (r !== range) out.push(`it was also cycled ${c}× between ${r} K`);
    for (const [k, min] of anneals) out.push(`it was also annealed ${min} min at ${k} K`);
  }
  return out;
}
