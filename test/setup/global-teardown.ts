import { adminSql } from '../../scripts/pg-admin';

export default async function globalTeardown(): Promise<void> {
  const template = process.env.VITRACK_TEMPLATE_DB;
  if (template) await adminSql(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
}
