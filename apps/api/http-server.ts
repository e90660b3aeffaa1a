import { FastifyAdapter } from '@nestjs/platform-fastify';
import { createServer, type RequestListener } from 'node:http';
import type { Env } from '../../src/config/env';

/**
 * Fastify on a Node HTTP server that cuts off slow clients: headers within HTTP_HEADERS_TIMEOUT_S,
 * the whole request (a dribbled body included) within HTTP_REQUEST_TIMEOUT_S (408, then the
 * connection closes), idle keep-alive connections after HTTP_KEEPALIVE_TIMEOUT_S. Node checks
 * those deadlines every connectionsCheckingInterval (30 s by default), so the interval follows the
 * shortest of them. Fastify's own default turns the request timeout off.
 */
export function createHttpAdapter(env: Env): FastifyAdapter {
  const headersMs = env.HTTP_HEADERS_TIMEOUT_S * 1000;
  const requestMs = Math.max(env.HTTP_REQUEST_TIMEOUT_S * 1000, headersMs);
  const keepAliveMs = env.HTTP_KEEPALIVE_TIMEOUT_S * 1000;
  return new FastifyAdapter({
    logger: false,
    trustProxy: env.TRUST_PROXY === 'true',
    requestTimeout: requestMs,
    keepAliveTimeout: keepAliveMs,
    // A socket with no traffic at all for the whole request time is closed too.
    connectionTimeout: requestMs,
    serverFactory: (handler: RequestListener) =>
      createServer(
        {
          headersTimeout: headersMs,
          requestTimeout: requestMs,
          keepAliveTimeout: keepAliveMs,
          connectionsCheckingInterval: Math.max(100, Math.min(headersMs, requestMs) / 4),
        },
        handler,
      ),
  });
}
