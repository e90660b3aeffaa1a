/**
 * `npm run -s files:compress`: rewrites the instrument files stored before uploads were
 * brotli-compressed (see src/modules/measurements/compress-stored-files.ts), printing progress per
 * batch. Safe to stop and run again, and beside a running API and worker. Needs DATABASE_URL.
 */
import { loadEnv } from '../../src/config/env';
import { Database } from '../../src/infra/database/database';
import { compressStoredFiles, CompressReport } from '../../src/modules/measurements/compress-stored-files';
import { MeasurementsRepository } from '../../src/modules/measurements/measurements.repository';

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const line = (r: CompressReport) =>
  `${r.examined} file(s) examined, ${r.compressed} compressed, ${r.keptAsIs} kept as they were; ${mb(r.storedBefore)} → ${mb(r.storedAfter)} stored`;

async function main(): Promise<void> {
  const env = loadEnv();
  const database = new Database(env);
  try {
    const report = await compressStoredFiles(new MeasurementsRepository(database), { onBatch: (r) => process.stdout.write(`${line(r)}\n`) });
    process.stdout.write(`done: ${line(report)}${report.compressed > 0 ? ' (the space of the old values is reused after VACUUM)' : ''}\n`);
  } finally {
    await database.onModuleDestroy();
  }
}

main().catch((e: Error) => {
  process.stderr.write(`files:compress: ${e.message}\n`);
  process.exitCode = 1;
});
