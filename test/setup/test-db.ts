import { randomBytes } from 'node:crypto';
import { adminSql, databaseUrl } from '../../scripts/pg-admin';
import { loadEnv } from '../../src/config/env';
import { Database } from '../../src/infra/database/database';

/** A private database cloned from the migrated template; drop() removes it. */
export async function createTestDatabase(): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const template = process.env.VITRACK_TEMPLATE_DB;
  if (!template) throw new Error('VITRACK_TEMPLATE_DB is not set: run the tests through jest (global setup)');
  const name = `vitrack_t_${randomBytes(5).toString('hex')}`;
  await adminSql(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  return { name, url: databaseUrl(name), drop: () => adminSql(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

export const uniquePrefix = (label: string) => `vt-${label}-${randomBytes(4).toString('hex')}`;

/** The application's own query layer on a test's database, for reading and arranging rows directly (close with onModuleDestroy). */
export const openDatabase = (url: string): Database => new Database(loadEnv({ ...process.env, DATABASE_URL: url, DB_POOL_MAX: '2' }));
