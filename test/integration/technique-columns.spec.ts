import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { TECHNIQUE_IDS } from '../../libs/analysis/src/techniques';
import { TechniqueColumnsRepository } from '../../src/modules/analyses/technique-columns.repository';
import { Database } from '../../src/infra/database/database';
import { createTestDatabase, openDatabase } from '../setup/test-db';

/**
 * The technique columns are text, not an enum: nothing in the database refuses an unregistered
 * technique, the API does (its DTOs take TECHNIQUE_IDS). This reads back what is stored and not
 * registered, on rows written straight into the tables.
 */
describe('technique columns', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let database: Database;
  let repo: TechniqueColumnsRepository;
  let client: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    database = openDatabase(db.url);
    repo = new TechniqueColumnsRepository(database);
    client = new Client({ connectionString: db.url });
    await client.connect();
    // Rows without their sample and author: foreign keys are not what this spec is about.
    await client.query(`SET session_replication_role = replica`);
  });
  afterAll(async () => {
    await client?.end();
    await database?.onModuleDestroy();
    await db?.drop();
  });

  const measurement = (technique: string) =>
    client.query(
      `INSERT INTO measurements (id, "sampleId", technique, instrument, conditions, "performedAt", "createdById") VALUES ($1, $2, $3, 'probe', '{}', now(), $2)`,
      [randomUUID(), randomUUID(), technique],
    );
  const campaign = (planned: string[]) =>
    client.query(
      `INSERT INTO campaigns (id, name, hypothesis, factor, "plannedTechniques", "createdById", "projectId") VALUES ($1, $2, 'h', '{}', $3, $4, $5)`,
      [randomUUID(), randomUUID(), planned, randomUUID(), randomUUID()],
    );

  it('stores registered ids as they are and finds nothing unregistered', async () => {
    for (const id of TECHNIQUE_IDS) await measurement(id);
    await campaign([...TECHNIQUE_IDS]);
    expect(await repo.unregistered(TECHNIQUE_IDS)).toEqual([]);
    const stored = await client.query<{ technique: string }>(`SELECT DISTINCT technique FROM measurements ORDER BY 1`);
    expect(stored.rows.map((r) => r.technique)).toEqual([...TECHNIQUE_IDS].sort());
  });

  it('names every stored value outside the registry, from measurements and planned techniques', async () => {
    await measurement('TOY');
    await campaign(['MAGNETIC', 'NMR']);
    expect(await repo.unregistered(TECHNIQUE_IDS)).toEqual(['NMR', 'TOY']);
    expect(await repo.unregistered([...TECHNIQUE_IDS, 'TOY', 'NMR'])).toEqual([]);
  });
});
