import { ForbiddenException, UnauthorizedException } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import { Env } from '../../config/env';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Who may scrape /metrics: the bearer of METRICS_TOKEN when one is set; nobody in production
 * without one; anyone in development and tests. Digests are compared so the comparison takes the
 * same time whatever the length of the guess.
 */
export function assertMetricsAccess(env: Env, authorization: string | undefined): void {
  if (env.METRICS_TOKEN === undefined) {
    if (env.NODE_ENV !== 'production') return;
    throw new ForbiddenException({ message: '/metrics is off in production until METRICS_TOKEN is set', field: 'authorization' });
  }
  const sent = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1];
  if (sent === undefined || !timingSafeEqual(digest(sent), digest(env.METRICS_TOKEN))) {
    throw new UnauthorizedException({ message: 'send METRICS_TOKEN as a bearer token to read /metrics', field: 'authorization' });
  }
}
