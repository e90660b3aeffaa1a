/**
 * How PostgreSQL stores a 0.72 MB instrument file: insert and read time and size on disk under
 * pglz (the server default), lz4 (what data_files.content uses) and no compression, on a private
 * database that is dropped at the end. The bytes are distinct 2,000-point MPMS3 files, as uploaded.
 *
 *   npx tsc -p tsconfig.build.json && node dist/bench/bytea-storage.js
 *
 * Env: BENCH_ROWS (files per method, default 60).
 */
import { Client } from 'pg';
import { recordRun } from './history';
import { createBenchDatabase, fixed, machineLine, onCleanup, printTable, runBench } from './pipeline-common';
import { generateFiles } from './pipeline-setup';

const METHODS = ['pglz', 'lz4', 'none'] as const;

async function main(): Promise<void> {
  const rows = Number(process.env.BENCH_ROWS ?? 60);
  if (!(rows >= 1)) throw new Error('BENCH_ROWS must be ≥ 1');
  console.log(machineLine());
  const files = await Promise.all(generateFiles(rows, 2000).files.map(async (f) => Buffer.from(await f.blob.arrayBuffer())));
  const db = await createBenchDatabase('bytea');
  const pg = new Client({ connectionString: db.url });
  await pg.connect();
  onCleanup(() => pg.end());

  const table: string[][] = [];
  const figures: Record<string, number> = {};
  for (const method of METHODS) {
    const name = `files_${method}`;
    await pg.query(`CREATE TABLE ${name} (id serial PRIMARY KEY, content bytea)`);
    await pg.query(method === 'none' ? `ALTER TABLE ${name} ALTER COLUMN content SET STORAGE EXTERNAL` : `ALTER TABLE ${name} ALTER COLUMN content SET COMPRESSION ${method}`);
    let t = performance.now();
    for (const f of files) await pg.query(`INSERT INTO ${name} (content) VALUES ($1)`, [f]);
    const insertMs = (performance.now() - t) / files.length;
    t = performance.now();
    for (let id = 1; id <= files.length; id++) await pg.query(`SELECT content FROM ${name} WHERE id = $1`, [id]);
    const readMs = (performance.now() - t) / files.length;
    const { rows: size } = await pg.query<{ bytes: string }>(`SELECT pg_total_relation_size('${name}') AS bytes`);
    const share = Number(size[0].bytes) / files.reduce((a, f) => a + f.length, 0);
    table.push([method, fixed(insertMs, 1), fixed(readMs, 1), `${fixed(100 * share)} %`]);
    Object.assign(figures, { [`${method}InsertMs`]: insertMs, [`${method}ReadMs`]: readMs, [`${method}SizePct`]: 100 * share });
  }
  console.log(`\n${files.length} distinct files of ${fixed(files[0].length / 1e6, 2)} MB per method, one at a time (insert = autocommit with fsync; read = text format, hex-decoded by pg)`);
  printTable(['compression', 'insert ms', 'read ms', 'on disk / raw'], table);
  recordRun('bytea-storage', { rows: files.length }, figures, {});
}

if (require.main === module) runBench(main);
