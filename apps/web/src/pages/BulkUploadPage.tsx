/**
 * Bulk upload: drop a folder of instrument files (or pick files or a folder); the API proposes
 * technique, mode, field and sample for each (POST /api/uploads/match) in a table to confirm or
 * correct; then each included file becomes a measurement and is uploaded, with its progress and
 * then its analysis status live over SSE.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type DragEvent } from 'react';
import { Link } from 'react-router';
import { createAndUpload, matchFiles, sampleIdByCode, type Proposal } from '../api/bulk';
import { ApiError, type Schemas } from '../api/client';
import { useRunEvents, type RunEvent } from '../api/events';
import { useSamples, useTechniques } from '../api/queries';
import type { UploadResult } from '../api/upload';
import { AlsoLinkedWarning } from '../components/AlsoLinked';
import { DataTable } from '../components/DataTable';
import { Field } from '../components/Field';
import { filesFromDrop, filesFromList, type PickedFile } from '../lib/bulk-files';

type Technique = Schemas['Technique'];
type Modes = ReadonlyMap<string, readonly string[]>;
const PARALLEL_UPLOADS = 3;
/** Whether a technique's measurements carry a mode and a field (the registry's modes: the magnetic sweeps). */
const takesMode = (modes: Modes, t: Technique | ''): t is Technique => !!t && (modes.get(t)?.length ?? 0) > 0;

type Status = 'ready' | 'creating' | 'uploading' | 'uploaded' | 'duplicate' | 'failed';

interface Row {
  key: string;
  picked: PickedFile;
  proposal: Proposal;
  include: boolean;
  technique: Technique | '';
  mode: 'ZFC' | 'FC' | '';
  fieldOe: string;
  sampleCode: string;
  status: Status;
  progress: number;
  message?: string;
  runId?: string;
  alsoLinkedTo?: UploadResult['alsoLinkedTo'];
}

const toRow = (picked: PickedFile, p: Proposal, i: number): Row => ({
  key: `${i}:${picked.path}`,
  picked,
  proposal: p,
  include: p.technique !== null && p.sampleCode !== null,
  technique: p.technique ?? '',
  mode: p.mode ?? '',
  fieldOe: p.fieldOe === null ? '' : String(p.fieldOe),
  sampleCode: p.sampleCode ?? '',
  status: 'ready',
  progress: 0,
});

/** What is missing before a row can be sent, or undefined when it is complete. */
function missing(r: Row, modes: Modes): string | undefined {
  if (!r.technique) return 'choose the technique';
  if (!r.sampleCode.trim()) return 'choose the sample';
  if (takesMode(modes, r.technique) && !r.mode) return 'choose the mode';
  return undefined;
}

