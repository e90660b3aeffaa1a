/**
 * `npm run -s files:compress`: rewrites the instrument files stored before uploads were
 * brotli-compressed (see src/infra/file-store/compress-stored-files.ts), printing progress per
 * batch. Safe to stop and run again, and beside a running API and worker. Needs DATABASE_URL.
 */
import { loadEnv } from '../../src/config/env';
import { compressStoredFiles, CompressReport } from '../../src/infra/file-store/compress-stored-files';
import { PgPool } from '../../src/infra/prisma/pg-pool';

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const line = (r: CompressReport) => `${r.examined} file(s) examined, ${r.compressed} compressed, ${r.keptAsIs} kept as they were; ${mb(r.storedBefore)} → ${mb(r.storedAfter)} stored`;

async function main(): Promise<void> {
  const pg = new PgPool(loadEnv());
  try {
    const report = await compressStoredFiles(pg, { onBatch: (r) => process.stdout.write(`${line(r)}\n`) });
    process.stdout.write(`done: ${line(report)}${report.compressed > 0 ? ' (the space of the old values is reused after VACUUM)' : ''}\n`);
  } finally {
    await pg.onModuleDestroy();
  }
}

main().catch((e: Error) => {
  process.stderr.write(`files:compress: ${e.message}\n`);
  process.exitCode = 1;
});
