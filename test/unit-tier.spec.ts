import { execFileSync } from 'node:child_process';
import { join, relative } from 'node:path';

import Redis from 'ioredis';
import { Client } from 'pg';

import { ROOT } from '../scripts/processes';

import { UNIT_NETWORK_ERROR } from './setup/unit-environment';

/**
 * The unit tier runs with no database and no Redis: its environment points the service URLs at a
 * closed port and refuses any network connection, so `npm run test:unit` passing is the proof that
 * no unit spec needs PostgreSQL or Redis, even while the machine's own services are up.
 */
describe('unit tier', () => {
  it('points the service URLs at a closed port', () => {
    expect(process.env.DATABASE_URL).toMatch(/^postgresql:\/\/postgres@127\.0\.0\.1:9\//);
    expect(process.env.REDIS_URL).toBe('redis://127.0.0.1:9');
    expect(process.env.VITRACK_TEMPLATE_DB).toBeUndefined();
  });

  it('refuses a PostgreSQL connection, even to the running server', async () => {
    const client = new Client({ connectionString: 'postgresql://postgres@127.0.0.1:5432/postgres' });
    await expect(client.connect()).rejects.toThrow(UNIT_NETWORK_ERROR);
  });

  it('refuses a Redis connection, even to the running server', async () => {
    const redis = new Redis('redis://127.0.0.1:6379', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    try {
      await expect(redis.connect()).rejects.toThrow(UNIT_NETWORK_ERROR);
    } finally {
      redis.disconnect();
    }
  });
});

describe('test tiers', () => {
  const jest = join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
  const listTests = (project: string): string[] =>
    (
      JSON.parse(
        execFileSync(process.execPath, [jest, '--selectProjects', project, '--listTests', '--json'], {
          cwd: ROOT,
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
        }),
      ) as string[]
    ).map((f) => relative(ROOT, f));

  it('run every spec file of the repository in exactly one tier', () => {
    const specs = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.spec.ts', '*.e2e-spec.ts'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .sort();
    const tiers = Object.fromEntries(['unit', 'integration', 'e2e'].map((p) => [p, listTests(p)]));
    const inTiers = Object.values(tiers).flat().sort();
    // A spec in no tier never runs; one in two runs with the wrong setup once.
    expect(specs.filter((f) => !inTiers.includes(f))).toEqual([]);
    expect(inTiers.filter((f, i) => inTiers[i - 1] === f)).toEqual([]);
    expect(tiers.integration.every((f) => f.startsWith('test/integration/'))).toBe(true);
    expect(tiers.unit.some((f) => f.startsWith('test/e2e/') || f.startsWith('test/integration/'))).toBe(false);
  });
});
