/**
 * The browser's session: an httpOnly cookie holding the login JWT (which names a server-side
 * session that logout revokes), and a readable CSRF cookie whose value the web app echoes in the
 * X-CSRF-Token header of every state-changing request (double submit, bound to the session by an
 * HMAC, so a value planted by a sibling subdomain does not pass).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'vitrack_session';
export const CSRF_COOKIE = 'vitrack_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** Methods that change nothing, so a cookie alone may carry them. */
export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** One cookie's value from a Cookie header; undefined when absent. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      try {
        return decodeURIComponent(value);
      } catch {
        return value;
      }
    }
  }
  return undefined;
}

/** The CSRF token of a session: HMAC-SHA256 of its id under the server's secret. */
export const csrfTokenFor = (secret: string, sessionId: string): string => createHmac('sha256', secret).update(`csrf:${sessionId}`).digest('base64url');

export function csrfTokenMatches(secret: string, sessionId: string, sent: unknown): boolean {
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(csrfTokenFor(secret, sessionId));
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Set-Cookie values for a new session (maxAgeS > 0) or for clearing it (0). SameSite=Lax: a link
 * from a mail or a scanned label opens signed in, while a cross-site POST carries no cookie;
 * Secure in production (the lab's TLS proxy is in front).
 */
export function sessionCookies(jwt: string, csrf: string, maxAgeS: number, secure: boolean): string[] {
  const tail = `; Path=/; Max-Age=${maxAgeS}; SameSite=Lax${secure ? '; Secure' : ''}`;
  return [`${SESSION_COOKIE}=${jwt}${tail}; HttpOnly`, `${CSRF_COOKIE}=${csrf}${tail}`];
}
