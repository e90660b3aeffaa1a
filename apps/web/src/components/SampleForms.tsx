/**
 * The forms that change a sample: melt-spin a ribbon from an ingot, cut a ribbon into pieces, log
 * a treatment, add a measurement. Each sends what the API's DTO takes (typed from the schema) and
 * shows the API's message at the field it names — the guardrails (anneal at or above Tg, bounds)
 * are the API's, not repeated here.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, unwrap, type Schemas } from '../api/client';
import type { Technique } from '../api/queries';
import { Field, FormError, SelectField } from './Field';

type Sample = Schemas['SampleViewResponse'];

/** After a change to a sample, everything that shows it is stale. */
function useRefreshSample() {
  const queryClient = useQueryClient();
  return () => Promise.all(['sample', 'history', 'lineage', 'samples'].map((k) => queryClient.invalidateQueries({ queryKey: [k] })));
}

const num = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s));
/** An optional datetime-local value as ISO-8601 (the browser's zone), or undefined. */
const when = (s: string): string | undefined => (s ? new Date(s).toISOString() : undefined);

export function SpinForm({ ingot }: { ingot: Sample }) {
  const navigate = useNavigate();
  const refresh = useRefreshSample();
  const [f, setF] = useState({ wheelSpeedMs: '40', thicknessUm: '25', widthMm: '1.5', atmosphere: 'Ar', performedAt: '' });
  const spin = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/samples/{id}/ribbons', {
          params: { path: { id: ingot.id } },
          body: {
            wheelSpeedMs: num(f.wheelSpeedMs),
            thicknessUm: num(f.thicknessUm),
            widthMm: f.widthMm ? num(f.widthMm) : undefined,
            atmosphere: f.atmosphere || undefined,
            performedAt: when(f.performedAt),
          },
        }),
      ),
    onSuccess: async (ribbon) => {
      await refresh();
      void navigate(`/samples/${ribbon.code}`);
    },
  });
  const on = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  return (
    <form className="grid-form" onSubmit={(e: FormEvent) => (e.preventDefault(), spin.mutate())} aria-labelledby="spin-title">
      <h3 id="spin-title">Melt-spin a ribbon</h3>
      <Field
        label="Wheel speed (m/s)"
        field="wheelSpeedMs"
        type="number"
        step="any"
        required
        value={f.wheelSpeedMs}
        onChange={on('wheelSpeedMs')}
        error={spin.error}
      />
      <Field
        label="Thickness (µm)"
        field="thicknessUm"
        type="number"
        step="any"
        required
        value={f.thicknessUm}
        onChange={on('thicknessUm')}
        error={spin.error}
      />
      <Field label="Width (mm)" field="widthMm" type="number" step="any" value={f.widthMm} onChange={on('widthMm')} error={spin.error} />
      <Field label="Atmosphere" field="atmosphere" value={f.atmosphere} onChange={on('atmosphere')} error={spin.error} />
      <Field
        label="Performed at"
        field="performedAt"
        type="datetime-local"
        value={f.performedAt}
        onChange={on('performedAt')}
        error={spin.error}
        hint="leave empty for now"
      />
      <FormError error={spin.error} fields={['wheelSpeedMs', 'thicknessUm', 'widthMm', 'atmosphere', 'performedAt']} />
      <button type="submit" className="primary" disabled={spin.isPending}>
        Spin
      </button>
    </form>
  );
}

export function CutForm({ ribbon }: { ribbon: Sample }) {
  const refresh = useRefreshSample();
  const [f, setF] = useState({ count: '4', lengthMm: '4', massMg: '1.2', performedAt: '' });
  const cut = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/samples/{id}/pieces', {
          params: { path: { id: ribbon.id } },
          body: { count: num(f.count), lengthMm: num(f.lengthMm), massMg: num(f.massMg), performedAt: when(f.performedAt) },
        }),
      ),
    onSuccess: () => refresh(),
  });
  const on = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  return (
    <form className="grid-form" onSubmit={(e: FormEvent) => (e.preventDefault(), cut.mutate())} aria-labelledby="cut-title">
      <h3 id="cut-title">Cut pieces</h3>
      <Field label="Number of pieces" field="count" type="number" step="1" min="1" required value={f.count} onChange={on('count')} error={cut.error} />
      <Field label="Length of each (mm)" field="lengthMm" type="number" step="any" required value={f.lengthMm} onChange={on('lengthMm')} error={cut.error} />
      <Field label="Mass of each (mg)" field="massMg" type="number" step="any" required value={f.massMg} onChange={on('massMg')} error={cut.error} />
      <Field
        label="Performed at"
        field="performedAt"
        type="datetime-local"
        value={f.performedAt}
        onChange={on('performedAt')}
        error={cut.error}
        hint="leave empty for now"
      />
      <FormError error={cut.error} fields={['count', 'lengthMm', 'massMg', 'performedAt']} />
      <button type="submit" className="primary" disabled={cut.isPending}>
        Cut
      </button>
      {cut.data && (
        <p role="status" className="ok">
          Cut {cut.data.length} pieces:{' '}
          {cut.data.map((p, i) => (
            <span key={p.id}>
              {i > 0 && ', '}
              <Link to={`/samples/${p.code}`}>{p.code}</Link>
            </span>
          ))}
          . <Link to={`/labels?codes=${cut.data.map((p) => p.code).join(',')}`}>Print their labels</Link>
        </p>
      )}
    </form>
  );
}

