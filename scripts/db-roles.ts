/**
 * The running processes' database role (issue 12, finding 10). Migrations run as the owner of the
 * schema; the API and worker connect as a runtime role that owns nothing, so it can neither
 * `ALTER TABLE … DISABLE TRIGGER` nor `SET session_replication_role` (both need ownership or
 * superuser), and on the append-only tables (those guarded by vitrack_reject_mutation: process
 * steps, the audit log, and any added later) it holds SELECT and INSERT only.
 *
 * Run as the owner after every `prisma migrate deploy` (idempotent; new tables get their grants):
 *   DATABASE_URL=<owner url> APP_DB_ROLE=vitrack_app APP_DB_PASSWORD=… node dist/scripts/db-roles.js
 */
import { Client } from 'pg';

const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;
const quoteIdent = (s: string) => {
  if (!IDENT.test(s)) throw new Error(`not a plain role or database name: ${JSON.stringify(s)} (use lower-case letters, digits and _)`);
  return `"${s}"`;
};
const quoteLiteral = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Creates the runtime role if absent (setting its password when given) and grants it exactly what the processes need. */
export async function grantRuntimeRole(owner: Client, role: string, password?: string): Promise<{ appendOnly: string[] }> {
  const r = quoteIdent(role);
  const database = (await owner.query<{ db: string }>('SELECT current_database() AS db')).rows[0].db;
  const exists = (await owner.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])).rowCount! > 0;
  const pass = password ? ` PASSWORD ${quoteLiteral(password)}` : '';
  await owner.query(`${exists ? 'ALTER' : 'CREATE'} ROLE ${r} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS${pass}`);
  const appendOnly = (
    await owner.query<{ table: string }>(
      `SELECT DISTINCT c.relname AS table FROM pg_trigger t
         JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE p.proname = 'vitrack_reject_mutation' AND n.nspname = 'public' AND NOT t.tgisinternal ORDER BY 1`,
    )
  ).rows.map((row) => row.table);
  const statements = [
    `GRANT CONNECT ON DATABASE "${database.replace(/"/g, '""')}" TO ${r}`,
    `REVOKE CREATE ON SCHEMA public FROM PUBLIC`,
    `REVOKE CREATE ON SCHEMA public FROM ${r}`,
    `GRANT USAGE ON SCHEMA public TO ${r}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`,
    `REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM ${r}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`,
    // Prisma's migration ledger is the owner's business.
    `REVOKE ALL ON TABLE "_prisma_migrations" FROM ${r}`,
    ...appendOnly.map((t) => `REVOKE UPDATE, DELETE ON TABLE ${quoteIdent(t)} FROM ${r}`),
  ];
  for (const s of statements) {
    if (s.includes('_prisma_migrations') && !(await owner.query(`SELECT to_regclass('public._prisma_migrations') AS t`)).rows[0].t) continue;
    await owner.query(s);
  }
  return { appendOnly };
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  const role = process.env.APP_DB_ROLE ?? 'vitrack_app';
  if (!url) throw new Error('DATABASE_URL (the owner, as for migrations) is required');
  const owner = new Client({ connectionString: url });
  await owner.connect();
  try {
    const { appendOnly } = await grantRuntimeRole(owner, role, process.env.APP_DB_PASSWORD || undefined);
    console.log(`runtime role ${role}: read/write on every table, SELECT and INSERT only on ${appendOnly.join(', ')}; owns nothing`);
  } finally {
    await owner.end();
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
