import { sql } from 'kysely';
import { spawnSync } from 'node:child_process';
import { loadEnv } from '../../src/config/env';
import { Database } from '../../src/infra/database/database';
import { adminSql } from '../../scripts/pg-admin';
import { ROOT } from '../../scripts/processes';
import { createTestDatabase } from '../setup/test-db';

/**
 * Timestamps are stored without time zone and mean UTC, and now() / the column defaults follow
 * the session's zone: on a server set to UTC+14, from a Node process set to UTC+14, the one pool
 * must still write, read and default to UTC.
 */
describe('database sessions and timestamps are UTC', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let database: Database;

  beforeAll(async () => {
    db = await createTestDatabase();
    await adminSql(`ALTER DATABASE "${db.name}" SET timezone TO 'Pacific/Kiritimati'`);
    database = new Database(loadEnv({ ...process.env, DATABASE_URL: db.url }));
  });
  afterAll(async () => {
    await database?.onModuleDestroy();
    await db?.drop();
  });

  const hoursFromUtc = (local: string) => Math.abs(Date.parse(`${local}Z`) - Date.now()) / 3_600_000;

  it('pins the session to UTC: now() as a timestamp without time zone is UTC', async () => {
    const { rows } = await sql<{ zone: string; now: string }>`
      SELECT current_setting('TimeZone') AS zone, to_char(now()::timestamp, 'YYYY-MM-DD"T"HH24:MI:SS') AS now`.execute(database.kysely);
    expect(rows[0].zone).toBe('UTC');
    expect(hoursFromUtc(rows[0].now)).toBeLessThan(0.1);
  });

  it('without the pin this server would answer in UTC+14 (the test can fail)', async () => {
    const { Client } = await import('pg');
    const raw = new Client({ connectionString: db.url });
    await raw.connect();
    const { rows } = await raw.query(`SELECT current_setting('TimeZone') AS zone`);
    await raw.end();
    expect(rows[0].zone).toBe('Pacific/Kiritimati');
  });

  it('reads a stored UTC time as that instant and writes a Date as UTC, whatever the zone of the Node process', () => {
    // A process of its own: the zone is read when Node starts, and Jest's process.env is not the process's.
    const script = `
      const { sql } = require('kysely');
      const { loadEnv } = require('./src/config/env');
      const { Database } = require('./src/infra/database/database');
      const database = new Database(loadEnv());
      const instant = new Date('2026-11-27T04:15:08.123Z');
      sql\`SELECT now()::timestamp AS t, '2026-11-27 04:15:08.123456'::timestamp AS fraction,
                 to_char(\${instant}::timestamp, 'YYYY-MM-DD HH24:MI:SS.MS') AS written\`.execute(database.kysely).then(async ({ rows: [row] }) => {
        console.log(JSON.stringify({ offsetMin: new Date(2026, 0, 1).getTimezoneOffset(), t: row.t.getTime(), fraction: row.fraction.toISOString(), written: row.written }));
        await database.onModuleDestroy();
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
    expect(out.written).toBe('2026-11-27 04:15:08.123');
  });
});
