/**
 * The one place that knows how the browser proves who it is. Today: the login JWT, kept in
 * localStorage (so a scanned QR label opens in a new tab already signed in) and sent as a bearer
 * header; EventSource cannot send headers, so the event stream gets it as `?access_token=`. When
 * the API issues an httpOnly session cookie, only this module changes: headers() returns {},
 * streamUrl() drops the query, and signIn/signOut call the cookie routes.
 */
import { useSyncExternalStore } from 'react';

export type Role = 'MEMBER' | 'PI' | 'ADMIN';

export interface Session {
  token: string;
  userId: string;
  email: string;
  role: Role;
  /** Epoch ms at which the token expires. */
  expiresAt: number;
}

const KEY = 'vitrack.session';
const listeners = new Set<() => void>();
let current: Session | null = read();

function read(): Session | null {
  try {
    const raw = localStorage.getItem(KEY);
    const s = raw ? (JSON.parse(raw) as Session) : null;
    return s && s.expiresAt > Date.now() ? s : null;
  } catch {
    return null;
  }
}

function publish(next: Session | null): void {
  current = next;
  if (next) localStorage.setItem(KEY, JSON.stringify(next));
  else localStorage.removeItem(KEY);
  for (const l of listeners) l();
}

// Another tab signing in or out changes this one too.
window.addEventListener('storage', (e) => {
  if (e.key === KEY) {
    current = read();
    for (const l of listeners) l();
  }
});

/** The claims of a JWT (not verified here: the API verifies every request). */
function claimsOf(token: string): { sub: string; email: string; role: Role; exp?: number } {
  const payload = token.split('.')[1] ?? '';
  const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as { sub: string; email: string; role: Role; exp?: number };
}

/** Records a successful login's token. */
export function startSession(token: string): Session {
  const c = claimsOf(token);
  const session: Session = { token, userId: c.sub, email: c.email, role: c.role, expiresAt: c.exp ? c.exp * 1000 : Date.now() + 12 * 3600_000 };
  publish(session);
  return session;
}

export function endSession(): void {
  publish(null);
}

export function session(): Session | null {
  if (current && current.expiresAt <= Date.now()) publish(null);
  return current;
}

/** Headers every API request carries. */
export function authHeaders(): Record<string, string> {
  const s = session();
  return s ? { authorization: `Bearer ${s.token}` } : {};
}

/** The URL of a server-sent event stream (which cannot carry headers). */
export function streamUrl(path: string): string {
  const s = session();
  const url = new URL(path, window.location.origin);
  if (s) url.searchParams.set('access_token', s.token);
  return url.pathname + url.search;
}

export function useSession(): Session | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}

const RANK: Record<Role, number> = { MEMBER: 0, PI: 1, ADMIN: 2 };

/** Whether the signed-in user holds at least `role` (the API decides; this only hides controls). */
export const hasRole = (s: Session | null, role: Role): boolean => !!s && RANK[s.role] >= RANK[role];
