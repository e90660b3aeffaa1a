import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Headers on every response, the report page, Swagger UI, Bull Board and errors included: same-origin
 * scripts only, no framing (CSP frame-ancestors and X-Frame-Options), no MIME sniffing, no
 * Referer leaving the site. Inline styles stay allowed: the HTML report and Swagger UI use them.
 */
export const SECURITY_HEADERS = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
  // The API is served over plain HTTP behind the lab's TLS proxy, which sets HSTS itself.
  strictTransportSecurity: false,
} as const;

/**
 * The headers helmet sets for SECURITY_HEADERS, worked out once by running its middleware on a
 * stand-in response: with no per-request directive (no nonce) they are the same on every
 * response. helmet also removes X-Powered-By, which neither Node nor Fastify sets.
 */
export function securityHeaderList(): readonly (readonly [string, string])[] {
  const headers: [string, string][] = [];
  const recorder = {
    setHeader: (name: string, value: unknown) => void headers.push([name, String(value)]),
    removeHeader: () => undefined,
  };
  let done = false;
  helmet(SECURITY_HEADERS)({} as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err instanceof Error ? err : new Error('helmet refused its options');
    done = true;
  });
  // A helmet that set something per request, or later, would make the list wrong: refuse to start.
  if (!done || headers.length === 0) throw new Error('helmet did not set its headers synchronously');
  return headers;
}

/**
 * Sets the security headers on every response. @fastify/helmet called helmet(options) on every
 * request, which re-parsed and re-serialised the CSP directives each time (about 5 % of a list
 * request's CPU in the API profile, bench/api-throughput.ts with BENCH_CPU_PROF_DIR); helmet's
 * own middleware, built once, still ran a dozen middlewares per request. They go on the raw
 * response, so a reply Fastify does not write itself (hijacked, streamed) carries them too.
 */
export function useSecurityHeaders(app: NestFastifyApplication): void {
  const headers = securityHeaderList();
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (_req, reply, done) => {
      const raw = reply.raw;
      for (let i = 0; i < headers.length; i++) raw.setHeader(headers[i][0], headers[i][1]);
      done();
    });
}
