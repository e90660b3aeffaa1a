/**
 * The one place that knows how the browser proves who it is: the API's httpOnly session cookie,
 * which no script here can read (so a script injected into a page cannot steal the session), and
 * the readable CSRF cookie whose value every request echoes in X-CSRF-Token. What is kept in
 * localStorage is only who is signed in (id, email, role, expiry) to draw the right pages, never a
 * credential; the API decides every request, and a 401 ends the local session.
 */
import { useSyncExternalStore } from 'react';

export type Role = 'MEMBER' | 'PI' | 'ADMIN';

export interface Session {
  userId: string;
  email: string;
  role: Role;
  /** Epoch ms at which the session expires. */
  expiresAt: number;
}

const KEY = 'vitrack.user';
const CSRF_COOKIE = 'vitrack_csrf';
const listeners = new Set<() => void>();
let current: Session | null = read();

function read(): Session | null {
  try {
    const raw = localStorage.getItem(KEY);
    const s = raw ? (JSON.parse(raw) as Session) : null;
    return s && s.expiresAt > Date.now() && typeof s.userId === 'string' ? s : null;
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

/** Records a successful login (the API set the cookies). */
export function startSession(login: { user: { id: string; email: string; role: Role }; expiresAt: string }): Session {
  const session: Session = { userId: login.user.id, email: login.user.email, role: login.user.role, expiresAt: Date.parse(login.expiresAt) };
  publish(session);
  return session;
}

/** Forgets the signed-in user here (after logout, or when the API answered 401). */
export function endSession(): void {
  publish(null);
}

export function session(): Session | null {
  if (current && current.expiresAt <= Date.now()) publish(null);
  return current;
}

function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

/** Headers every API request carries: the CSRF token (the session itself travels in the cookie). */
export function authHeaders(): Record<string, string> {
  const csrf = readCookie(CSRF_COOKIE);
  return csrf ? { 'x-csrf-token': csrf } : {};
}

/** The URL of a server-sent event stream: EventSource sends the session cookie, so no token goes in the URL. */
export function streamUrl(path: string): string {
  return path;
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
