import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { adminSql, databaseUrl } from '../../scripts/pg-admin';

/** Migrates one template database per test run; every e2e file clones it (CREATE DATABASE … TEMPLATE). */
export default async function globalSetup(): Promise<void> {
  const template = `vitrack_tpl_${randomBytes(4).toString('hex')}`;
  await adminSql(`CREATE DATABASE "${template}"`);
  execFileSync('npx', ['prisma', 'migrate', 'deploy'], { env: { ...process.env, DATABASE_URL: databaseUrl(template) }, stdio: 'pipe' });
  process.env.VITRACK_TEMPLATE_DB = template;
}
