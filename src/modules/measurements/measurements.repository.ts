import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import { StoredContent } from '../../infra/file-store/stored-content';
import { compileOnce } from '../../infra/database/compile-once';
import { Database, Executor, json } from '../../infra/database/database';
import type { ContentEncoding, MeasurementRow, NewMeasurement, Technique } from '../../infra/database/schema';
import { RUN_SUMMARY_COLUMNS, RunSummary } from '../analyses/analyses.repository';
import type { RetractionInfo } from '../samples/sample-view';

/** A measurement with its sample's project (measurements, their files and runs are scoped through the sample). */
export type ScopedMeasurement = MeasurementRow & { projectId: string };

export type MeasurementDetail = MeasurementRow & {
  files: { fileName: string; createdAt: Date; file: { id: string; sha256: string; sizeBytes: number }; retraction: RetractionInfo | null }[];
  runs: RunSummary[];
  retraction: RetractionInfo | null;
};

const COLUMNS = ['id', 'sampleId', 'technique', 'instrument', 'conditions', 'performedAt', 'createdById', 'createdAt'] as const;

/** The only place that touches measurements, data_files and measurement_files. */
@Injectable()
export class MeasurementsRepository {
  constructor(private readonly database: Database) {}

  private get db(): Executor {
    return this.database.kysely;
  }

  create(db: Executor, data: Omit<NewMeasurement, 'id'>): Promise<MeasurementRow> {
    return db
      .insertInto('measurements')
      .values({ id: randomUUID(), ...data, conditions: json(data.conditions)! })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
  }

  async find(id: string, db: Executor = this.db): Promise<ScopedMeasurement | null> {
    return (await measurementById(db, id))[0] ?? null;
  }

  /** The measurement with its files and runs; the runs' plot curves stay out (GET /analyses/:id?curves=true gives them). */
  async detail(id: string): Promise<(MeasurementDetail & { projectId: string }) | null> {
    const m = await this.find(id);
    if (!m) return null;
    const [files, runs, retractions] = await Promise.all([filesOf(this.db, id), runsOf(this.db, id), retractionsOf(this.db, id)]);
    const { projectId, ...row } = m;
    return { ...assemble(row, files, runs, retractions), projectId };
  }

  /**
   * Every measurement of a sample with its files, runs and retractions, oldest first, in four
   * statements whatever their number (one per measurement before: 4 × N + 2 for a sample page).
   */
  async detailsOfSample(sampleId: string): Promise<MeasurementDetail[]> {
    const [measurements, files, runs, retractions] = await Promise.all([
      measurementsOfSample(this.db, sampleId),
      filesOfSample(this.db, sampleId),
      runsOfSample(this.db, sampleId),
      retractionsOfSample(this.db, sampleId),
    ]);
    const byMeasurement = <T extends { measurementId: string | null }>(rows: T[]) => {
      const out = new Map<string, T[]>();
      for (const r of rows) if (r.measurementId) out.set(r.measurementId, [...(out.get(r.measurementId) ?? []), r]);
      return out;
    };
    const filesBy = byMeasurement(files);
    const runsBy = byMeasurement(runs);
    const retractionsBy = byMeasurement(retractions);
    return measurements.map((m) => assemble(m, filesBy.get(m.id) ?? [], runsBy.get(m.id) ?? [], retractionsBy.get(m.id) ?? []));
  }

  /**
   * The measurement's technique and whether it was retracted, share-locked until the upload
   * commits (so it cannot vanish under it); undefined when it does not exist.
   */
  async techniqueForUpload(trx: Executor, measurementId: string): Promise<{ technique: Technique; retracted: boolean; projectId: string } | undefined> {
    const row = (await techniqueForShare(trx, measurementId))[0];
    return row && { technique: row.technique, retracted: row.retracted === true, projectId: row.projectId! };
  }

  /**
   * The file's id, storing the bytes unless a file with this SHA-256 exists (content-addressed,
   * stored once). `stored` are the packed bytes, sent as a pg Buffer (binary, no copy);
   * `sizeBytes` is the original size.
   */
  async storeFile(trx: Executor, f: { sha256: string; sizeBytes: number; stored: StoredContent }): Promise<string> {
    const [inserted] = await insertFile(trx, randomUUID(), f.sha256, f.sizeBytes, f.stored.encoding, f.stored.content);
    return inserted?.id ?? (await fileIdBySha(trx, f.sha256))[0].id;
  }

  /** Links a file to a measurement; false when this measurement already had it. */
  async link(trx: Executor, l: { measurementId: string; fileId: string; fileName: string; uploadedById: string }): Promise<boolean> {
    return (await insertLink(trx, l.measurementId, l.fileId, l.fileName, l.uploadedById)).length === 1;
  }

