import { loadEnv } from '../../src/config/env';
import { PgPool } from '../../src/infra/prisma/pg-pool';
import { createTestDatabase } from '../setup/test-db';

/** The plain-pg pool prepares each statement once per connection and reuses it afterwards. */
describe('PgPool prepared statements', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let pg: PgPool;

  beforeAll(async () => {
    db = await createTestDatabase();
    // One connection, so every call below lands on the same server session.
    pg = new PgPool(loadEnv({ ...process.env, DATABASE_URL: db.url, DB_POOL_MAX: '1' }));
  });
  afterAll(async () => {
    await pg?.onModuleDestroy();
    await db?.drop();
  });

  const SQL = 'SELECT $1::int + 1 AS n';
  const prepared = () => pg.query<{ name: string; statement: string }>('SELECT name, statement FROM pg_prepared_statements');

  it('runs a statement with its parameters and prepares it on the server once', async () => {
    for (let i = 0; i < 7; i++) expect(await pg.query<{ n: number }>(SQL, [i])).toEqual([{ n: i + 1 }]);
    const mine = (await prepared()).filter((s) => s.statement === SQL);
    expect(mine).toHaveLength(1);
    expect(mine[0].name).toMatch(/^vt_[0-9a-f]{20}$/);
  });

  it('gives two statements two names', async () => {
    await pg.query('SELECT $1::text AS t', ['x']);
    const names = (await prepared()).filter((s) => s.statement === SQL || s.statement === 'SELECT $1::text AS t').map((s) => s.name);
    expect(new Set(names).size).toBe(2);
  });
});
