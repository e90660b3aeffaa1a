/** A sample's page at /samples/<code>: what it is, where it comes from and went, what was done to it, and its measurements, live. */
import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useRunEvents } from '../api/events';
import { keys, useHistory, useLineage, useSampleByCode, useSampleMeasurements } from '../api/queries';
import { HistoryTimeline } from '../components/HistoryTimeline';
import { LatestResults } from '../components/LatestResults';
import { MeasurementCard } from '../components/MeasurementCard';
import { CutForm, MeasurementForm, SpinForm, TreatmentForm } from '../components/SampleForms';

export default function SamplePage() {
  const { code = '' } = useParams();
  const sample = useSampleByCode(code);
  const s = sample.data ?? undefined;
  const lineage = useLineage(s?.id);
  const history = useHistory(s?.id);
  const measurements = useSampleMeasurements(s?.id);
  const queryClient = useQueryClient();
  const measurementIds = useMemo(() => new Set((measurements.data ?? []).map((m) => m.id)), [measurements.data]);

  // A run of one of this sample's measurements changed status: refresh the measurements and the timeline.
  useRunEvents((e) => {
    if (!s || !measurementIds.has(e.measurementId)) return;
    void queryClient.invalidateQueries({ queryKey: keys.sampleMeasurements(s.id) });
    void queryClient.invalidateQueries({ queryKey: keys.history(s.id) });
  });

  if (sample.isPending) return <main id="main" className="page" aria-busy="true" />;
  if (!s) {
    return (
      <main id="main" className="page">
        <h1>{code.toUpperCase()}</h1>
        <p>{sample.error ? sample.error.message : 'No sample has this code.'}</p>
        <Link to="/samples">Find samples</Link>
      </main>
    );
  }
  const annealTotals = Object.entries(s.totals.annealMinByK);
  const descendants = lineage.data?.descendants ?? [];
  const pieces = descendants.filter((d) => d.kind === 'PIECE');
  return (
    <main id="main" className="page sample">
      <h1>
        {s.code} <span className="muted">{s.kind.toLowerCase()}</span>
      </h1>
      {measurements.data && <LatestResults measurements={measurements.data} />}
      <dl className="facts">
        <dt>State</dt>
        <dd data-testid="sample-state">{s.state}</dd>
        <dt>Treatment signature</dt>
        <dd className="sig" data-testid="sample-signature">
          {s.signature || '— (untreated)'}
        </dd>
        <dt>Alloy</dt>
        <dd>{s.alloy.name}</dd>
        <dt>Totals</dt>
        <dd>
          {annealTotals.length ? annealTotals.map(([k, min]) => `${min} min at ${k} K`).join(', ') : 'no anneal'}; {s.totals.cryoCycles} cryo cycles
          {s.totals.crystallized ? '; crystallized' : ''}
        </dd>
        {s.massMg !== null && (
          <>
            <dt>Mass</dt>
            <dd>{s.massMg} mg</dd>
          </>
        )}
        {s.flags.length > 0 && (
          <>
            <dt>Flags</dt>
            <dd className="warning">{s.flags.join(', ')}</dd>
          </>
        )}
      </dl>

      <nav aria-label="Lineage" className="lineage">
        <h2>Lineage</h2>
        {(lineage.data?.ancestors.length ?? 0) > 0 && (
          <p>
            From{' '}
            {lineage.data!.ancestors.map((a, i) => (
              <span key={a.id}>
                {i > 0 && ' → '}
                <Link to={`/samples/${a.code}`}>{a.code}</Link>
              </span>
            ))}
          </p>
        )}
        {descendants.length > 0 ? (
          <ul className="codes">
            {descendants.map((d) => (
              <li key={d.id}>
                <Link to={`/samples/${d.code}`}>{d.code}</Link> <span className="muted">{d.state}</span> <span className="sig">{d.signature}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">Nothing made from it yet.</p>
        )}
        <p>
          <Link to={`/labels?codes=${[s.code, ...pieces.map((p) => p.code)].join(',')}`}>
            Print labels{pieces.length ? ` for it and its ${pieces.length} pieces` : ''}
          </Link>
        </p>
      </nav>

      <section aria-labelledby="measurements-title">
        <h2 id="measurements-title">Measurements</h2>
        {measurements.data?.length === 0 && <p className="muted">No measurement yet.</p>}
        <div className="measurements" aria-busy={measurements.isPending}>
          {measurements.data?.map((m) => (
            <MeasurementCard key={m.id} measurement={m} />
          ))}
        </div>
      </section>

      <section aria-labelledby="actions-title" className="actions">
        <h2 id="actions-title">Record</h2>
        <div className="forms">
          {s.kind === 'INGOT' && <SpinForm ingot={s} />}
          {s.kind === 'RIBBON' && <CutForm ribbon={s} />}
          {s.kind !== 'INGOT' && <TreatmentForm sample={s} />}
          <MeasurementForm sample={s} />
        </div>
      </section>

      <section aria-labelledby="history-title">
        <h2 id="history-title">History</h2>
        {history.data && <HistoryTimeline events={history.data.events} sampleId={s.id} />}
      </section>
    </main>
  );
}
