import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import { freePort } from '../../scripts/pg-admin';
import { AllExceptionsFilter } from '../../src/common/all-exceptions.filter';
import { loadEnv } from '../../src/config/env';
import { compileOnce } from '../../src/infra/database/compile-once';
import { Database, Executor } from '../../src/infra/database/database';
import { createTestDatabase, openDatabase } from '../setup/test-db';

/** Real PostgreSQL errors, each through the one mapper, into the body the API sends. */
describe('driver errors → error bodies', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let database: Database;
  const filter = new AllExceptionsFilter();
  const bodyOf = async (work: Promise<unknown>) => {
    const e = await work.then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(e).toBeDefined();
    return filter.toBody(e);
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    database = openDatabase(db.url);
  });
  afterAll(async () => {
    await database?.onModuleDestroy();
    await db?.drop();
  });

  const alloy = (name: string) => ({ id: randomUUID(), name, composition: '{}', densityGCm3: 5.9, tgK: 474, txK: 493 });

  it('unique violation → 409 naming the column, without the value', async () => {
    await database.kysely.insertInto('alloys').values(alloy('Dup-1')).execute();
    const body = await bodyOf(database.kysely.insertInto('alloys').values(alloy('Dup-1')).execute());
    expect(body).toEqual({ statusCode: 409, error: 'Conflict', code: 'CONFLICT', message: 'a record with this name already exists', field: 'name' });
  });

  it('foreign key to a missing row → 404 naming the column', async () => {
    const missing = randomUUID();
    const body = await bodyOf(
      database.kysely
        .insertInto('measurements')
        .values({ id: randomUUID(), sampleId: missing, technique: 'XRD', instrument: 'x', conditions: '{}', performedAt: new Date(), createdById: missing })
        .execute(),
    );
    expect(body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND', field: 'sampleId' });
    expect(JSON.stringify(body)).not.toContain(missing);
  });

  it('check violation → 422 naming the column; not null → 422; malformed value → 422', async () => {
    await sql`CREATE TABLE probe (n int NOT NULL CONSTRAINT probe_n_check CHECK (n > 0))`.execute(database.kysely);
    expect(await bodyOf(sql`INSERT INTO probe VALUES (${-1})`.execute(database.kysely))).toMatchObject({ statusCode: 422, code: 'INVALID_VALUE', field: 'n' });
    expect(await bodyOf(sql`INSERT INTO probe VALUES (${null})`.execute(database.kysely))).toMatchObject({
      statusCode: 422,
      code: 'INVALID_VALUE',
      field: 'n',
    });
    expect(await bodyOf(database.kysely.selectFrom('samples').select('id').where('id', '=', 'not-a-uuid').execute())).toMatchObject({
      statusCode: 422,
      code: 'INVALID_VALUE',
    });
  });

  it('the append-only trigger (VTA01) → 409 APPEND_ONLY', async () => {
    await sql`INSERT INTO audit_log ("action", "entityType", "entityId") VALUES ('a', 'T', 'x')`.execute(database.kysely);
    expect(await bodyOf(sql`UPDATE audit_log SET action = ${'forged'}`.execute(database.kysely))).toMatchObject({ statusCode: 409, code: 'APPEND_ONLY' });
  });

  it('a serialization failure that outlived the retries → 409 CONFLICT', async () => {
    let attempts = 0;
    const body = await bodyOf(
      database.transaction(async (trx) => {
        attempts++;
        await sql`DO $$ BEGIN RAISE EXCEPTION 'could not serialize access' USING ERRCODE = '40001'; END $$`.execute(trx);
      }),
    );
    expect(attempts).toBe(3);
    expect(body).toMatchObject({ statusCode: 409, code: 'CONFLICT' });
  });

  it('no server on the port → 503 DATABASE_UNAVAILABLE with Retry-After, and no address or driver text in the body', async () => {
    const nowhere = new Database(loadEnv({ ...process.env, DATABASE_URL: `postgresql://postgres@127.0.0.1:${await freePort()}/vitrack` }));
    try {
      const body = await bodyOf(nowhere.ping());
      expect(body).toEqual({
        statusCode: 503,
        error: 'Service Unavailable',
        code: 'DATABASE_UNAVAILABLE',
        message: 'the database is unavailable; try again shortly',
        retryAfterS: 2,
      });
    } finally {
      await nowhere.onModuleDestroy();
    }
  });

  it('compiled-once statements, which run straight on the pool, map the same errors', async () => {
    const insertAlloy = compileOnce((db: Executor, id: string, name: string) =>
      db.insertInto('alloys').values({ id, name, composition: '{}', densityGCm3: 5.9, tgK: 474, txK: 493 }).returning('id'),
    );
    expect(await insertAlloy(database.kysely, randomUUID(), 'Dup-2')).toHaveLength(1);
    expect(await bodyOf(insertAlloy(database.kysely, randomUUID(), 'Dup-2'))).toMatchObject({ statusCode: 409, code: 'CONFLICT', field: 'name' });
    const nowhere = new Database(loadEnv({ ...process.env, DATABASE_URL: `postgresql://postgres@127.0.0.1:${await freePort()}/vitrack` }));
    try {
      expect(await bodyOf(insertAlloy(nowhere.kysely, randomUUID(), 'Dup-3'))).toMatchObject({ statusCode: 503, code: 'DATABASE_UNAVAILABLE', retryAfterS: 2 });
    } finally {
      await nowhere.onModuleDestroy();
    }
  });

  it('every mapped body leaves the SQL out', async () => {
    const body = await bodyOf(sql`SELECT nope FROM samples`.execute(database.kysely));
    expect(body.statusCode).toBe(500);
    expect(JSON.stringify(body)).not.toMatch(/nope|SELECT|samples/);
  });
});
