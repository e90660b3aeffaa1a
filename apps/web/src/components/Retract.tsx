/**
 * Retract a wrong record with a reason (POST …/retract): the record stays in the history, struck
 * through with who, when and why, and leaves state, signature, totals, progress and reports.
 * A disclosure keeps the reason field out of the way until it is wanted.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, unwrap } from '../api/client';
import { Field, FormError } from './Field';

export type RetractTarget = { kind: 'step'; sampleId: string; stepId: string } | { kind: 'measurement'; measurementId: string };

function retract(target: RetractTarget, reason: string) {
  if (target.kind === 'step')
    return unwrap(api.POST('/api/samples/{id}/steps/{stepId}/retract', { params: { path: { id: target.sampleId, stepId: target.stepId } }, body: { reason } }));
  return unwrap(api.POST('/api/measurements/{id}/retract', { params: { path: { id: target.measurementId } }, body: { reason } }));
}

export function RetractButton({ target, what }: { target: RetractTarget; what: string }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const run = useMutation({
    mutationFn: () => retract(target, reason),
    onSuccess: () =>
      Promise.all(['sample', 'history', 'lineage', 'samples', 'measurements', 'measurement'].map((k) => queryClient.invalidateQueries({ queryKey: [k] }))),
  });
  return (
    <details className="retract">
      <summary>Retract…</summary>
      <form onSubmit={(e: FormEvent) => (e.preventDefault(), run.mutate())} aria-label={`Retract ${what}`}>
        <Field label={`Reason for retracting ${what}`} field="reason" value={reason} required onChange={(e) => setReason(e.target.value)} error={run.error} />
        <FormError error={run.error} fields={['reason']} />
        <button type="submit" disabled={run.isPending}>
          Retract
        </button>
      </form>
    </details>
  );
}

/** "retracted 2026-12-01 14:02: logged on the wrong piece". */
export function RetractionNote({ retraction }: { retraction: { at: string; reason: string } }) {
  return (
    <span className="retraction" data-testid="retraction">
      retracted {new Date(retraction.at).toLocaleString()}: {retraction.reason}
    </span>
  );
}