type TreatmentKind = 'ANNEAL' | 'CRYO_CYCLE' | 'CRYSTALLIZE';
const TREATMENT_FIELDS = [
  'kind',
  'targetK',
  'heatingRateKPerMin',
  'holdMin',
  'atmosphere',
  'cooling',
  'override.reason',
  'lowK',
  'highK',
  'cycles',
  'dwellLowS',
  'dwellHighS',
  'performedAt',
];
type TreatmentBody = Schemas['AnnealDto'] | Schemas['CryoCycleDto'] | Schemas['CrystallizeDto'];

export function TreatmentForm({ sample }: { sample: Sample }) {
  const refresh = useRefreshSample();
  const [kind, setKind] = useState<TreatmentKind>('ANNEAL');
  const [f, setF] = useState({
    targetK: '453',
    heatingRateKPerMin: '20',
    holdMin: '1',
    atmosphere: 'Ar',
    cooling: 'water quench',
    reason: '',
    lowK: '77',
    highK: '293',
    cycles: '27',
    dwellLowS: '60',
    dwellHighS: '60',
    performedAt: '',
  });
  const body = (): TreatmentBody => {
    const performedAt = when(f.performedAt);
    if (kind === 'ANNEAL')
      return {
        kind,
        targetK: num(f.targetK),
        heatingRateKPerMin: num(f.heatingRateKPerMin),
        holdMin: num(f.holdMin),
        atmosphere: f.atmosphere,
        cooling: f.cooling,
        performedAt,
        ...(f.reason.trim() ? { override: { reason: f.reason.trim() } } : {}),
      };
    if (kind === 'CRYO_CYCLE')
      return { kind, lowK: num(f.lowK), highK: num(f.highK), cycles: num(f.cycles), dwellLowS: num(f.dwellLowS), dwellHighS: num(f.dwellHighS), performedAt };
    return { kind, targetK: num(f.targetK), holdMin: num(f.holdMin), performedAt };
  };
  const log = useMutation({
    mutationFn: () => unwrap(api.POST('/api/samples/{id}/treatments', { params: { path: { id: sample.id } }, body: body() })),
    onSuccess: () => refresh(),
  });
  const on = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const err = log.error;
  return (
    <form className="grid-form" onSubmit={(e: FormEvent) => (e.preventDefault(), log.mutate())} aria-labelledby="treat-title">
      <h3 id="treat-title">Log a treatment</h3>
      <SelectField
        label="Treatment"
        field="kind"
        value={kind}
        onChange={(e) => (setKind(e.target.value as TreatmentKind), log.reset())}
        error={err}
        options={[
          { value: 'ANNEAL', label: 'Anneal' },
          { value: 'CRYO_CYCLE', label: 'Cryogenic cycling' },
          { value: 'CRYSTALLIZE', label: 'Crystallize' },
        ]}
      />
      {kind !== 'CRYO_CYCLE' && (
        <Field label="Temperature (K)" field="targetK" type="number" step="any" required value={f.targetK} onChange={on('targetK')} error={err} />
      )}
      {kind !== 'CRYO_CYCLE' && (
        <Field label="Hold (min)" field="holdMin" type="number" step="any" min="0" required value={f.holdMin} onChange={on('holdMin')} error={err} />
      )}
      {kind === 'ANNEAL' && (
        <>
          <Field
            label="Heating rate (K/min)"
            field="heatingRateKPerMin"
            type="number"
            step="any"
            required
            value={f.heatingRateKPerMin}
            onChange={on('heatingRateKPerMin')}
            error={err}
          />
          <Field label="Atmosphere" field="atmosphere" required value={f.atmosphere} onChange={on('atmosphere')} error={err} />
          <Field label="Cooling" field="cooling" required value={f.cooling} onChange={on('cooling')} error={err} />
          <Field
            label="Override reason"
            field="override.reason"
            value={f.reason}
            onChange={on('reason')}
            error={err}
            hint="only to anneal at or above the alloy's Tg, deliberately"
          />
        </>
      )}
      {kind === 'CRYO_CYCLE' && (
        <>
          <Field label="Low temperature (K)" field="lowK" type="number" step="any" required value={f.lowK} onChange={on('lowK')} error={err} />
          <Field label="High temperature (K)" field="highK" type="number" step="any" required value={f.highK} onChange={on('highK')} error={err} />
          <Field label="Cycles" field="cycles" type="number" step="1" min="1" required value={f.cycles} onChange={on('cycles')} error={err} />
          <Field label="Dwell at low end (s)" field="dwellLowS" type="number" step="any" required value={f.dwellLowS} onChange={on('dwellLowS')} error={err} />
          <Field
            label="Dwell at high end (s)"
            field="dwellHighS"
            type="number"
            step="any"
            required
            value={f.dwellHighS}
            onChange={on('dwellHighS')}
            error={err}
          />
        </>
      )}
      <Field
        label="Performed at"
        field="performedAt"
        type="datetime-local"
        value={f.performedAt}
        onChange={on('performedAt')}
        error={err}
        hint="leave empty for now"
      />
      <FormError error={err} fields={TREATMENT_FIELDS} />
      <button type="submit" className="primary" disabled={log.isPending}>
        Log treatment
      </button>
      {log.data && (
        <p role="status" className="ok">
          Logged. {sample.code} is now {log.data.sample.state} ({log.data.sample.signature || 'untreated'}).
          {log.data.warnings.map((w) => (
            <span key={w} className="warning">
              {' '}
              {w}
            </span>
          ))}
        </p>
      )}
    </form>
  );
}

