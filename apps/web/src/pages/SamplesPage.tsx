/** Find samples by code (prefix, any case, as you type), kind, state and campaign; arc-melt a new ingot. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useDeferredValue } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { useAlloys, useCampaigns, useSamples, type SampleKind, type SampleState } from '../api/queries';
import { DataTable } from '../components/DataTable';
import { Field, SelectField } from '../components/Field';
import { MutationForm, useFormValues } from '../components/Form';
import { ProjectField, useProjectChoice } from '../components/ProjectField';
import { Section } from '../components/Section';

const KINDS: SampleKind[] = ['INGOT', 'RIBBON', 'PIECE'];
const STATES: SampleState[] = ['AS_QUENCHED', 'ANNEALED', 'REJUVENATED', 'CRYSTALLIZED'];

export default function SamplesPage() {
  const [params, setParams] = useSearchParams();
  const code = params.get('code') ?? '';
  const kind = (params.get('kind') ?? '') as SampleKind | '';
  const state = (params.get('state') ?? '') as SampleState | '';
  const campaignId = params.get('campaign') ?? '';
  const campaigns = useCampaigns();
  // Typing stays responsive; the list follows the deferred value.
  const deferredCode = useDeferredValue(code);
  const prefix = deferredCode.trim().replace(/[^A-Za-z0-9-]/g, '');
  const list = useSamples({ codePrefix: prefix || undefined, kind: kind || undefined, state: state || undefined, campaignId: campaignId || undefined });
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <main id="main" className="page">
      <h1>Samples</h1>
      <form className="filters" role="search" aria-label="Find samples" onSubmit={(e) => e.preventDefault()}>
        <Field
          label="Code starts with"
          field="codePrefix"
          type="search"
          value={code}
          placeholder="e.g. i0001-r1"
          autoComplete="off"
          onChange={(e) => set('code', e.target.value)}
          error={list.error}
        />
        <SelectField
          label="Kind"
          field="kind"
          value={kind}
          onChange={(e) => set('kind', e.target.value)}
          options={[{ value: '', label: 'any kind' }, ...KINDS]}
        />
        <SelectField
          label="State"
          field="state"
          value={state}
          onChange={(e) => set('state', e.target.value)}
          options={[{ value: '', label: 'any state' }, ...STATES]}
        />
        <SelectField
          label="Campaign"
          field="campaignId"
          value={campaignId}
          onChange={(e) => set('campaign', e.target.value)}
          error={list.error}
          options={[{ value: '', label: 'any campaign' }, ...(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name }))]}
        />
      </form>
      <DataTable
        label="Samples"
        columns={['Code', 'Kind', 'State', 'Treatment signature', 'Mass (mg)']}
        busy={list.isFetching}
        loaded={list.isSuccess}
        rowCount={list.data?.items.length}
        empty="No sample matches."
      >
        {list.data?.items.map((s) => (
          <tr key={s.id}>
            <td>
              <Link to={`/samples/${s.code}`}>{s.code}</Link>
            </td>
            <td>{s.kind}</td>
            <td>{s.state}</td>
            <td className="sig">{s.signature || '—'}</td>
            <td className="num">{s.massMg ?? '—'}</td>
          </tr>
        ))}
      </DataTable>
      {list.data?.nextCursor && <p className="hint">Showing the first {list.data.items.length}; type more of the code to narrow the list.</p>}
      <ArcMeltForm />
    </main>
  );
}

const INGOT_FIELDS = ['projectId', 'alloyId', 'massG', 'melts', 'performedAt', 'notes'];

function ArcMeltForm() {
  const alloys = useAlloys();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { values: f, bind } = useFormValues({ alloyId: '', massG: '5', melts: '5', projectId: '' });
  const { projects, projectId } = useProjectChoice(f.projectId);
  const create = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/samples/ingots', {
          body: { alloyId: f.alloyId || alloys.data?.[0]?.id || '', massG: Number(f.massG), melts: Number(f.melts), projectId },
        }),
      ),
    onSuccess: (ingot) => {
      void queryClient.invalidateQueries({ queryKey: ['samples'] });
      void navigate(`/samples/${ingot.code}`);
    },
  });
  return (
    <Section title="Arc-melt an ingot">
      <MutationForm mutation={create} label="Arc-melt an ingot" submit="Arc-melt" fields={INGOT_FIELDS} disabled={!alloys.data?.length}>
        <ProjectField projects={projects} value={projectId} onChange={bind('projectId').onChange} />
        <SelectField
          label="Alloy"
          field="alloyId"
          options={(alloys.data ?? []).map((a) => ({ value: a.id, label: `${a.name} (Tg ${a.tgK} K, Tx ${a.txK} K)` }))}
          {...bind('alloyId')}
        />
        <Field label="Mass (g)" field="massG" type="number" step="any" min="0" required {...bind('massG')} />
        <Field label="Melts" field="melts" type="number" step="1" min="1" required hint="at least 5, for a homogeneous ingot" {...bind('melts')} />
      </MutationForm>
    </Section>
  );
}
