/**
 * Retract a wrong record with a reason (POST …/retract): the record stays in the history, struck
 * through with who, when and why, and leaves state, signature, totals, progress and reports.
 * A disclosure keeps the reason field out of the way until it is wanted.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useSession } from '../api/auth';
import { api, unwrap, type Schemas } from '../api/client';
import { Field } from './Field';
import { MutationForm, useFormValues } from './Form';

export type RetractTarget =
  { kind: 'step'; sampleId: string; stepId: string } | { kind: 'measurement'; measurementId: string } | { kind: 'file'; measurementId: string; fileId: string };

function retract(target: RetractTarget, reason: string) {
  switch (target.kind) {
    case 'step':
      return unwrap(
        api.POST('/api/samples/{id}/steps/{stepId}/retract', { params: { path: { id: target.sampleId, stepId: target.stepId } }, body: { reason } }),
      );
    case 'measurement':
      return unwrap(api.POST('/api/measurements/{id}/retract', { params: { path: { id: target.measurementId } }, body: { reason } }));
    case 'file':
      return unwrap(
        api.POST('/api/measurements/{id}/files/{fileId}/retract', { params: { path: { id: target.measurementId, fileId: target.fileId } }, body: { reason } }),
      );
  }
}

type FileLink = Pick<Schemas['MeasurementFileResponse'], 'fileId' | 'fileName' | 'retraction'>;

/** Everything a retraction can change: the sample, its timeline and measurements, and campaign progress and reports. */
const STALE = ['sample', 'history', 'lineage', 'samples', 'measurements', 'measurement', 'progress', 'report'];

export function RetractButton({ target, what }: { target: RetractTarget; what: string }) {
  const queryClient = useQueryClient();
  const { values, bind } = useFormValues({ reason: '' });
  const run = useMutation({
    mutationFn: () => retract(target, values.reason),
    onSuccess: () => Promise.all(STALE.map((k) => queryClient.invalidateQueries({ queryKey: [k] }))),
  });
  return (
    <details className="retract">
      <summary>Retract…</summary>
      <MutationForm mutation={run} label={`Retract ${what}`} className="" submit="Retract" fields={['reason']}>
        <Field label={`Reason for retracting ${what}`} field="reason" required {...bind('reason')} />
      </MutationForm>
    </details>
  );
}

/**
 * "retracted 2026-12-01 14:02 by Ada Lovelace: logged on the wrong piece" ("by you" for one's own).
 * The API sends the retractor's name with the record: whoever may see the record may see who retracted it.
 */
export function RetractionNote({ retraction }: { retraction: { at: string; reason: string; by: string; byName: string } }) {
  const me = useSession();
  return (
    <span className="retraction" data-testid="retraction">
      retracted {new Date(retraction.at).toLocaleString()} by <span data-testid="retracted-by">{retraction.by === me?.userId ? 'you' : retraction.byName}</span>
      : {retraction.reason}
    </span>
  );
}

/**
 * A file link of a measurement: retracted, the note saying who, when and why; standing (and the
 * measurement too), the way to retract it — usually a file uploaded to the wrong measurement.
 */
export function FileLinkRetraction({ measurementId, file, measurementRetracted }: { measurementId: string; file: FileLink; measurementRetracted: boolean }) {
  if (file.retraction) return <RetractionNote retraction={file.retraction} />;
  if (measurementRetracted) return null;
  return <RetractButton target={{ kind: 'file', measurementId, fileId: file.fileId }} what={`the file ${file.fileName}`} />;
}