export default function BulkUploadPage() {
  const queryClient = useQueryClient();
  const folderInput = useId();
  const filesInput = useId();
  const [rows, setRows] = useState<Row[]>([]);
  const [over, setOver] = useState(false);
  const [matching, setMatching] = useState(false);
  const [error, setError] = useState<string>();
  const [instrument, setInstrument] = useState('');
  const [sending, setSending] = useState(false);
  // Run events can arrive before the upload's response names the run: keep every status seen.
  const seen = useRef(new Map<string, RunEvent>());
  const [, redraw] = useState(0);
  const pieces = useSamples({ kind: 'PIECE' }, 200);
  const techniques = useTechniques();
  const modes: Modes = new Map((techniques.data ?? []).map((t) => [t.id, t.modes]));

  useRunEvents((e) => {
    seen.current.set(e.runId, e);
    redraw((n) => n + 1);
  });

  const update = (key: string, patch: Partial<Row>) => setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const add = async (picked: PickedFile[]) => {
    if (picked.length === 0) return;
    setError(undefined);
    setMatching(true);
    try {
      const proposals = await matchFiles(picked);
      setRows((all) => [...all, ...picked.map((p, i) => toRow(p, proposals[i], all.length + i))]);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setMatching(false);
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void filesFromDrop(e.dataTransfer).then(add);
  };

  const sendOne = async (r: Row) => {
    const technique = r.technique as Technique;
    const code = r.sampleCode.trim().toUpperCase();
    update(r.key, { status: 'creating', message: undefined });
    try {
      const sampleId = code === r.proposal.sampleCode && r.proposal.sampleId ? r.proposal.sampleId : await sampleIdByCode(code);
      if (!sampleId) throw new Error(`no sample ${code}`);
      const conditions: Schemas['ConditionsDto'] = takesMode(modes, technique)
        ? { mode: r.mode as 'ZFC' | 'FC', ...(r.fieldOe.trim() !== '' && { fieldOe: Number(r.fieldOe) }) }
        : {};
      const done = await createAndUpload(
        { file: r.picked.file, sampleId, technique, instrument: instrument.trim() || r.proposal.format || technique, conditions },
        (progress) => update(r.key, { status: 'uploading', progress }),
      );
      update(r.key, {
        status: done.upload.duplicate ? 'duplicate' : 'uploaded',
        progress: 1,
        runId: done.upload.analysisRunIds[0],
        alsoLinkedTo: done.upload.alsoLinkedTo,
      });
    } catch (e) {
      update(r.key, { status: 'failed', message: e instanceof ApiError || e instanceof Error ? e.message : String(e) });
    }
  };

  const ready = rows.filter((r) => r.include && r.status === 'ready' && !missing(r, modes));
  const send = async () => {
    setSending(true);
    const queue = [...ready];
    const lane = async () => {
      for (let r = queue.shift(); r; r = queue.shift()) await sendOne(r);
    };
    await Promise.all(Array.from({ length: PARALLEL_UPLOADS }, lane));
    setSending(false);
    void queryClient.invalidateQueries({ queryKey: ['measurements'] });
    void queryClient.invalidateQueries({ queryKey: ['history'] });
  };

  const codes = [...new Set([...rows.map((r) => r.proposal.sampleCode).filter((c): c is string => !!c), ...(pieces.data?.items.map((s) => s.code) ?? [])])];
  const counts = { matched: rows.filter((r) => r.proposal.confidence === 'high').length, total: rows.length };

  return (
    <main id="main" className="page">
      <h1>Bulk upload</h1>
      <p>
        Drop a folder of instrument files. For each file the app proposes the technique (from its content), the mode and field, and the sample (the code in the
        file name or header); confirm or correct them, then upload. Each file becomes its own measurement.
      </p>
      <div
        className={`dropzone${over ? ' over' : ''}`}
        onDragOver={(e) => (e.preventDefault(), setOver(true))}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        data-testid="bulk-dropzone"
      >
        <label htmlFor={folderInput}>Choose a folder</label>
        <input
          id={folderInput}
          type="file"
          multiple
          {...{ webkitdirectory: '' }}
          onChange={(e) => (void add(filesFromList(e.target.files)), (e.target.value = ''))}
        />
        <label htmlFor={filesInput}>Choose files</label>
        <input id={filesInput} type="file" multiple onChange={(e) => (void add(filesFromList(e.target.files)), (e.target.value = ''))} />
        <span className="hint">or drop a folder or files here</span>
      </div>
      {matching && (
        <p role="status" aria-live="polite">
          Matching files…
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <datalist id="bulk-sample-codes">
        {codes.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      {rows.length > 0 && (
        <section aria-labelledby="bulk-files-title">
          <h2 id="bulk-files-title">
            Files <span className="muted">({`${counts.matched} of ${counts.total} matched with confidence`})</span>
          </h2>
          <DataTable label="Files to upload" className="bulk" columns={['Upload', 'File', 'Technique', 'Mode', 'Field (Oe)', 'Sample', 'Status']}>
            {rows.map((r) => (
              <BulkRow
                key={r.key}
                row={r}
                run={r.runId ? seen.current.get(r.runId) : undefined}
                update={update}
                locked={r.status !== 'ready'}
                techniques={(techniques.data ?? []).map((t) => t.id)}
                modes={modes}
              />
            ))}
          </DataTable>
          <div className="grid-form">
            <Field
              label="Instrument"
              field="instrument"
              value={instrument}
              placeholder="the detected format, e.g. multivu-mpms3"
              onChange={(e) => setInstrument(e.target.value)}
            />
          </div>
          <p>
            <button type="button" className="primary" disabled={sending || ready.length === 0} onClick={() => void send()}>
              {`Upload ${ready.length} ${ready.length === 1 ? 'file' : 'files'}`}
            </button>
          </p>
        </section>
      )}
    </main>
  );
}

interface BulkRowProps {
  row: Row;
  run?: RunEvent;
  update: (key: string, patch: Partial<Row>) => void;
  locked: boolean;
  techniques: Technique[];
  modes: Modes;
}

function BulkRow({ row: r, run, update, locked, techniques, modes }: BulkRowProps) {
  const name = r.picked.path;
  const todo = missing(r, modes);
  const withMode = takesMode(modes, r.technique);
  const status = run?.status;
  return (
    <tr data-file={name} data-confidence={r.proposal.confidence}>
      <td data-label="Upload">
        <input
          type="checkbox"
          aria-label={`Upload ${name}`}
          checked={r.include}
          disabled={locked}
          onChange={(e) => update(r.key, { include: e.target.checked })}
        />
      </td>
      <td data-label="File" className="file-name">
        <span>{name}</span>
        <details>
          <summary>Why</summary>
          <ul>
            {r.proposal.why.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </details>
      </td>
      <td data-label="Technique">
        <select
          aria-label={`Technique of ${name}`}
          value={r.technique}
          disabled={locked}
          onChange={(e) => update(r.key, { technique: e.target.value as Technique | '' })}
        >
          <option value="">choose…</option>
          {(techniques.length > 0 ? techniques : r.technique ? [r.technique] : []).map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </td>
      <td data-label="Mode">
        {withMode ? (
          <select aria-label={`Mode of ${name}`} value={r.mode} disabled={locked} onChange={(e) => update(r.key, { mode: e.target.value as Row['mode'] })}>
            <option value="">choose…</option>
            {modes.get(r.technique)!.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td data-label="Field (Oe)">
        {withMode ? (
          <input
            type="number"
            step="any"
            className="narrow"
            aria-label={`Field (Oe) of ${name}`}
            value={r.fieldOe}
            disabled={locked}
            onChange={(e) => update(r.key, { fieldOe: e.target.value })}
          />
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td data-label="Sample">
        <input
          aria-label={`Sample of ${name}`}
          list="bulk-sample-codes"
          value={r.sampleCode}
          disabled={locked}
          placeholder="code"
          autoComplete="off"
          className="code-input"
          onChange={(e) => update(r.key, { sampleCode: e.target.value })}
        />
      </td>
      <td data-label="Status" data-testid="bulk-status" aria-live="polite">
        {r.status === 'ready' && (todo && r.include ? <span className="error">{todo}</span> : <span className="muted">{r.include ? 'ready' : 'skipped'}</span>)}
        {r.status === 'creating' && <span className="badge sending">creating measurement</span>}
        {r.status === 'uploading' && <progress value={r.progress} max={1} aria-label={`upload of ${name}`} />}
        {(r.status === 'uploaded' || r.status === 'duplicate') && (
          <>
            <span className={`badge ${(status ?? 'queued').toLowerCase()}`} data-testid="bulk-analysis">
              {status ?? 'QUEUED'}
            </span>{' '}
            <Link to={`/samples/${r.sampleCode.trim().toUpperCase()}`}>{r.sampleCode.trim().toUpperCase()}</Link>
            {r.status === 'duplicate' && <span className="muted"> (already uploaded)</span>}
            {run?.error && <span className="error"> {run.error}</span>}
            {r.alsoLinkedTo && <AlsoLinkedWarning links={r.alsoLinkedTo} fileName={name} />}
          </>
        )}
        {r.status === 'failed' && <span className="error">{r.message}</span>}
      </td>
    </tr>
  );
}
