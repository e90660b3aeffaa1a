import { Injectable } from '@nestjs/common';
import { AnalysisRun, DataFile, Measurement, Prisma, Technique } from '@prisma/client';
import { randomUUID } from 'node:crypto';
import { StoredContent } from '../../infra/file-store/stored-content';
import { PgPool } from '../../infra/prisma/pg-pool';
import { Db, PrismaService } from '../../infra/prisma/prisma.service';

export interface StoredUpload {
  fileId: string;
  runId: string;
  /** False when this measurement already had these bytes. */
  linked: boolean;
  /** False when the run already existed (nothing new to queue). */
  created: boolean;
}

export type MeasurementDetail = Measurement & {
  files: { fileName: string; createdAt: Date; file: Pick<DataFile, 'id' | 'sha256' | 'sizeBytes'> }[];
  runs: Omit<AnalysisRun, 'curves'>[];
};

/** The only place that touches measurements, data_files and measurement_files. */
@Injectable()
export class MeasurementsRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly pg: PgPool,
  ) {}

  create(db: Db, data: Prisma.MeasurementUncheckedCreateInput): Promise<Measurement> {
    return db.measurement.create({ data });
  }

  find(id: string, db: Db = this.prisma): Promise<Measurement | null> {
    return db.measurement.findUnique({ where: { id } });
  }

  /** The measurement with its files and runs; the runs' plot curves stay out (GET /analyses/:id?curves=true gives them). */
  detail(id: string): Promise<MeasurementDetail | null> {
    return this.prisma.measurement.findUnique({
      where: { id },
      include: {
        files: { select: { fileName: true, createdAt: true, file: { select: { id: true, sha256: true, sizeBytes: true } } }, orderBy: { createdAt: 'asc' } },
        runs: { omit: { curves: true }, orderBy: { createdAt: 'desc' } },
      },
    });
  }

  /**
   * One upload in one transaction: the bytes (content-addressed, stored once per SHA-256), the
   * measurement link, the QUEUED analysis run (unique per measurement, hash, analyzer, version;
   * marked published, as the caller publishes it right after commit) and the audit row. Written
   * with plain pg because of the bytea cost (see PgPool). `sizeBytes` is the original size of the
   * packed `stored` bytes. Returns undefined when the measurement does not exist; `linked` and
   * `created` are false for a repeat of the same bytes.
   */
  storeUpload(u: {
    measurementId: string;
    fileName: string;
    sha256: string;
    sizeBytes: number;
    stored: StoredContent;
    uploadedById: string;
    analyzerFor: (technique: Technique) => { name: string; version: string };
  }): Promise<StoredUpload | undefined> {
    return this.pg.transaction(async (c) => {
      const m = await c.query<{ technique: Technique }>('SELECT technique::text AS technique FROM measurements WHERE id = $1 FOR SHARE', [u.measurementId]);
      if (m.rowCount === 0) return undefined;
      // pg sends any Uint8Array as a binary parameter without copying it first.
      await c.query('INSERT INTO data_files (id, sha256, "sizeBytes", encoding, content) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (sha256) DO NOTHING', [
        randomUUID(),
        u.sha256,
        u.sizeBytes,
        u.stored.encoding,
        u.stored.content,
      ]);
      const fileId = (await c.query<{ id: string }>('SELECT id FROM data_files WHERE sha256 = $1', [u.sha256])).rows[0].id;
      const link = await c.query(
        'INSERT INTO measurement_files ("measurementId", "fileId", "fileName", "uploadedById") VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
        [u.measurementId, fileId, u.fileName, u.uploadedById],
      );
      const { name, version } = u.analyzerFor(m.rows[0].technique);
      const inserted = await c.query<{ id: string }>(
        'INSERT INTO analysis_runs (id, "measurementId", "fileId", "fileSha256", analyzer, "analyzerVersion", "publishedAt") VALUES ($1, $2, $3, $4, $5, $6, now()) ON CONFLICT ("measurementId", "fileSha256", analyzer, "analyzerVersion") DO NOTHING RETURNING id',
        [randomUUID(), u.measurementId, fileId, u.sha256, name, version],
      );
      const runId =
        inserted.rows[0]?.id ??
        (
          await c.query<{ id: string }>(
            'SELECT id FROM analysis_runs WHERE "measurementId" = $1 AND "fileSha256" = $2 AND analyzer = $3 AND "analyzerVersion" = $4',
            [u.measurementId, u.sha256, name, version],
          )
        ).rows[0].id;
      const linked = link.rowCount === 1;
      if (linked) {
        const data = { fileId, sha256: u.sha256, fileName: u.fileName, sizeBytes: u.sizeBytes, runId };
        await c.query('INSERT INTO audit_log ("actorId", action, "entityType", "entityId", data) VALUES ($1, $2, $3, $4, $5)', [
          u.uploadedById,
          'file.upload',
          'Measurement',
          u.measurementId,
          JSON.stringify(data),
        ]);
      }
      return { fileId, runId, linked, created: inserted.rowCount === 1 };
    });
  }

  /** Up to `limit` files stored as uploaded (encoding identity) with ids after `afterId`, in id order, with their stored size. */
  identityFilesAfter(afterId: string, limit: number): Promise<{ id: string; content: Buffer; stored: number }[]> {
    return this.pg.query(
      `SELECT id, content, pg_column_size(content) AS stored FROM data_files WHERE encoding = 'identity' AND id > $1::uuid ORDER BY id LIMIT $2`,
      [afterId, limit],
    );
  }

  /** Replaces an identity file's content with its packed form; false when it is no longer identity. */
  async replaceIdentityContent(id: string, packed: StoredContent): Promise<boolean> {
    const rows = await this.pg.query(
      `UPDATE data_files SET encoding = $2::"ContentEncoding", content = $3 WHERE id = $1::uuid AND encoding = 'identity' RETURNING id`,
      [id, packed.encoding, packed.content],
    );
    return rows.length === 1;
  }

  /** A file as stored, with its hash and the name it was first uploaded under. */
  async stored(fileId: string): Promise<(StoredContent & { sha256: string; fileName: string | null }) | undefined> {
    const [row] = await this.pg.query<StoredContent & { sha256: string; fileName: string | null }>(
      `SELECT f.sha256, f.encoding, f.content,
              (SELECT mf."fileName" FROM measurement_files mf WHERE mf."fileId" = f.id ORDER BY mf."createdAt" LIMIT 1) AS "fileName"
       FROM data_files f WHERE f.id = $1::uuid`,
      [fileId],
    );
    return row;
  }
}