  /**
   * The other samples' measurements this file is linked to, by sample code: the same bytes on
   * two samples is usually a file uploaded to the wrong piece, which the upload then says.
   */
  otherSampleLinks(
    trx: Executor,
    fileId: string,
    measurementId: string,
    projectIds: string[] | undefined,
  ): Promise<{ measurementId: string; sampleCode: string }[]> {
    let q = trx
      .selectFrom('measurement_files as mf')
      .innerJoin('measurements as m', 'm.id', 'mf.measurementId')
      .innerJoin('samples as s', 's.id', 'm.sampleId')
      .select(['mf.measurementId', 's.code as sampleCode'])
      .where('mf.fileId', '=', fileId)
      .where('m.sampleId', '<>', (eb) => eb.selectFrom('measurements').select('sampleId').where('id', '=', measurementId));
    // Only samples the uploader may see are named: the same bytes in another group's project stay unsaid.
    if (projectIds) q = q.where('s.projectId', '=', sql<string>`ANY(${projectIds}::uuid[])`);
    return q.orderBy('s.code').orderBy('mf.createdAt').limit(20).execute();
  }

  /** The projects a stored file is linked into and the name it carries there, oldest link first (a file is visible through any of them). */
  fileLinks(fileId: string): Promise<{ projectId: string; fileName: string }[]> {
    return fileLinksOf(this.db, fileId);
  }

  /** Up to `limit` files stored as uploaded (encoding identity) with ids after `afterId`, in id order, with their stored size. */
  identityFilesAfter(afterId: string, limit: number): Promise<{ id: string; content: Buffer; stored: number }[]> {
    return this.db
      .selectFrom('data_files')
      .select(['id', 'content', sql<number>`pg_column_size(content)`.as('stored')])
      .where('encoding', '=', 'identity')
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(limit)
      .execute();
  }

  /** Replaces an identity file's content with its packed form; false when it is no longer identity. */
  async replaceIdentityContent(id: string, packed: StoredContent): Promise<boolean> {
    const rows = await this.db
      .updateTable('data_files')
      .set({ encoding: packed.encoding, content: packed.content })
      .where('id', '=', id)
      .where('encoding', '=', 'identity')
      .returning('id')
      .execute();
    return rows.length === 1;
  }

  /** A file as stored (the pg Buffer as it is), with its hash and the name it was first uploaded under. */
  async stored(fileId: string): Promise<(StoredContent & { sha256: string; fileName: string | null }) | undefined> {
    return (await storedFile(this.db, fileId))[0];
  }
}

type FileRow = { fileName: string; createdAt: Date; id: string; sha256: string; sizeBytes: number };
type RetractionRow = { target: string; fileId: string | null; retractedById: string; retractedByName: string; at: Date; reason: string };

/** One measurement's detail from its rows (files in upload order, runs newest first). */
function assemble(m: MeasurementRow, files: FileRow[], runs: RunSummary[], retractions: RetractionRow[]): MeasurementDetail {
  const info = (r: RetractionRow | undefined): RetractionInfo | null =>
    r ? { by: r.retractedById, byName: r.retractedByName, at: r.at, reason: r.reason } : null;
  return {
    ...m,
    retraction: info(retractions.find((r) => r.target === 'MEASUREMENT')),
    files: files.map(({ fileName, createdAt, id, sha256, sizeBytes }) => ({
      fileName,
      createdAt,
      file: { id, sha256, sizeBytes },
      retraction: info(retractions.find((r) => r.target === 'FILE' && r.fileId === id)),
    })),
    runs,
  };
}

const measurementById = compileOnce((db: Executor, id: string) =>
  db
    .selectFrom('measurements as m')
    .innerJoin('samples as s', 's.id', 'm.sampleId')
    .select(COLUMNS.map((c) => `m.${c}` as const))
    .select('s.projectId')
    .where('m.id', '=', id),
);

const fileLinksOf = compileOnce((db: Executor, fileId: string) =>
  db
    .selectFrom('measurement_files as mf')
    .innerJoin('measurements as m', 'm.id', 'mf.measurementId')
    .innerJoin('samples as s', 's.id', 'm.sampleId')
    .select(['s.projectId', 'mf.fileName'])
    .where('mf.fileId', '=', fileId)
    .orderBy('mf.createdAt'),
);

const measurementsOfSample = compileOnce((db: Executor, sampleId: string) =>
  db.selectFrom('measurements').select(COLUMNS).where('sampleId', '=', sampleId).orderBy('performedAt').orderBy('createdAt').orderBy('id'),
);

