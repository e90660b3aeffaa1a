/**
 * Live analysis-run events from GET /api/events (server-sent events). One EventSource for the
 * whole app, opened while something listens; EventSource reconnects by itself after a drop.
 */
import { useEffect, useRef } from 'react';
import { streamUrl } from './auth';

/** One status change of an analysis run (src/modules/analyses/run-events.ts on the server). */
export interface RunEvent {
  runId: string;
  status: 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED';
  measurementId: string;
  analyzer: string;
  at: string;
  error?: string;
}

type Listener = (e: RunEvent) => void;
const listeners = new Set<Listener>();
let source: EventSource | null = null;

function open(): void {
  if (source) return;
  source = new EventSource(streamUrl('/api/events'));
  source.addEventListener('run', (msg) => {
    const event = JSON.parse((msg as MessageEvent<string>).data) as RunEvent;
    for (const l of listeners) l(event);
  });
}

function close(): void {
  source?.close();
  source = null;
}

/** Calls `onEvent` for every run event while the component is mounted. */
export function useRunEvents(onEvent: Listener): void {
  const ref = useRef(onEvent);
  ref.current = onEvent;
  useEffect(() => {
    const l: Listener = (e) => ref.current(e);
    listeners.add(l);
    open();
    return () => {
      listeners.delete(l);
      if (listeners.size === 0) close();
    };
  }, []);
}
