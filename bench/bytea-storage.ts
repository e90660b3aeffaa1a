/**
 * How an instrument file is best stored in PostgreSQL: insert and read time, WAL written and size
 * on disk under pglz (the server default), lz4, no compression, and brotli in the application
 * (what data_files uses: src/infra/file-store/stored-content.ts, with STORAGE EXTERNAL), on a
 * private database that is dropped at the end. Timed on distinct 2,000-point MPMS3 files, as
 * uploaded; sizes also for the real instrument files under test/fixtures/real.
 *
 *   npm run bench:build && node dist/bench/bytea-storage.js
 *
 * Env: BENCH_ROWS (files per method, default 60).
 */
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { realFixtureFiles } from '../scripts/real-fixtures';
import { packContent, StoredContent, unpackContent } from '../src/infra/file-store/stored-content';
import { recordRun } from './history';
import { createBenchDatabase, fixed, machineLine, onCleanup, printTable, runBench } from './pipeline-common';
import { generateFiles } from './pipeline-setup';

const METHODS = ['pglz', 'lz4', 'none', 'brotli'] as const;
type Method = (typeof METHODS)[number];

/** What goes into the column: brotli is packed by the application, the rest left to TOAST. */
const toColumn = async (method: Method, bytes: Buffer): Promise<StoredContent> =>
  method === 'brotli' ? packContent(bytes) : { encoding: 'identity', content: bytes };

async function createTable(pg: Client, name: string, method: Method): Promise<void> {
  await pg.query(`CREATE TABLE ${name} (id serial PRIMARY KEY, encoding text NOT NULL, content bytea)`);
  const external = method === 'none' || method === 'brotli';
  await pg.query(
    external ? `ALTER TABLE ${name} ALTER COLUMN content SET STORAGE EXTERNAL` : `ALTER TABLE ${name} ALTER COLUMN content SET COMPRESSION ${method}`,
  );
}

async function insertAll(pg: Client, name: string, method: Method, files: Buffer[]): Promise<void> {
  for (const f of files) {
    const { encoding, content } = await toColumn(method, f);
    await pg.query(`INSERT INTO ${name} (encoding, content) VALUES ($1, $2)`, [encoding, content]);
  }
}

const sizeShare = async (pg: Client, name: string, files: Buffer[]) =>
  Number((await pg.query<{ bytes: string }>(`SELECT pg_total_relation_size('${name}') AS bytes`)).rows[0].bytes) / files.reduce((a, f) => a + f.length, 0);

const walLsn = async (pg: Client) => (await pg.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn')).rows[0].lsn;

async function main(): Promise<void> {
  const rows = Number(process.env.BENCH_ROWS ?? 60);
  if (!(rows >= 1)) throw new Error('BENCH_ROWS must be ≥ 1');
  console.log(machineLine());
  const files = await Promise.all(generateFiles(rows, 2000).files.map(async (f) => Buffer.from(await f.blob.arrayBuffer())));
  const real = realFixtureFiles().map((f) => readFileSync(f));
  const db = await createBenchDatabase('bytea');
  const pg = new Client({ connectionString: db.url });
  await pg.connect();
  onCleanup(() => pg.end());

  const table: string[][] = [];
  const figures: Record<string, number> = {};
  for (const method of METHODS) {
    const name = `files_${method}`;
    await createTable(pg, name, method);
    await createTable(pg, `real_${method}`, method);
    const lsn = await walLsn(pg);
    let t = performance.now();
    await insertAll(pg, name, method, files);
    const insertMs = (performance.now() - t) / files.length;
    const walKb = Number((await pg.query<{ d: string }>('SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), $1) AS d', [lsn])).rows[0].d) / 1024 / files.length;
    t = performance.now();
    for (let id = 1; id <= files.length; id++)
      await unpackContent((await pg.query<StoredContent>(`SELECT encoding, content FROM ${name} WHERE id = $1`, [id])).rows[0]);
    const readMs = (performance.now() - t) / files.length;
    await insertAll(pg, `real_${method}`, method, real);
    const share = await sizeShare(pg, name, files);
    const realShare = await sizeShare(pg, `real_${method}`, real);
    table.push([method, fixed(insertMs, 1), fixed(readMs, 1), fixed(walKb), `${fixed(100 * share)} %`, `${fixed(100 * realShare)} %`]);
    Object.assign(figures, {
      [`${method}InsertMs`]: insertMs,
      [`${method}ReadMs`]: readMs,
      [`${method}WalKbPerFile`]: walKb,
      [`${method}SizePct`]: 100 * share,
      [`${method}RealSizePct`]: 100 * realShare,
    });
  }
  console.log(
    `\n${files.length} distinct MPMS3 files of ${fixed(files[0].length / 1e6, 2)} MB per method, one at a time (insert = autocommit with fsync, brotli packed in this process first;`,
  );
  console.log(
    `read = SELECT and, for brotli, unpack); on disk also for the ${real.length} real instrument files (${fixed(real.reduce((a, f) => a + f.length, 0) / 1e6, 1)} MB)`,
  );
  printTable(['compression', 'insert ms', 'read ms', 'WAL kB / file', 'on disk / raw (MPMS3)', 'on disk / raw (real files)'], table);
  recordRun('bytea-storage', { rows: files.length }, figures, {});
}

if (require.main === module) runBench(main);
