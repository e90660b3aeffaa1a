import { spawnSync } from 'node:child_process';
import { loadEnv } from '../../src/config/env';
import { PgPool } from '../../src/infra/prisma/pg-pool';
import { PrismaService } from '../../src/infra/prisma/prisma.service';
import { adminSql } from '../../scripts/pg-admin';
import { ROOT } from '../../scripts/processes';
import { createTestDatabase } from '../setup/test-db';

/**
 * Timestamps are stored without time zone and read as UTC, and now() / the column defaults follow
 * the session's zone: on a server set to UTC+14 both connection pools must still write UTC.
 */
describe('database sessions are pinned to UTC', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let pg: PgPool;
  let prisma: PrismaService;

  beforeAll(async () => {
    db = await createTestDatabase();
    await adminSql(`ALTER DATABASE "${db.name}" SET timezone TO 'Pacific/Kiritimati'`);
    const env = loadEnv({ ...process.env, DATABASE_URL: db.url });
    pg = new PgPool(env);
    prisma = new PrismaService(env);
  });
  afterAll(async () => {
    await pg?.onModuleDestroy();
    await prisma?.$disconnect();
    await db?.drop();
  });

  const hoursFromUtc = (local: string) => Math.abs(Date.parse(`${local}Z`) - Date.now()) / 3_600_000;

  it('plain pg: now() as a timestamp without time zone is UTC', async () => {
    const [row] = await pg.query<{ zone: string; now: string }>(
      `SELECT current_setting('TimeZone') AS zone, to_char(now()::timestamp, 'YYYY-MM-DD"T"HH24:MI:SS') AS now`,
    );
    expect(row.zone).toBe('UTC');
    expect(hoursFromUtc(row.now)).toBeLessThan(0.1);
  });

  it('Prisma: the same', async () => {
    const [row] = await prisma.$queryRawUnsafe<{ zone: string; now: string }[]>(
      `SELECT current_setting('TimeZone') AS zone, to_char(now()::timestamp, 'YYYY-MM-DD"T"HH24:MI:SS') AS now`,
    );
    expect(row.zone).toBe('UTC');
    expect(hoursFromUtc(row.now)).toBeLessThan(0.1);
  });

  it('without the pin this server would answer in UTC+14 (the test can fail)', async () => {
    const { Client } = await import('pg');
    const raw = new Client({ connectionString: db.url });
    await raw.connect();
    const { rows } = await raw.query(`SELECT current_setting('TimeZone') AS zone`);
    await raw.end();
    expect(rows[0].zone).toBe('Pacific/Kiritimati');
  });

  it('plain pg reads a stored UTC time as that instant whatever the zone of the Node process', () => {
    // A process of its own: the zone is read when Node starts, and Jest's process.env is not the process's.
    const script = `
      const { loadEnv } = require('./src/config/env');
      const { PgPool } = require('./src/infra/prisma/pg-pool');
      const pg = new PgPool(loadEnv());
      pg.query("SELECT now()::timestamp AS t, '2026-11-27 04:15:08.123456'::timestamp AS fraction").then(async ([row]) => {
        console.log(JSON.stringify({ offsetMin: new Date(2026, 0, 1).getTimezoneOffset(), t: row.t.getTime(), fraction: row.fraction.toISOString() }));
        await pg.onModuleDestroy();
      });`;
    const run = spawnSync(process.execPath, ['-r', '@swc-node/register', '-e', script], {
      cwd: ROOT,
      env: { ...process.env, TZ: 'Pacific/Kiritimati', DATABASE_URL: db.url },
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout);
    expect(out.offsetMin).toBe(-14 * 60);
    expect(Math.abs(out.t - Date.now())).toBeLessThan(60_000);
    expect(out.fraction).toBe('2026-11-27T04:15:08.123Z');
  });
});
