/**
 * The sample's history as an ordered list: every step that shaped it (inherited ones say from which
 * ancestor), its measurements and their analyses; retracted entries struck through with the reason,
 * the others (the sample's own steps, its measurements) with a way to retract them.
 */
import type { Schemas } from '../api/client';
import { RetractButton, RetractionNote, type RetractTarget } from './Retract';

type Event = Schemas['HistoryResponse']['events'][number];

const fmt = (v: unknown) => (typeof v === 'number' ? String(Number(v.toPrecision(6))) : String(v));

/** A step's parameters in words with units, e.g. "453 K for 5 min at 20 K/min, Ar, water quench". */
export function describeParams(kind: string, params: Record<string, unknown>): string {
  const p = params;
  switch (kind) {
    case 'ANNEAL':
      return `${fmt(p.targetK)} K for ${fmt(p.holdMin)} min at ${fmt(p.heatingRateKPerMin)} K/min, ${fmt(p.atmosphere)}, ${fmt(p.cooling)}`;
    case 'CRYO_CYCLE':
      return `${fmt(p.cycles)} cycles ${fmt(p.lowK)} K ↔ ${fmt(p.highK)} K, dwell ${fmt(p.dwellLowS)} s / ${fmt(p.dwellHighS)} s`;
    case 'CRYSTALLIZE':
      return `${fmt(p.targetK)} K for ${fmt(p.holdMin)} min`;
    case 'ARC_MELT':
      return `${fmt(p.massG)} g, ${fmt(p.melts)} melts`;
    case 'MELT_SPIN':
      return `wheel ${fmt(p.wheelSpeedMs)} m/s, ${fmt(p.thicknessUm)} µm thick`;
    case 'CUT':
      return `${fmt(p.lengthMm)} mm, ${fmt(p.massMg)} mg from ${fmt(p.fromCode)}`;
    default:
      return Object.entries(p)
        .map(([k, v]) => `${k} ${fmt(v)}`)
        .join(', ');
  }
}

function line(e: Event): { what: string; detail: string; className: string } {
  switch (e.type) {
    case 'STEP':
      return {
        what: e.kind.replace('_', ' ').toLowerCase(),
        detail: `${describeParams(e.kind, e.params ?? {})}${e.inherited ? ` — on ${e.sampleCode}` : ''}${e.flags.length ? ` — flagged ${e.flags.join(', ')}` : ''}${e.overrideReason ? ` (override: ${e.overrideReason})` : ''}`,
        className: `step${e.inherited ? ' inherited' : ''}`,
      };
    case 'MEASUREMENT':
      return { what: `${e.technique} measurement`, detail: e.instrument, className: 'measurement' };
    case 'ANALYSIS':
      return {
        what: `analysis ${e.status.toLowerCase()}`,
        detail: `${e.analyzer}@${e.analyzerVersion}${e.error ? `: ${e.error}` : ''}`,
        className: `analysis ${e.status.toLowerCase()}`,
      };
  }
}

/** What a person may retract from this sample's page: its own steps (not inherited, not the arc-melt) and its measurements. */
function targetOf(e: Event, sampleId: string): RetractTarget | undefined {
  if (e.retracted) return undefined;
  if (e.type === 'STEP' && !e.inherited && e.kind !== 'ARC_MELT') return { kind: 'step', sampleId, stepId: e.id };
  if (e.type === 'MEASUREMENT') return { kind: 'measurement', measurementId: e.id };
  return undefined;
}

export function HistoryTimeline({ events, sampleId }: { events: Event[]; sampleId: string }) {
  return (
    <ol className="timeline">
      {events.map((e) => {
        const l = line(e);
        const target = targetOf(e, sampleId);
        const body = (
          <>
            <strong>{l.what}</strong> <span>{l.detail}</span>
          </>
        );
        return (
          <li key={`${e.type}:${e.id}`} className={`${l.className}${e.retracted ? ' retracted' : ''}`} data-event={e.type}>
            <time dateTime={e.at}>{new Date(e.at).toLocaleString()}</time> {e.retracted ? <del>{body}</del> : body}
            {e.retraction && (
              <>
                {' '}
                <RetractionNote retraction={e.retraction} />
              </>
            )}
            {target && <RetractButton target={target} what={`the ${l.what} of ${new Date(e.at).toLocaleString()}`} />}
          </li>
        );
      })}
    </ol>
  );
}
