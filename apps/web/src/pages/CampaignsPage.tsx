/**
 * Campaigns: the list, and (for a PI of a project, or an ADMIN) designing a new one in a project
 * they lead — factor, levels, planned techniques, hypothesis. A member sees no form (the API
 * refuses them anyway).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { describeFactor, type FactorSpec } from '../../../../libs/charts/src/format';
import { hasRole, useSession } from '../api/auth';
import { api, unwrap } from '../api/client';
import { keys, useAlloys, useCampaigns, useProjects, type Technique } from '../api/queries';
import { DataTable } from '../components/DataTable';
import { Field, SelectField, TextAreaField } from '../components/Field';
import { MutationForm, useFormValues } from '../components/Form';
import { ProjectField } from '../components/ProjectField';
import { Section } from '../components/Section';

const TECHNIQUES: Technique[] = ['MAGNETIC', 'RESISTANCE', 'XRD', 'SAXS', 'DSC'];

export default function CampaignsPage() {
  const campaigns = useCampaigns();
  const session = useSession();
  const projects = useProjects();
  // The projects this user may design a campaign in: those they are PI of (an ADMIN: every one).
  const leads = (projects.data ?? []).filter((p) => p.role === 'PI' || hasRole(session, 'ADMIN'));
  return (
    <main id="main" className="page">
      <h1>Campaigns</h1>
      <DataTable
        label="Campaigns"
        columns={['Name', 'Factor', 'Planned', 'Created']}
        loaded={campaigns.isSuccess}
        rowCount={campaigns.data?.length}
        empty="No campaign yet."
      >
        {campaigns.data?.map((c) => (
          <tr key={c.id}>
            <td>
              <Link to={`/campaigns/${c.id}`}>{c.name}</Link>
            </td>
            <td>{describeFactor(c.factor as FactorSpec)}</td>
            <td>{c.plannedTechniques.join(', ')}</td>
            <td>{new Date(c.createdAt).toLocaleDateString()}</td>
          </tr>
        ))}
      </DataTable>
      {leads.length > 0 && <DesignForm leads={leads} inSeveral={(projects.data?.length ?? 0) > 1} />}
    </main>
  );
}

// Errors on the planned techniques show above the button (the checkboxes have no message slot).
const CAMPAIGN_FIELDS = ['name', 'projectId', 'alloyId', 'factor.kind', 'factor.targetK', 'factor.lowK', 'factor.highK', 'factor.levels', 'hypothesis'];

/** `inSeveral`: the user is in more than one project, so the API needs the project named even when they lead only one. */
function DesignForm({ leads, inSeveral }: { leads: { id: string; name: string }[]; inSeveral: boolean }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { values: f, bind } = useFormValues({
    name: '',
    hypothesis: '',
    kind: 'ANNEAL_HOLD_MIN',
    targetK: '453',
    lowK: '77',
    highK: '293',
    levels: '0, 0.5, 1, 5, 8, 10',
    projectId: '',
  });
  const projectId = inSeveral ? f.projectId || leads[0].id : undefined;
  const [planned, setPlanned] = useState<Technique[]>(['MAGNETIC']);
  const alloys = useAlloys();
  // The alloy picked, else the first one listed (most labs study one alloy at a time).
  const [alloyId, setAlloyId] = useState('');
  const chosenAlloy = alloyId || alloys.data?.[0]?.id || '';
  const create = useMutation({
    mutationFn: () => {
      const levels = f.levels
        .split(/[,\s]+/)
        .filter(Boolean)
        .map(Number);
      const factor =
        f.kind === 'ANNEAL_HOLD_MIN'
          ? { kind: 'ANNEAL_HOLD_MIN' as const, targetK: Number(f.targetK), levels }
          : { kind: 'CRYO_CYCLES' as const, lowK: Number(f.lowK), highK: Number(f.highK), levels };
      return unwrap(
        api.POST('/api/campaigns', { body: { name: f.name, alloyId: chosenAlloy, hypothesis: f.hypothesis, factor, plannedTechniques: planned, projectId } }),
      );
    },
    onSuccess: async (c) => {
      await queryClient.invalidateQueries({ queryKey: keys.campaigns });
      void navigate(`/campaigns/${c.id}`);
    },
  });
  const number = { type: 'number', step: 'any', required: true } as const;
  return (
    <Section title="Design a campaign">
      <MutationForm mutation={create} label="Design a campaign" submit="Create campaign" fields={CAMPAIGN_FIELDS}>
        <Field label="Name" field="name" required {...bind('name')} />
        <ProjectField projects={leads} value={projectId} onChange={bind('projectId').onChange} />
        <SelectField
          label="Alloy"
          field="alloyId"
          value={chosenAlloy}
          onChange={(e) => setAlloyId(e.target.value)}
          options={(alloys.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
        />
        <SelectField
          label="Factor"
          field="factor.kind"
          options={[
            { value: 'ANNEAL_HOLD_MIN', label: 'Anneal hold time' },
            { value: 'CRYO_CYCLES', label: 'Cryogenic cycles' },
          ]}
          {...bind('kind')}
        />
        {f.kind === 'ANNEAL_HOLD_MIN' ? (
          <Field label="Anneal temperature (K)" field="factor.targetK" {...number} {...bind('targetK')} />
        ) : (
          <>
            <Field label="Low temperature (K)" field="factor.lowK" {...number} {...bind('lowK')} />
            <Field label="High temperature (K)" field="factor.highK" {...number} {...bind('highK')} />
          </>
        )}
        <Field
          label={f.kind === 'ANNEAL_HOLD_MIN' ? 'Levels (hold minutes)' : 'Levels (cycles)'}
          field="factor.levels"
          required
          hint="comma-separated; 0 is the untreated baseline"
          {...bind('levels')}
        />
        <fieldset className="checks">
          <legend>Planned techniques</legend>
          {TECHNIQUES.map((t) => (
            <label key={t}>
              <input
                type="checkbox"
                checked={planned.includes(t)}
                onChange={(e) => setPlanned(e.target.checked ? [...planned, t] : planned.filter((p) => p !== t))}
              />{' '}
              {t}
            </label>
          ))}
        </fieldset>
        <TextAreaField label="Hypothesis" field="hypothesis" required rows={3} {...bind('hypothesis')} />
      </MutationForm>
    </Section>
  );
}
