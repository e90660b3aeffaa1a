/**
 * Serves the built web app (Vite's output, dist/web) from the API's origin: hashed assets under
 * /assets/ with a year-long cache, and index.html for every route the app's router handles, so a
 * bookmarked /samples/I0001-R1-P03 loads the app. The API (/api), /docs, /health, /metrics and
 * /admin/queues are registered by Nest and Bull Board and stay as they are.
 */
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The repository root, from source (apps/api) or from the build (dist/apps/api). */
const ROOT = existsSync(join(__dirname, '..', '..', 'package.json')) ? join(__dirname, '..', '..') : join(__dirname, '..', '..', '..');

export const DEFAULT_WEB_DIR = join(ROOT, 'dist', 'web');

/** Client-side routes of apps/web/src/app.tsx; each answers with index.html. */
export const WEB_APP_ROUTES = [
  '/',
  '/login',
  '/samples',
  '/samples/*',
  '/upload',
  '/labels',
  '/campaigns',
  '/campaigns/*',
  '/account/tokens',
  '/account/password',
  '/admin',
  '/admin/users',
  '/admin/projects',
  '/shared/*',
];

/**
 * The page's own policy: everything from this origin, nothing inline, nothing from outside
 * (air-gapped labs), no framing. The app needs no exception to it.
 */
export const WEB_APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export async function serveWebApp(app: NestFastifyApplication, dir = DEFAULT_WEB_DIR): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const indexFile = join(dir, 'index.html');
  const built = existsSync(indexFile);
  if (built) {
    await fastify.register(fastifyStatic, {
      root: join(dir, 'assets'),
      prefix: '/assets/',
      decorateReply: false,
      immutable: true,
      maxAge: '365d',
      index: false,
    });
  }
  // Read once at start: the build does not change under a running process.
  const index = built ? readFileSync(indexFile) : undefined;
  const icon = built && existsSync(join(dir, 'favicon.svg')) ? readFileSync(join(dir, 'favicon.svg')) : undefined;
  for (const url of WEB_APP_ROUTES) {
    fastify.get(url, (_req, reply) => {
      if (!index) {
        return reply
          .code(503)
          .type('text/plain; charset=utf-8')
          .send('The web app is not built: run `npm run build` (the API itself is under /api, its docs at /docs).');
      }
      return reply
        .header('cache-control', 'no-cache')
        .header('content-security-policy', WEB_APP_CSP)
        .header('x-content-type-options', 'nosniff')
        .type('text/html; charset=utf-8')
        .send(index);
    });
  }
  fastify.get('/favicon.svg', (_req, reply) =>
    icon ? reply.header('cache-control', 'public, max-age=86400').type('image/svg+xml').send(icon) : reply.code(404).send(),
  );
}
