import { HttpException } from '@nestjs/common';
import { loadEnv } from '../../config/env';
import { assertMetricsAccess } from './metrics-access';

const TOKEN = 'scraper-token-of-at-least-32-characters';
const SECRET = 'a-production-jwt-secret-of-48-random-bytes-xxxxxxxx';

/** The HTTP status assertMetricsAccess answers with, or 200 when it lets the scrape through. */
function statusOf(vars: Record<string, string>, authorization?: string): number {
  try {
    assertMetricsAccess(loadEnv(vars), authorization);
    return 200;
  } catch (e) {
    return (e as HttpException).getStatus();
  }
}

describe('who may read /metrics', () => {
  it('anyone outside production when no token is set', () => {
    expect(statusOf({ NODE_ENV: 'development' })).toBe(200);
    expect(statusOf({ NODE_ENV: 'test' })).toBe(200);
  });

  it('nobody in production without METRICS_TOKEN, with a message naming it', () => {
    expect(statusOf({ NODE_ENV: 'production', JWT_SECRET: SECRET })).toBe(403);
    expect(() => assertMetricsAccess(loadEnv({ NODE_ENV: 'production', JWT_SECRET: SECRET }), undefined)).toThrow(/METRICS_TOKEN/);
  });

  it('only the bearer of METRICS_TOKEN when it is set, in every mode', () => {
    for (const NODE_ENV of ['development', 'production']) {
      const vars = { NODE_ENV, JWT_SECRET: SECRET, METRICS_TOKEN: TOKEN };
      expect(statusOf(vars, `Bearer ${TOKEN}`)).toBe(200);
      expect(statusOf(vars, `bearer ${TOKEN}`)).toBe(200);
      expect(statusOf(vars)).toBe(401);
      expect(statusOf(vars, TOKEN)).toBe(401);
      expect(statusOf(vars, `Bearer ${TOKEN}x`)).toBe(401);
      expect(statusOf(vars, `Bearer ${TOKEN.slice(0, -1)}`)).toBe(401);
    }
  });

  it('refuses a short METRICS_TOKEN at boot, naming the variable', () => {
    expect(() => loadEnv({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
  });
});
