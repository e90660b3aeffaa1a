/** Assigning pieces to levels: each piece is shown against the chosen level with the API's reasons when its history does not match. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { Link } from 'react-router';
import { formatLevel, type FactorSpec } from '../../../../libs/charts/src/format';
import { api, unwrap } from '../api/client';
import { useCandidates } from '../api/queries';
import { DataTable } from './DataTable';
import { Field, FormError, SelectField } from './Field';

export function AssignPieces({ campaignId, factor }: { campaignId: string; factor: FactorSpec }) {
  const queryClient = useQueryClient();
  const [prefix, setPrefix] = useState('');
  const [level, setLevel] = useState(String(factor.levels[0]));
  // Checking candidates reads each piece's history: only once the PI opens the section.
  const [open, setOpen] = useState(false);
  const deferred = useDeferredValue(prefix.trim().replace(/[^A-Za-z0-9-]/g, ''));
  const candidates = useCandidates(campaignId, deferred, open);
  const assign = useMutation({
    mutationFn: (sampleId: string) =>
      unwrap(api.POST('/api/campaigns/{id}/assignments', { params: { path: { id: campaignId } }, body: { sampleId, level: Number(level) } })),
    onSuccess: () => Promise.all(['candidates', 'progress', 'report'].map((k) => queryClient.invalidateQueries({ queryKey: [k, campaignId] }))),
  });
  const lvl = Number(level);
  return (
    <details className="card" open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>
        <h2>Assign pieces</h2>
      </summary>
      <div className="filters">
        <SelectField
          label="Level"
          field="level"
          value={level}
          onChange={(e) => setLevel(e.target.value)}
          options={factor.levels.map((l) => ({ value: String(l), label: formatLevel(l, factor) }))}
        />
        <Field label="Piece code starts with" field="codePrefix" type="search" value={prefix} onChange={(e) => setPrefix(e.target.value)} autoComplete="off" />
      </div>
      <FormError error={assign.error} fields={[]} />
      <DataTable
        label="Pieces and whether they match the level"
        busy={candidates.isFetching}
        columns={['Piece', 'Signature', 'Assigned to', `Matches ${formatLevel(lvl, factor)}?`, { label: 'Action', hidden: true }]}
      >
        {candidates.data?.items.map((p) => {
          const m = p.levels.find((x) => x.level === lvl);
          const ok = m !== undefined && m.mismatches.length === 0;
          const here = p.assignedLevel === lvl;
          return (
            <tr key={p.sampleId} data-code={p.code}>
              <td>
                <Link to={`/samples/${p.code}`}>{p.code}</Link>
              </td>
              <td className="sig">{p.signature || '—'}</td>
              <td>{p.assignedLevel === null ? '—' : formatLevel(p.assignedLevel, factor)}</td>
              <td className={ok ? 'ok' : 'mismatch'}>{ok ? 'yes' : `no: ${m?.mismatches.join('; ')}`}</td>
              <td>
                <button
                  type="button"
                  disabled={!ok || here || assign.isPending}
                  onClick={() => assign.mutate(p.sampleId)}
                  aria-label={`Assign ${p.code} to ${formatLevel(lvl, factor)}`}
                >
                  {here ? 'Assigned' : 'Assign'}
                </button>
              </td>
            </tr>
          );
        })}
      </DataTable>
      {candidates.data?.nextCursor && <p className="hint">First {candidates.data.items.length} pieces; type more of a code to narrow.</p>}
    </details>
  );
}
