/** Campaigns: the list, and (for PIs) designing a new one — factor, levels, planned techniques, hypothesis. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { describeFactor, type FactorSpec } from '../../../../libs/charts/src/format';
import { hasRole, useSession } from '../api/auth';
import { api, unwrap } from '../api/client';
import { keys, useAlloys, useCampaigns, type Technique } from '../api/queries';
import { Field, FormError, SelectField } from '../components/Field';

const TECHNIQUES: Technique[] = ['MAGNETIC', 'RESISTANCE', 'XRD', 'SAXS', 'DSC'];

export default function CampaignsPage() {
  const campaigns = useCampaigns();
  const session = useSession();
  return (
    <main id="main" className="page">
      <h1>Campaigns</h1>
      <div className="table-wrap">
        <table aria-label="Campaigns">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Factor</th>
              <th scope="col">Planned</th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
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
          </tbody>
        </table>
      </div>
      {campaigns.data?.length === 0 && <p>No campaign yet.</p>}
      {hasRole(session, 'PI') && <DesignForm />}
    </main>
  );
}

// Errors on the hypothesis or planned techniques show above the button (those controls have no message slot).
const CAMPAIGN_FIELDS = ['name', 'alloyId', 'factor.kind', 'factor.targetK', 'factor.lowK', 'factor.highK', 'factor.levels'];

function DesignForm() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [f, setF] = useState({ name: '', hypothesis: '', kind: 'ANNEAL_HOLD_MIN', targetK: '453', lowK: '77', highK: '293', levels: '0, 0.5, 1, 5, 8, 10' });
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
      return unwrap(api.POST('/api/campaigns', { body: { name: f.name, alloyId: chosenAlloy, hypothesis: f.hypothesis, factor, plannedTechniques: planned } }));
    },
    onSuccess: async (c) => {
      await queryClient.invalidateQueries({ queryKey: keys.campaigns });
      void navigate(`/campaigns/${c.id}`);
    },
  });
  const on = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const err = create.error;
  return (
    <section className="card" aria-labelledby="design-title">
      <h2 id="design-title">Design a campaign</h2>
      <form className="grid-form" onSubmit={(e: FormEvent) => (e.preventDefault(), create.mutate())}>
        <Field label="Name" field="name" required value={f.name} onChange={on('name')} error={err} />
        <SelectField
          label="Alloy"
          field="alloyId"
          value={chosenAlloy}
          onChange={(e) => setAlloyId(e.target.value)}
          error={err}
          options={(alloys.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
        />
        <SelectField
          label="Factor"
          field="factor.kind"
          value={f.kind}
          onChange={on('kind')}
          error={err}
          options={[
            { value: 'ANNEAL_HOLD_MIN', label: 'Anneal hold time' },
            { value: 'CRYO_CYCLES', label: 'Cryogenic cycles' },
          ]}
        />
        {f.kind === 'ANNEAL_HOLD_MIN' ? (
          <Field
            label="Anneal temperature (K)"
            field="factor.targetK"
            type="number"
            step="any"
            required
            value={f.targetK}
            onChange={on('targetK')}
            error={err}
          />
        ) : (
          <>
            <Field label="Low temperature (K)" field="factor.lowK" type="number" step="any" required value={f.lowK} onChange={on('lowK')} error={err} />
            <Field label="High temperature (K)" field="factor.highK" type="number" step="any" required value={f.highK} onChange={on('highK')} error={err} />
          </>
        )}
        <Field
          label={f.kind === 'ANNEAL_HOLD_MIN' ? 'Levels (hold minutes)' : 'Levels (cycles)'}
          field="factor.levels"
          required
          value={f.levels}
          onChange={on('levels')}
          error={err}
          hint="comma-separated; 0 is the untreated baseline"
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
        <div className="field wide">
          <label htmlFor="hypothesis">Hypothesis</label>
          <textarea id="hypothesis" name="hypothesis" required rows={3} value={f.hypothesis} onChange={on('hypothesis')} />
        </div>
        <FormError error={err} fields={CAMPAIGN_FIELDS} />
        <button type="submit" className="primary" disabled={create.isPending}>
          Create campaign
        </button>
      </form>
    </section>
  );
}
