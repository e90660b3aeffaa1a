import { sql } from 'kysely';
import { loadEnv } from '../../src/config/env';
import { Database } from '../../src/infra/database/database';
import { AuditRepository } from '../../src/modules/audit/audit.repository';
import { createTestDatabase } from '../setup/test-db';

const P1 = '00000000-0000-4000-8000-000000000001';
const P2 = '00000000-0000-4000-8000-000000000002';
const EMPTY = '00000000-0000-4000-8000-000000000003';

/** The audit list's project filter: the right rows newest first, planned for each call's projects (never a generic plan). */
describe('AuditRepository.list', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let database: Database;
  let audit: AuditRepository;

  beforeAll(async () => {
    db = await createTestDatabase();
    // One connection, so every call lands on the session whose prepared statements are read below.
    database = new Database(loadEnv({ ...process.env, DATABASE_URL: db.url, DB_POOL_MAX: '1' }));
    audit = new AuditRepository(database);
    await sql`
      INSERT INTO audit_log ("action", "entityType", "entityId", "projectId")
      SELECT 'a' || g, 'Sample', 'E' || (g % 3), CASE WHEN g % 2 = 0 THEN ${P1}::uuid ELSE ${P2}::uuid END
      FROM generate_series(1, 12) g`.execute(database.kysely);
    await sql`INSERT INTO audit_log ("action", "entityType", "entityId", "projectId") VALUES ('global', 'User', 'U1', NULL)`.execute(database.kysely);
  });
  afterAll(async () => {
    await database?.onModuleDestroy();
    await db?.drop();
  });

  const prepared = async () =>
    (await sql<{ statement: string }>`SELECT statement FROM pg_prepared_statements WHERE statement LIKE '%audit_log%'`.execute(database.kysely)).rows;

  it("reads the caller's projects newest first, each call planned for its ids", async () => {
    // Past the five executions after which a named statement may switch to a generic plan.
    for (let i = 0; i < 7; i++) {
      expect((await audit.list(undefined, 4, [P1])).map((e) => e.action)).toEqual(['a12', 'a10', 'a8', 'a6']);
      expect((await audit.list(undefined, 3, [P1, P2])).map((e) => e.action)).toEqual(['a12', 'a11', 'a10']);
      expect(await audit.list(undefined, 50, [EMPTY])).toEqual([]);
      expect((await audit.list('E1', 50, [P2])).map((e) => e.action)).toEqual(['a7', 'a1']);
      expect((await audit.list(undefined, 2, undefined)).map((e) => e.action)).toEqual(['global', 'a12']);
    }
    const entry = (await audit.list(undefined, 1, [P2]))[0];
    expect(entry).toEqual({
      id: expect.any(String),
      at: expect.any(Date),
      actorId: null,
      action: 'a11',
      entityType: 'Sample',
      entityId: 'E2',
      projectId: P2,
      data: null,
    });
    // The entity and ADMIN shapes stay named statements; the projects-only shape is never prepared.
    const statements = (await prepared()).map((s) => s.statement);
    expect(statements.filter((s) => /ANY/.test(s) && !/"entityId" =/.test(s))).toEqual([]);
    expect(statements.filter((s) => /ANY/.test(s) && /"entityId" =/.test(s))).toHaveLength(1);
  });
});
