import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { realFixtureFiles } from '../../scripts/real-fixtures';
import { loadEnv } from '../../src/config/env';
import { packContent, StoredContent, unpackContent } from '../../src/infra/file-store/stored-content';
import { Database } from '../../src/infra/database/database';
import { compressStoredFiles } from '../../src/modules/measurements/compress-stored-files';
import { MeasurementsRepository } from '../../src/modules/measurements/measurements.repository';
import { createTestDatabase } from '../setup/test-db';

/** Files stored before uploads were compressed are rewritten as brotli, and read back the same. */
describe('compressStoredFiles', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let database: Database;
  let files: MeasurementsRepository;
  let raw: Client;
  const legacy = realFixtureFiles('mpms')
    .slice(0, 3)
    .map((f) => readFileSync(f));
  const noise = randomBytes(32 * 1024);
  const ids = new Map<Buffer, string>();

  const insert = async (bytes: Buffer, stored: StoredContent) => {
    const id = randomUUID();
    ids.set(bytes, id);
    const sha = createHash('sha256').update(bytes).digest('hex');
    await raw.query('INSERT INTO data_files (id, sha256, "sizeBytes", encoding, content) VALUES ($1, $2, $3, $4, $5)', [
      id,
      sha,
      bytes.length,
      stored.encoding,
      stored.content,
    ]);
  };
  const row = async (bytes: Buffer) => (await raw.query<StoredContent>('SELECT encoding, content FROM data_files WHERE id = $1', [ids.get(bytes)])).rows[0];

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = loadEnv({ ...process.env, DATABASE_URL: db.url });
    database = new Database(env);
    files = new MeasurementsRepository(database);
    raw = new Client({ connectionString: db.url });
    await raw.connect();
    // Stored as before the brotli migration: identity, compressed by PostgreSQL (lz4) where it can.
    await raw.query('ALTER TABLE data_files ALTER COLUMN content SET STORAGE EXTENDED');
    for (const bytes of [...legacy, noise]) await insert(bytes, { encoding: 'identity', content: bytes });
  });
  afterAll(async () => {
    await raw?.end();
    await database?.onModuleDestroy();
    await db?.drop();
  });

  it('compresses every legacy text file, keeps incompressible bytes as they are, and every file reads back exactly', async () => {
    const already = readFileSync(realFixtureFiles('ppms')[0]);
    await insert(already, await packContent(already));
    const batches: number[] = [];
    const report = await compressStoredFiles(files, { batch: 2, onBatch: (r) => batches.push(r.examined) });
    expect(report).toMatchObject({ examined: 4, compressed: 3, keptAsIs: 1 });
    expect(batches).toEqual([2, 4]);
    expect(report.storedAfter).toBeLessThan(0.75 * report.storedBefore);
    for (const bytes of legacy) {
      const stored = await row(bytes);
      expect(stored.encoding).toBe('br');
      expect((await unpackContent(stored)).equals(bytes)).toBe(true);
    }
    expect(await row(noise)).toEqual({ encoding: 'identity', content: noise });
    expect((await unpackContent(await row(already))).equals(already)).toBe(true);
  });

  it('finds nothing more to do when run again', async () => {
    expect(await compressStoredFiles(files)).toMatchObject({ examined: 1, compressed: 0, keptAsIs: 1 });
  });
});
