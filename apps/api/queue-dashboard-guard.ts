import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthService } from '../../src/modules/auth/auth.service';
import { readCookie, SAFE_METHODS, SESSION_COOKIE } from '../../src/modules/auth/session-cookie';

const DASHBOARD = ['admin', 'queues'];

/** Drops trailing dots and whitespace with a loop: `/[.\s]+$/` backtracks quadratically on a long run of dots. */
function trimTrailingDots(s: string): string {
  let end = s.length;
  while (end > 0 && (s[end - 1] === '.' || s[end - 1].trim() === '')) end--;
  return s.slice(0, end);
}

/** Percent-decodes until stable (a doubly encoded `%2561` is still `a` to some proxy), leaving malformed escapes as they are. */
function decodeFully(s: string): string {
  for (let i = 0; i < 4; i++) {
    let next: string;
    try {
      next = decodeURIComponent(s);
    } catch {
      return s;
    }
    if (next === s) return s;
    s = next;
  }
  return s;
}

/**
 * Whether a request path is the queue dashboard under any spelling a router or proxy might take
 * for it: percent-encoded, mixed case, doubled slashes, `;params`, trailing dots, dot segments.
 * Deliberately broader than the router: a spelling that would 404 is refused too.
 */
export function isQueueDashboardPath(url: string): boolean {
  // Every request passes here twice (onRequest, onSend): with no escape and nothing outside ASCII,
  // the path can only name the dashboard if it holds the letters `admin`.
  if (!/admin|%|[^\x00-\x7f]/i.test(url)) return false;
  const path = decodeFully(url.split('?')[0]).toLowerCase().replace(/\\/g, '/');
  const segments: string[] = [];
  for (const raw of path.split('/')) {
    const segment = trimTrailingDots(raw.split(';')[0]);
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return DASHBOARD.every((s, i) => segments[i] === s);
}

/**
 * Whether a cookie-carried request that changes something comes from this site: Bull Board's own
 * page cannot send our CSRF header, so its pause/retry/clean calls are checked by the browser's
 * Sec-Fetch-Site or Origin instead (a cross-site form or fetch has neither as same-origin).
 */
function sameOrigin(req: FastifyRequest): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin';
  const origin = req.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/**
 * Bull Board is mounted outside Nest's guards, so it gets its own check: a valid ADMIN bearer
 * token or session cookie (no query tokens: a browser opens the dashboard signed in). It runs on the route Fastify resolved (what Bull Board will actually
 * serve) and on the normalised raw path, so no encoding of the URL slips past it (issue 12, #1).
 */
export function guardQueueDashboard(app: NestFastifyApplication): void {
  const auth = app.get(AuthService);
  const fastify = app.getHttpAdapter().getInstance();
  // Bull Board's page links Google Fonts; nothing is fetched from outside the lab (and the CSP would refuse it anyway).
  // Both hooks take a callback rather than being async: they run on every request, and an async
  // hook costs Fastify a promise and its continuation each time even when it has nothing to do.
  fastify.addHook('onSend', (req: FastifyRequest, reply: FastifyReply, payload: unknown, done: (err: null, payload: unknown) => void) => {
    if (typeof payload !== 'string' || !isQueueDashboardPath(req.url) || !String(reply.getHeader('content-type') ?? '').includes('text/html'))
      return done(null, payload);
    done(null, payload.replace(/<link[^>]+fonts\.googleapis\.com[^>]*>/g, ''));
  });
  fastify.addHook('onRequest', (req: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void) => {
    const routed = req.routeOptions?.url;
    if (!(routed && isQueueDashboardPath(routed)) && !isQueueDashboardPath(req.url)) return done();
    // A refusal sends the reply itself; only a request let through goes on to the route.
    refuseOutsiders(auth, req, reply).then(
      (refused) => (refused ? undefined : done()),
      (e: unknown) => done(e instanceof Error ? e : new Error(String(e))),
    );
  });
}

/** Sends the 401/403 and answers true when the caller may not use the dashboard. */
async function refuseOutsiders(auth: AuthService, req: FastifyRequest, reply: FastifyReply): Promise<boolean> {
  const refuse = (statusCode: 401 | 403, message: string, field: string): true => {
    void reply.code(statusCode).send({ statusCode, error: statusCode === 401 ? 'Unauthorized' : 'Forbidden', message, field });
    return true;
  };
  const bearer = req.headers.authorization?.match(/^Bearer\s+(.+)$/i)?.[1];
  const cookie = bearer ? undefined : readCookie(req.headers.cookie, SESSION_COOKIE);
  const user = bearer || cookie ? await auth.authenticate((bearer ?? cookie)!) : undefined;
  if (!user || (cookie && !user.sessionId)) return refuse(401, 'the queue dashboard needs an ADMIN token', 'authorization');
  if (user.role !== 'ADMIN') return refuse(403, `the queue dashboard needs the ADMIN role; you are ${user.role}`, 'authorization');
  if (user.scope && user.scope !== 'FULL') return refuse(403, 'the queue dashboard needs a full-scope token', 'authorization');
  if (cookie && !SAFE_METHODS.has(req.method) && !sameOrigin(req)) return refuse(403, 'a change through the dashboard must come from its own page', 'origin');
  return false;
}
