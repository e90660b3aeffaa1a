import { sql } from 'kysely';
import { loadEnv } from '../../src/config/env';
import { compileOnce, compileOncePerShape } from '../../src/infra/database/compile-once';
import { Database, Executor } from '../../src/infra/database/database';
import { CUSTOM_PLAN, StatementNames } from '../../src/infra/database/prepared-statements';
import { createTestDatabase } from '../setup/test-db';

/** The query layer: named prepared statements with a bounded cache, and the one transaction helper. */
describe('Database', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let one: Database;
  let two: Database;

  beforeAll(async () => {
    db = await createTestDatabase();
    // One connection, so every call below lands on the same server session.
    one = new Database(loadEnv({ ...process.env, DATABASE_URL: db.url, DB_POOL_MAX: '1' }));
    two = new Database(loadEnv({ ...process.env, DATABASE_URL: db.url, DB_POOL_MAX: '2' }));
  });
  afterAll(async () => {
    await one?.onModuleDestroy();
    await two?.onModuleDestroy();
    await db?.drop();
  });

  const prepared = async () => (await sql<{ name: string; statement: string }>`SELECT name, statement FROM pg_prepared_statements`.execute(one.kysely)).rows;

  it('prepares a statement with parameters once per connection and reuses it', async () => {
    const plusOne = (n: number) => sql<{ n: number }>`SELECT ${n}::int + 1 AS n`.execute(one.kysely);
    for (let i = 0; i < 7; i++) expect((await plusOne(i)).rows).toEqual([{ n: i + 1 }]);
    const mine = (await prepared()).filter((s) => s.statement === 'SELECT $1::int + 1 AS n');
    expect(mine).toHaveLength(1);
    expect(mine[0].name).toMatch(/^vt_[0-9a-f]{20}$/);
  });

  it('binds a list as one array parameter, so lists of any length share one prepared statement', async () => {
    const before = one.statementNames.size;
    for (let n = 1; n <= 30; n++) {
      const ids = Array.from({ length: n }, (_, i) => `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`);
      await one.kysely
        .selectFrom('samples')
        .select('id')
        .where('id', '=', sql<string>`ANY(${ids}::uuid[])`)
        .execute();
    }
    expect(one.statementNames.size).toBe(before + 1);
    expect((await prepared()).filter((s) => /"samples"/.test(s.statement))).toHaveLength(1);
  });

  it('runs statements without parameters (BEGIN, COMMIT, the health check) unprepared', async () => {
    await one.transaction(async (trx) => sql`SELECT 2 AS two`.execute(trx));
    await one.ping();
    expect((await prepared()).filter((s) => /^(begin|commit|SELECT 1|SELECT 2)/i.test(s.statement))).toEqual([]);
  });

  it('stops naming new statements at its cap', () => {
    const names = new StatementNames(2);
    expect(names.nameFor('SELECT $1')).toMatch(/^vt_/);
    expect(names.nameFor('SELECT $1, $2')).toMatch(/^vt_/);
    expect(names.nameFor('SELECT $1, $2, $3')).toBeUndefined();
    expect(names.nameFor('SELECT $1')).toMatch(/^vt_/);
    expect(names.size).toBe(2);
  });

  it("compiles a statement once and runs it with each call's arguments, on the pool or in a transaction", async () => {
    let builds = 0;
    const byEntity = compileOnce((db: Executor, entityId: string, limit: number) => {
      builds++;
      return db.selectFrom('audit_log').select(['entityId', 'action']).where('entityId', '=', entityId).orderBy('id').limit(limit);
    });
    await sql`INSERT INTO audit_log ("action", "entityType", "entityId") VALUES ('a1', 'T', 'E1'), ('a2', 'T', 'E1'), ('b1', 'T', 'E2')`.execute(one.kysely);
    expect(await byEntity(one.kysely, 'E1', 5)).toEqual([
      { entityId: 'E1', action: 'a1' },
      { entityId: 'E1', action: 'a2' },
    ]);
    expect(await byEntity(one.kysely, 'E1', 1)).toEqual([{ entityId: 'E1', action: 'a1' }]);
    expect(await one.transaction((trx) => byEntity(trx, 'E2', 5))).toEqual([{ entityId: 'E2', action: 'b1' }]);
    expect(builds).toBe(1);
    const byShape = compileOncePerShape((shape) => (db: Executor, entityId: string) => {
      builds++;
      const q = db.selectFrom('audit_log').select('action').orderBy('id');
      return shape === 'one' ? q.where('entityId', '=', entityId) : q;
    });
    expect(await byShape('one', one.kysely, 'E2')).toEqual([{ action: 'b1' }]);
    expect(await byShape('one', one.kysely, 'E1')).toHaveLength(2);
    expect(await byShape('all', one.kysely, 'ignored')).toHaveLength(3);
    expect(builds).toBe(3);
  });

  it("runs a custom-plan statement unnamed, so PostgreSQL plans it for every call's arguments", async () => {
    expect(new StatementNames().nameFor(`${CUSTOM_PLAN}SELECT $1`)).toBeUndefined();
    const before = one.statementNames.size;
    const byEntity = compileOnce(
      (db: Executor, entityId: string) => db.selectFrom('audit_log').select('action').where('entityId', '=', entityId).orderBy('id'),
      {
        customPlan: true,
      },
    );
    const byShape = compileOncePerShape(
      (shape) => (db: Executor, entityId: string) =>
        db.selectFrom('audit_log').select('action').where('entityType', '=', shape).where('entityId', '=', entityId),
      (shape) => shape === 'custom',
    );
    await sql`INSERT INTO audit_log ("action", "entityType", "entityId") VALUES ('c1', 'custom', 'E3'), ('c2', 'named', 'E3')`.execute(one.kysely);
    for (let i = 0; i < 7; i++) {
      expect(await byEntity(one.kysely, 'E3')).toEqual([{ action: 'c1' }, { action: 'c2' }]);
      expect(await one.transaction((trx) => byEntity(trx, 'E3'))).toHaveLength(2);
      expect(await byShape('custom', one.kysely, 'E3')).toEqual([{ action: 'c1' }]);
      expect(await byShape('named', one.kysely, 'E3')).toEqual([{ action: 'c2' }]);
    }
    expect(one.statementNames.size).toBe(before + 1);
    const mine = (await prepared()).filter((s) => /"audit_log"/.test(s.statement) && /"entityType"/.test(s.statement));
    expect(mine.map((s) => s.statement.startsWith(CUSTOM_PLAN))).toEqual([false]);
    expect((await prepared()).filter((s) => s.statement.startsWith(CUSTOM_PLAN))).toEqual([]);
  });

  it('rolls a transaction back when its work throws', async () => {
    const code = `TX-${Date.now()}`;
    await expect(
      one.transaction(async (trx) => {
        await sql`INSERT INTO audit_log ("action", "entityType", "entityId") VALUES ('test', 'Test', ${code})`.execute(trx);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await one.kysely.selectFrom('audit_log').select('id').where('entityId', '=', code).execute()).toEqual([]);
  });

  it('runs a transaction that lost a deadlock again, so both sides commit', async () => {
    const [a, b] = ['DL-A', 'DL-B'];
    await sql`CREATE TABLE deadlock_probe (k text PRIMARY KEY, n int NOT NULL)`.execute(two.kysely);
    await sql`INSERT INTO deadlock_probe VALUES (${a}, 0), (${b}, 0)`.execute(two.kysely);
    let attempts = 0;
    let release!: () => void;
    const bothHoldFirstLock = new Promise<void>((r) => (release = r));
    let holding = 0;
    const bump = (first: string, second: string) =>
      two.transaction(async (trx) => {
        attempts++;
        await sql`UPDATE deadlock_probe SET n = n + 1 WHERE k = ${first}`.execute(trx);
        if (++holding === 2) release();
        await bothHoldFirstLock;
        await sql`UPDATE deadlock_probe SET n = n + 1 WHERE k = ${second}`.execute(trx);
      });
    await Promise.all([bump(a, b), bump(b, a)]);
    expect(attempts).toBe(3);
    const rows = (await sql<{ k: string; n: number }>`SELECT k, n FROM deadlock_probe ORDER BY k`.execute(two.kysely)).rows;
    expect(rows).toEqual([
      { k: a, n: 2 },
      { k: b, n: 2 },
    ]);
  });
});
