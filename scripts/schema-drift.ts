/**
 * `npm run db:drift`: whether prisma/schema.prisma still describes what the migrations build. The
 * migrations are hand-written SQL, so nothing else notices when the two part (a relation's onDelete,
 * an index, a default). It applies every migration to a fresh database, asks Prisma for the SQL that
 * would take the migrations' schema to the datamodel's (`migrate diff`, on the WASM engine: no
 * download), and prints what is left once PostgreSQL has confirmed the statements that change
 * nothing. Exit 0: no drift; 2: drift (the statements are printed); 1: the check itself failed.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { adminSql, databaseUrl } from './pg-admin';
import { ROOT } from './processes';

export const SCHEMA = join(ROOT, 'prisma', 'schema.prisma');
const MIGRATIONS = join(ROOT, 'prisma', 'migrations');
const PRISMA = join(ROOT, 'node_modules', '.bin', 'prisma');

function prisma(args: string[], url: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(PRISMA, args, { cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, encoding: 'utf8' });
  if (r.error) throw r.error;
  return r;
}

/** The statements of a `migrate diff --script` output, without its `-- …` headings. */
export function scriptStatements(script: string): string[] {
  const code = script
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('--'))
    .join('\n');
  return code
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const droppedIndex = (s: string) => /^DROP INDEX "([^"]+)"$/.exec(s)?.[1];
const createdIndex = (s: string) => /^CREATE (?:UNIQUE )?INDEX "([^"]+)" ON /.exec(s)?.[1];

/**
 * The index `create` would build, as PostgreSQL spells it: built in a transaction that is rolled back,
 * in place of the index of that name.
 */
async function canonicalIndex(client: Client, name: string, create: string): Promise<string> {
  await client.query('BEGIN');
  try {
    await client.query(`DROP INDEX "${name}"`);
    await client.query(create);
    const { rows } = await client.query<{ def: string }>('SELECT pg_get_indexdef(to_regclass($1)) AS def', [`"${name}"`]);
    return rows[0].def;
  } finally {
    await client.query('ROLLBACK');
  }
}

/**
 * Leaves out each index the diff drops and creates again exactly as it was. Prisma's schema describer
 * does not read the operator class of a B-tree index, so an index the datamodel declares with
 * `ops: raw("text_pattern_ops")` always comes out as "drop and recreate" (prisma/prisma#28214)
 * although the migrations built it as declared; PostgreSQL, not a text comparison, says it is the same.
 */
async function withoutRecreatedIndexes(client: Client, statements: string[]): Promise<string[]> {
  const dropped = new Set(statements.map(droppedIndex).filter((n): n is string => n !== undefined));
  const unchanged = new Set<string>();
  for (const s of statements) {
    const name = createdIndex(s);
    if (name === undefined || !dropped.has(name)) continue;
    const { rows } = await client.query<{ def: string }>('SELECT pg_get_indexdef(to_regclass($1)) AS def', [`"${name}"`]);
    if (rows[0]?.def && rows[0].def === (await canonicalIndex(client, name, s))) unchanged.add(name);
  }
  return statements.filter((s) => !unchanged.has(droppedIndex(s) ?? createdIndex(s) ?? ''));
}

/** The statements that would bring the migrated schema to `schemaPath`'s datamodel: none when they agree. */
export async function schemaDrift(schemaPath: string = SCHEMA): Promise<string[]> {
  const name = `vitrack_drift_${randomBytes(5).toString('hex')}`;
  const url = databaseUrl(name);
  await adminSql(`CREATE DATABASE "${name}"`);
  try {
    const deploy = prisma(['migrate', 'deploy'], url);
    if (deploy.status !== 0) throw new Error(`migrate deploy failed:\n${deploy.stdout}${deploy.stderr}`);
    // --from-migrations replays them on a shadow database that prisma.config.ts's factory creates and drops.
    const diff = prisma(['migrate', 'diff', '--from-migrations', MIGRATIONS, '--to-schema-datamodel', schemaPath, '--script', '--exit-code'], url);
    if (diff.status === 0) return [];
    if (diff.status !== 2) throw new Error(`migrate diff failed (exit ${diff.status}):\n${diff.stderr}`);
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return await withoutRecreatedIndexes(client, scriptStatements(diff.stdout));
    } finally {
      await client.end();
    }
  } finally {
    await adminSql(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

if (require.main === module) {
  schemaDrift(process.argv[2]).then(
    (statements) => {
      if (statements.length === 0) {
        console.log('no drift: prisma/schema.prisma describes what the migrations build');
        return;
      }
      console.error(`drift: the migrations build another schema than schema.prisma says; to reach the datamodel:\n\n${statements.join(';\n\n')};`);
      process.exitCode = 2;
    },
    (e: Error) => {
      console.error(`schema drift check failed: ${e.message}`);
      process.exitCode = 1;
    },
  );
}
