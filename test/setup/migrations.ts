import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { adminSql, databaseUrl } from '../../scripts/pg-admin';

const MIGRATIONS = join(__dirname, '..', '..', 'prisma', 'migrations');

/** Every migration's folder name, oldest first (the UTC timestamp prefix sorts them). */
export const migrationNames = (): string[] =>
  readdirSync(MIGRATIONS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();

/**
 * An empty database migrated step by step, for testing what a backfill migration does to rows
 * written before it: `upTo(name)` applies every migration older than `name`, the test seeds
 * old-style rows, then `apply(name)` runs that one. Each file runs as one simple-protocol query,
 * which is one transaction, as `prisma migrate deploy` runs it (so an enum value added by an
 * earlier file is committed before a later file uses it).
 */
export class StepwiseDatabase {
  private applied = new Set<string>();
  private constructor(
    readonly name: string,
    readonly url: string,
    readonly client: Client,
  ) {}

  static async create(): Promise<StepwiseDatabase> {
    const name = `vitrack_m_${randomBytes(5).toString('hex')}`;
    await adminSql(`CREATE DATABASE "${name}"`);
    const url = databaseUrl(name);
    const client = new Client({ connectionString: url });
    await client.connect();
    return new StepwiseDatabase(name, url, client);
  }

  /** Applies, in order, every migration not yet applied that is older than `name`. */
  async upTo(name: string): Promise<void> {
    const all = migrationNames();
    if (!all.includes(name)) throw new Error(`no migration named ${name}`);
    for (const m of all.filter((m) => m < name)) await this.apply(m);
  }

  async apply(name: string): Promise<void> {
    if (this.applied.has(name)) return;
    await this.client.query(readFileSync(join(MIGRATIONS, name, 'migration.sql'), 'utf8'));
    this.applied.add(name);
  }

  /** Applies every migration not yet applied: the schema the application runs on. */
  async rest(): Promise<void> {
    for (const m of migrationNames()) await this.apply(m);
  }

  async drop(): Promise<void> {
    await this.client.end();
    await adminSql(`DROP DATABASE IF EXISTS "${this.name}" WITH (FORCE)`);
  }
}
