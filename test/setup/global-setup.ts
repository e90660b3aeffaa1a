import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { adminSql, databaseUrl } from '../../scripts/pg-admin';

/**
 * Migrates one template database per test run; every integration and e2e file clones it (CREATE
 * DATABASE … TEMPLATE). Both tiers name this setup, and a run of both makes the template once.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.VITRACK_TEMPLATE_DB) return;
  const template = `vitrack_tpl_${randomBytes(4).toString('hex')}`;
  await adminSql(`CREATE DATABASE "${template}"`);
  execFileSync('npx', ['prisma', 'migrate', 'deploy'], { env: { ...process.env, DATABASE_URL: databaseUrl(template) }, stdio: 'pipe' });
  process.env.VITRACK_TEMPLATE_DB = template;
}
