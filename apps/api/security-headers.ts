import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import helmet from 'helmet';

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
 * helmet's middleware, built once. @fastify/helmet called helmet(options) on every request, which
 * re-parsed and re-serialised the CSP directives each time: about 5 % of a list request's CPU in the
 * API profile (bench/api-throughput.ts with BENCH_CPU_PROF_DIR).
 */
export function useSecurityHeaders(app: NestFastifyApplication): void {
  const setHeaders = helmet(SECURITY_HEADERS);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (req, reply, done) => {
      // helmet sets the headers on the raw response; Fastify keeps them when it writes the reply.
      setHeaders(req.raw, reply.raw, (err?: unknown) => done(err instanceof Error ? err : undefined));
    });
}