const TECHNIQUES: Technique[] = ['MAGNETIC', 'RESISTANCE', 'XRD', 'SAXS', 'DSC'];
const INSTRUMENT: Record<Technique, string> = {
  MAGNETIC: 'MPMS3 SQUID-VSM',
  RESISTANCE: 'PPMS',
  XRD: 'Bruker D8',
  SAXS: 'SAXS beamline',
  DSC: 'Netzsch DSC 404',
};
const MEASUREMENT_FIELDS = [
  'technique',
  'instrument',
  'conditions.mode',
  'conditions.fieldOe',
  'conditions.wavelengthA',
  'conditions.heatingRateKPerMin',
  'performedAt',
];

export function MeasurementForm({ sample }: { sample: Sample }) {
  const queryClient = useQueryClient();
  const [technique, setTechnique] = useState<Technique>('MAGNETIC');
  const [f, setF] = useState({ instrument: '', mode: 'ZFC', fieldOe: '20', wavelengthA: '1.5406', heatingRateKPerMin: '20', performedAt: '' });
  const add = useMutation({
    mutationFn: () => {
      const conditions: Schemas['ConditionsDto'] =
        technique === 'MAGNETIC'
          ? { mode: f.mode as 'ZFC' | 'FC', fieldOe: num(f.fieldOe) }
          : technique === 'RESISTANCE'
            ? {}
            : technique === 'XRD'
              ? { wavelengthA: num(f.wavelengthA) }
              : technique === 'DSC'
                ? { heatingRateKPerMin: num(f.heatingRateKPerMin) }
                : {};
      return unwrap(
        api.POST('/api/measurements', {
          body: { sampleId: sample.id, technique, instrument: f.instrument || INSTRUMENT[technique], conditions, performedAt: when(f.performedAt) },
        }),
      );
    },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['history', sample.id] }),
        queryClient.invalidateQueries({ queryKey: ['measurements', sample.id] }),
      ]),
  });
  const on = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  return (
    <form className="grid-form" onSubmit={(e: FormEvent) => (e.preventDefault(), add.mutate())} aria-labelledby="meas-title">
      <h3 id="meas-title">Add a measurement</h3>
      <SelectField
        label="Technique"
        field="technique"
        value={technique}
        onChange={(e) => setTechnique(e.target.value as Technique)}
        error={add.error}
        options={TECHNIQUES}
      />
      <Field label="Instrument" field="instrument" value={f.instrument} placeholder={INSTRUMENT[technique]} onChange={on('instrument')} error={add.error} />
      {technique === 'MAGNETIC' && (
        <>
          <SelectField label="Mode" field="conditions.mode" value={f.mode} onChange={on('mode')} error={add.error} options={['ZFC', 'FC']} />
          <Field label="Field (Oe)" field="conditions.fieldOe" type="number" step="any" value={f.fieldOe} onChange={on('fieldOe')} error={add.error} />
        </>
      )}
      {technique === 'XRD' && (
        <Field
          label="Wavelength (Å)"
          field="conditions.wavelengthA"
          type="number"
          step="any"
          value={f.wavelengthA}
          onChange={on('wavelengthA')}
          error={add.error}
        />
      )}
      {technique === 'DSC' && (
        <Field
          label="Heating rate (K/min)"
          field="conditions.heatingRateKPerMin"
          type="number"
          step="any"
          value={f.heatingRateKPerMin}
          onChange={on('heatingRateKPerMin')}
          error={add.error}
        />
      )}
      <Field
        label="Measured at"
        field="performedAt"
        type="datetime-local"
        value={f.performedAt}
        onChange={on('performedAt')}
        error={add.error}
        hint="leave empty for now"
      />
      <FormError error={add.error} fields={MEASUREMENT_FIELDS} />
      <button type="submit" className="primary" disabled={add.isPending}>
        Add measurement
      </button>
    </form>
  );
}
