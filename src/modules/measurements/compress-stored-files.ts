import { packContent, unpackContent } from '../../infra/file-store/stored-content';
import { MeasurementsRepository } from './measurements.repository';

export interface CompressReport {
  /** Rows stored as uploaded (encoding identity) that were looked at. */
  examined: number;
  /** Of those, rewritten brotli-compressed. */
  compressed: number;
  /** Of those, left as they were: brotli could not shrink them. */
  keptAsIs: number;
  /** Bytes the examined rows' content took in the table before (after PostgreSQL's own compression) and after. */
  storedBefore: number;
  storedAfter: number;
}

/**
 * Rewrites the files stored before the API compressed uploads (encoding identity, lz4 or pglz in
 * TOAST) as brotli, `batch` rows at a time in id order, so it can be stopped and run again. A row
 * is replaced only while it is still identity, and only after its packed bytes are checked to
 * unpack to the stored ones; a reader sees the old row or the new, and both give the same bytes.
 * The space of the old values is reused after VACUUM (autovacuum does it in time).
 */
export async function compressStoredFiles(
  files: Pick<MeasurementsRepository, 'identityFilesAfter' | 'replaceIdentityContent'>,
  options: { batch?: number; onBatch?: (soFar: CompressReport) => void } = {},
): Promise<CompressReport> {
  const batch = options.batch ?? 20;
  const report: CompressReport = { examined: 0, compressed: 0, keptAsIs: 0, storedBefore: 0, storedAfter: 0 };
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await files.identityFilesAfter(after, batch);
    if (rows.length === 0) return report;
    for (const row of rows) {
      const packed = await packContent(row.content);
      report.examined++;
      report.storedBefore += row.stored;
      if (packed.encoding === 'identity') {
        report.keptAsIs++;
        report.storedAfter += row.stored;
        continue;
      }
      if (!(await unpackContent(packed)).equals(row.content)) throw new Error(`file ${row.id}: brotli did not give back its bytes; nothing was written for it`);
      const replaced = await files.replaceIdentityContent(row.id, packed);
      report.compressed += replaced ? 1 : 0;
      report.storedAfter += replaced ? packed.content.length : row.stored;
    }
    after = rows[rows.length - 1].id;
    options.onBatch?.({ ...report });
  }
}
