/** The sample's history as an ordered list: every step that shaped it (inherited ones say from which ancestor), its measurements and their analyses. */
import type { Schemas } from '../api/client';

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

export function HistoryTimeline({ events }: { events: Event[] }) {
  return (
    <ol className="timeline">
      {events.map((e) => {
        const l = line(e);
        return (
          <li key={`${e.type}:${e.id}`} className={l.className}>
            <time dateTime={e.at}>{new Date(e.at).toLocaleString()}</time> <strong>{l.what}</strong> <span>{l.detail}</span>
          </li>
        );
      })}
    </ol>
  );
}
