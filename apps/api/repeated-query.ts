import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * A query parameter given twice (`?kind=PIECE&kind=RIBBON`, `?limit=1&limit=2`) reaches a route
 * as a list. No route of the API takes a list in its query, so taking one of the values, or
 * failing on the list further on (a 500 before), would hide the caller's mistake: every /api
 * request with a repeated parameter is a 400 naming it, in the body shape of every other 400
 * (src/common/validation.ts fieldError), before authentication and before any route runs.
 */
export function refuseRepeatedQueryParameters(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  // A callback hook, not an async one: it runs on every request, and an async hook costs Fastify a
  // promise and its continuation each time. Having replied, it does not call done.
  fastify.addHook('onRequest', (req, reply, done) => {
    if (!req.url.startsWith('/api/')) return done();
    const query = req.query as Record<string, unknown> | undefined;
    for (const [name, value] of Object.entries(query ?? {})) {
      if (!Array.isArray(value)) continue;
      const message = `${name} was given ${value.length} times; give it once`;
      void reply
        .code(400)
        .header('content-type', 'application/json; charset=utf-8')
        .send({ statusCode: 400, error: 'Bad Request', message: `${name}: ${message}`, field: name, fields: [{ field: name, messages: [message] }] });
      return;
    }
    done();
  });
}