const filesOfSample = compileOnce((db: Executor, sampleId: string) =>
  db
    .selectFrom('measurement_files as mf')
    .innerJoin('measurements as m', 'm.id', 'mf.measurementId')
    .innerJoin('data_files as f', 'f.id', 'mf.fileId')
    .select(['mf.measurementId', 'mf.fileName', 'mf.createdAt', 'f.id', 'f.sha256', 'f.sizeBytes'])
    .where('m.sampleId', '=', sampleId)
    .orderBy('mf.createdAt'),
);

const runsOfSample = compileOnce((db: Executor, sampleId: string) =>
  db
    .selectFrom('analysis_runs')
    .select(RUN_SUMMARY_COLUMNS)
    .where('measurementId', 'in', (eb) => eb.selectFrom('measurements').select('id').where('sampleId', '=', sampleId))
    .orderBy('createdAt', 'desc'),
);

/** The sample's measurements' own retractions and their file links' retractions, keyed by measurement. */
const retractionsOfSample = compileOnce((db: Executor, sampleId: string) =>
  db
    .selectFrom('retractions as x')
    .innerJoin('measurements as m', (j) => j.on((eb) => eb.or([eb('x.measurementId', '=', eb.ref('m.id')), eb('x.fileMeasurementId', '=', eb.ref('m.id'))])))
    .innerJoin('users as u', 'u.id', 'x.retractedById')
    .select(['m.id as measurementId', 'x.target', 'x.fileId', 'x.retractedById', 'u.name as retractedByName', 'x.at', 'x.reason'])
    .where('m.sampleId', '=', sampleId),
);

const filesOf = compileOnce((db: Executor, id: string) =>
  db
    .selectFrom('measurement_files as mf')
    .innerJoin('data_files as f', 'f.id', 'mf.fileId')
    .select(['mf.fileName', 'mf.createdAt', 'f.id', 'f.sha256', 'f.sizeBytes'])
    .where('mf.measurementId', '=', id)
    .orderBy('mf.createdAt'),
);

const runsOf = compileOnce((db: Executor, id: string) =>
  db.selectFrom('analysis_runs').select(RUN_SUMMARY_COLUMNS).where('measurementId', '=', id).orderBy('createdAt', 'desc'),
);

const techniqueForShare = compileOnce((db: Executor, id: string) =>
  db
    .selectFrom('measurements as m')
    .select('m.technique')
    .select((eb) => eb.exists(eb.selectFrom('retractions as x').select('x.id').whereRef('x.measurementId', '=', 'm.id')).as('retracted'))
    // A subquery, not a join: FOR SHARE then locks the measurement only, not its sample.
    .select((eb) => eb.selectFrom('samples as s').select('s.projectId').whereRef('s.id', '=', 'm.sampleId').as('projectId'))
    .where('m.id', '=', id)
    .forShare(),
);

/** The measurement's own retraction and its file links' retractions. */
const retractionsOf = compileOnce((db: Executor, id: string) =>
  db
    .selectFrom('retractions as x')
    .innerJoin('users as u', 'u.id', 'x.retractedById')
    .select(['x.target', 'x.fileId', 'x.retractedById', 'u.name as retractedByName', 'x.at', 'x.reason'])
    .where((eb) => eb.or([eb('x.measurementId', '=', id), eb('x.fileMeasurementId', '=', id)])),
);

const insertFile = compileOnce((db: Executor, id: string, sha256: string, sizeBytes: number, encoding: ContentEncoding, content: Buffer) =>
  db
    .insertInto('data_files')
    .values({ id, sha256, sizeBytes, encoding, content })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .returning('id'),
);

const fileIdBySha = compileOnce((db: Executor, sha256: string) => db.selectFrom('data_files').select('id').where('sha256', '=', sha256));

const insertLink = compileOnce((db: Executor, measurementId: string, fileId: string, fileName: string, uploadedById: string) =>
  db
    .insertInto('measurement_files')
    .values({ measurementId, fileId, fileName, uploadedById })
    .onConflict((oc) => oc.doNothing())
    .returning('fileId'),
);

const storedFile = compileOnce((db: Executor, fileId: string) =>
  db
    .selectFrom('data_files as f')
    .select(['f.sha256', 'f.encoding', 'f.content'])
    .select((eb) =>
      eb.selectFrom('measurement_files as mf').select('mf.fileName').whereRef('mf.fileId', '=', 'f.id').orderBy('mf.createdAt').limit(1).as('fileName'),
    )
    .where('f.id', '=', fileId),
);
