import type { PoolClient } from 'pg';
import { AllExceptionsFilter } from '../../src/common/all-exceptions.filter';
import { loadEnv } from '../../src/config/env';
import { Database } from '../../src/infra/database/database';
import { createTestDatabase } from '../setup/test-db';

/**
 * DB_POOL_WAIT_MS bounds how long a statement waits for a connection of its process's pool. Two
 * private one-connection pools, each connection held: the pool told to wait 50 ms gives up (503)
 * while the one told to wait two minutes, asked first, is still waiting, and is served once its
 * connection comes back. Were the setting ignored, both would share one timeout and the pool
 * asked first would give up first.
 */
describe('DB_POOL_WAIT_MS', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let quick: Database;
  let patient: Database;
  const held: PoolClient[] = [];
  const open = (waitMs: string) => new Database(loadEnv({ ...process.env, DATABASE_URL: db.url, DB_POOL_MAX: '1', DB_POOL_WAIT_MS: waitMs }));

  beforeAll(async () => {
    db = await createTestDatabase();
    quick = open('50');
    patient = open('120000');
  });
  afterAll(async () => {
    for (const c of held.splice(0)) c.release();
    await quick?.onModuleDestroy();
    await patient?.onModuleDestroy();
    await db?.drop();
  });

  it('fails a statement with 503 once the pool has had no connection for that long, and no sooner', async () => {
    held.push(await patient.pool.connect(), await quick.pool.connect());
    let patientSettled = false;
    const waiting = patient.ping().finally(() => {
      patientSettled = true;
    });
    const refused = await quick.ping().then(
      () => undefined,
      (e: unknown) => e,
    );

    expect(refused).toBeDefined();
    expect(new AllExceptionsFilter().toBody(refused)).toMatchObject({ statusCode: 503, code: 'DATABASE_UNAVAILABLE', retryAfterS: 2 });
    await new Promise((resolve) => setImmediate(resolve));
    expect(patientSettled).toBe(false);

    held.shift()!.release();
    await expect(waiting).resolves.toBeUndefined();
  });
});
