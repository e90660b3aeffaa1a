/**
 * The forms that change a sample: melt-spin a ribbon from an ingot, cut a ribbon into pieces, log
 * a treatment, add a measurement. Each sends what the API's DTO takes (typed from the schema) and
 * shows the API's message at the field it names — the guardrails (anneal at or above Tg, bounds)
 * are the API's, not repeated here.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, unwrap, type Schemas } from '../api/client';
import type { Technique } from '../api/queries';
import { Field, SelectField } from './Field';
import { MutationForm, useFormValues } from './Form';

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
  const { values: f, bind } = useFormValues({ wheelSpeedMs: '40', thicknessUm: '25', widthMm: '1.5', atmosphere: 'Ar', performedAt: '' });
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
  return (
    <MutationForm mutation={spin} title="Melt-spin a ribbon" submit="Spin" fields={['wheelSpeedMs', 'thicknessUm', 'widthMm', 'atmosphere', 'performedAt']}>
      <Field label="Wheel speed (m/s)" field="wheelSpeedMs" type="number" step="any" required {...bind('wheelSpeedMs')} />
      <Field label="Thickness (µm)" field="thicknessUm" type="number" step="any" required {...bind('thicknessUm')} />
      <Field label="Width (mm)" field="widthMm" type="number" step="any" {...bind('widthMm')} />
      <Field label="Atmosphere" field="atmosphere" {...bind('atmosphere')} />
      <PerformedAt {...bind('performedAt')} />
    </MutationForm>
  );
}

/** When a step or measurement happened; empty means now. */
function PerformedAt({ label = 'Performed at', ...bound }: { label?: string; value: string; onChange: (e: { target: { value: string } }) => void }) {
  return <Field label={label} field="performedAt" type="datetime-local" hint="leave empty for now" {...bound} />;
}

export function CutForm({ ribbon }: { ribbon: Sample }) {
  const refresh = useRefreshSample();
  const { values: f, bind } = useFormValues({ count: '4', lengthMm: '4', massMg: '1.2', performedAt: '' });
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
  const done = cut.data && (
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
  );
  return (
    <MutationForm mutation={cut} title="Cut pieces" submit="Cut" fields={['count', 'lengthMm', 'massMg', 'performedAt']} after={done}>
      <Field label="Number of pieces" field="count" type="number" step="1" min="1" required {...bind('count')} />
      <Field label="Length of each (mm)" field="lengthMm" type="number" step="any" required {...bind('lengthMm')} />
      <Field label="Mass of each (mg)" field="massMg" type="number" step="any" required {...bind('massMg')} />
      <PerformedAt {...bind('performedAt')} />
    </MutationForm>
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
  const { values: f, bind } = useFormValues({
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
  const done = log.data && (
    <p role="status" className="ok">
      Logged. {sample.code} is now {log.data.sample.state} ({log.data.sample.signature || 'untreated'}).
      {log.data.warnings.map((w) => (
        <span key={w} className="warning">
          {' '}
          {w}
        </span>
      ))}
    </p>
  );
  const number = { type: 'number', step: 'any', required: true } as const;
  return (
    <MutationForm mutation={log} title="Log a treatment" submit="Log treatment" fields={TREATMENT_FIELDS} after={done}>
      <SelectField
        label="Treatment"
        field="kind"
        value={kind}
        onChange={(e) => (setKind(e.target.value as TreatmentKind), log.reset())}
        options={[
          { value: 'ANNEAL', label: 'Anneal' },
          { value: 'CRYO_CYCLE', label: 'Cryogenic cycling' },
          { value: 'CRYSTALLIZE', label: 'Crystallize' },
        ]}
      />
      {kind !== 'CRYO_CYCLE' && (
        <>
          <Field label="Temperature (K)" field="targetK" {...number} {...bind('targetK')} />
          <Field label="Hold (min)" field="holdMin" min="0" {...number} {...bind('holdMin')} />
        </>
      )}
      {kind === 'ANNEAL' && (
        <>
          <Field label="Heating rate (K/min)" field="heatingRateKPerMin" {...number} {...bind('heatingRateKPerMin')} />
          <Field label="Atmosphere" field="atmosphere" required {...bind('atmosphere')} />
          <Field label="Cooling" field="cooling" required {...bind('cooling')} />
          <Field label="Override reason" field="override.reason" hint="only to anneal at or above the alloy's Tg, deliberately" {...bind('reason')} />
        </>
      )}
      {kind === 'CRYO_CYCLE' && (
        <>
          <Field label="Low temperature (K)" field="lowK" {...number} {...bind('lowK')} />
          <Field label="High temperature (K)" field="highK" {...number} {...bind('highK')} />
          <Field label="Cycles" field="cycles" {...number} step="1" min="1" {...bind('cycles')} />
          <Field label="Dwell at low end (s)" field="dwellLowS" {...number} {...bind('dwellLowS')} />
          <Field label="Dwell at high end (s)" field="dwellHighS" {...number} {...bind('dwellHighS')} />
        </>
      )}
      <PerformedAt {...bind('performedAt')} />
    </MutationForm>
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
  const { values: f, bind } = useFormValues({ instrument: '', mode: 'ZFC', fieldOe: '20', wavelengthA: '1.5406', heatingRateKPerMin: '20', performedAt: '' });
  const add = useMutation({
    mutationFn: () => {
      const conditions: Schemas['ConditionsDto'] =
        technique === 'MAGNETIC'
          ? { mode: f.mode as 'ZFC' | 'FC', fieldOe: num(f.fieldOe) }
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
  const number = { type: 'number', step: 'any' } as const;
  return (
    <MutationForm mutation={add} title="Add a measurement" submit="Add measurement" fields={MEASUREMENT_FIELDS}>
      <SelectField label="Technique" field="technique" value={technique} onChange={(e) => setTechnique(e.target.value as Technique)} options={TECHNIQUES} />
      <Field label="Instrument" field="instrument" placeholder={INSTRUMENT[technique]} {...bind('instrument')} />
      {technique === 'MAGNETIC' && (
        <>
          <SelectField label="Mode" field="conditions.mode" options={['ZFC', 'FC']} {...bind('mode')} />
          <Field label="Field (Oe)" field="conditions.fieldOe" {...number} {...bind('fieldOe')} />
        </>
      )}
      {technique === 'XRD' && <Field label="Wavelength (Å)" field="conditions.wavelengthA" {...number} {...bind('wavelengthA')} />}
      {technique === 'DSC' && <Field label="Heating rate (K/min)" field="conditions.heatingRateKPerMin" {...number} {...bind('heatingRateKPerMin')} />}
      <PerformedAt label="Measured at" {...bind('performedAt')} />
    </MutationForm>
  );
}
