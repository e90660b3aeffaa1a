import type { ProcessStepRow, SampleRow } from '../../infra/database/schema';
import { SampleSummary, summarizeSteps } from './sample-summary';
import { SampleWithAlloy } from './samples.repository';

/** Steps that shaped a sample: each ancestor's steps up to the moment the next generation was made, then its own. */
export function effectiveSteps(chain: SampleRow[], steps: ProcessStepRow[]): ProcessStepRow[] {
  const cutoff = new Map<string, Date>();
  for (let i = 0; i < chain.length - 1; i++) cutoff.set(chain[i].id, chain[i + 1].createdAt);
  return steps
    .filter((s) => {
      const limit = cutoff.get(s.sampleId);
      return !limit || s.createdAt <= limit;
    })
    .sort((a, b) => a.performedAt.getTime() - b.performedAt.getTime() || a.createdAt.getTime() - b.createdAt.getTime() || a.seq - b.seq);
}

export interface SampleView extends SampleSummary {
  id: string;
  code: string;
  kind: SampleRow['kind'];
  alloy: { id: string; name: string };
  parentId: string | null;
  massMg: number | null;
  lengthMm: number | null;
  notes: string | null;
  /** Guardrail flags raised on any effective step (TG_OVERRIDE, ON_CRYSTALLIZED_PIECE). */
  flags: string[];
  createdAt: Date;
}

export function toSampleView(chain: SampleWithAlloy[], steps: ProcessStepRow[]): SampleView {
  const self = chain[chain.length - 1];
  const effective = effectiveSteps(chain, steps);
  return {
    id: self.id,
    code: self.code,
    kind: self.kind,
    alloy: { id: self.alloy.id, name: self.alloy.name },
    parentId: self.parentId,
    massMg: self.massMg,
    lengthMm: self.lengthMm,
    notes: self.notes,
    ...summarizeSteps(effective),
    flags: [...new Set(effective.flatMap((s) => s.flags))],
    createdAt: self.createdAt,
  };
}
