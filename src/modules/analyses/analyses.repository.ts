import { Injectable } from '@nestjs/common';
import { sql, type ExpressionBuilder } from 'kysely';
import { randomUUID } from 'node:crypto';
import { StoredContent, unpackContent } from '../../infra/file-store/stored-content';
import { compileOnce } from '../../infra/database/compile-once';
import { Database, Executor, json } from '../../infra/database/database';
import type { AnalysisRunRow, DB, FailureKind, RunStatus, Technique } from '../../infra/database/schema';

/** A run just claimed by a worker, with everything its analysis needs. */
export interface ClaimedRun {
  id: string;
  measurementId: string;
  analyzer: string;
  attempts: number;
  content: Buffer;
  technique: Technique;
  conditions: Record<string, unknown> | null;
  sampleId: string;
  /** The sample's project, carried on the run's live events so each stream delivers its own projects' only. */
  projectId: string;
  massMg: number | null;
  densityGCm3: number;
}

/** The advisory lock key of re-queues (any constant unique in this database). */
const REQUEUE_LOCK_KEY = 4_017_150_201;

/** What a run analyses: one file of one measurement with one analyzer. */
export type RunTarget = Pick<AnalysisRunRow, 'measurementId' | 'fileId' | 'fileSha256' | 'analyzer'>;

/** A run as the API shows it: everything but the plot curves. */
export type RunSummary = Omit<AnalysisRunRow, 'curves'>;

export const RUN_SUMMARY_COLUMNS = [
  'id',
  'measurementId',
  'fileId',
  'fileSha256',
  'analyzer',
  'analyzerVersion',
  'status',
  'metrics',
  'warnings',
  'error',
  'errorCode',
  'failureKind',
  'attempts',
  'retry',
  'retryOfId',
  'publishedAt',
  'queuedAt',
  'startedAt',
  'finishedAt',
  'timings',
  'createdAt',
] as const;

/** The only place that touches analysis_runs. */
@Injectable()
export class AnalysesRepository {
  constructor(private readonly database: Database) {}

  private get db(): Executor {
    return this.database.kysely;
  }

  /**
   * Creates a QUEUED run unless (measurement, hash, analyzer, version) exists; returns its id (the newest attempt's)
   * either way, and whether it is new. `published` marks it published at once, for a caller that
   * publishes right after commit (see AnalysisProducer.publishCommitted). Concurrent callers get
   * the same run: the insert yields on the unique key instead of failing.
   */
  async createOrGet(db: Executor, data: RunTarget & { analyzerVersion: string; published?: boolean }): Promise<{ id: string; created: boolean }> {
    const { measurementId, fileId, fileSha256, analyzer, analyzerVersion } = data;
    const [inserted] = await (data.published ? insertPublishedRun : insertRun)(db, randomUUID(), measurementId, fileId, fileSha256, analyzer, analyzerVersion);
    if (inserted) return { id: inserted.id, created: true };
    const [existing] = await runByKey(db, measurementId, fileSha256, analyzer, analyzerVersion);
    return { id: existing.id, created: false };
  }

  /** The run with its sample's project (runs are scoped through their measurement's sample). */
  async find(id: string): Promise<(AnalysisRunRow & { projectId: string | null }) | null> {
    return (await runById(this.db, id))[0] ?? null;
  }

  /** The technique and conditions of a run's measurement (how its plot is laid out). */
  async measurementOf(measurementId: string): Promise<{ technique: Technique; conditions: Record<string, unknown> | null } | null> {
    const row = (await measurementById(this.db, measurementId))[0];
    return row ? { technique: row.technique, conditions: (row.conditions ?? null) as Record<string, unknown> | null } : null;
  }

  /**
   * A new QUEUED attempt of a failed run (same measurement, file, analyzer and version; `retry`
   * one higher), marked published for a caller that publishes right after commit. Null when the
   * run was retried already (one retry per run: retry the newest attempt instead).
   */
  async createRetry(db: Executor, of: Pick<AnalysisRunRow, 'id' | 'measurementId' | 'fileId' | 'fileSha256' | 'analyzer' | 'analyzerVersion' | 'retry'>) {
    const row = await db
      .insertInto('analysis_runs')
      .values({
        id: randomUUID(),
        measurementId: of.measurementId,
        fileId: of.fileId,
        fileSha256: of.fileSha256,
        analyzer: of.analyzer,
        analyzerVersion: of.analyzerVersion,
        retry: of.retry + 1,
        retryOfId: of.id,
        publishedAt: sql<Date>`now()`,
      })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    return row?.id ?? null;
  }

  /** The run that retried `id`, if any. */
  async retryOf(id: string): Promise<string | null> {
    const row = await this.db.selectFrom('analysis_runs').select('id').where('retryOfId', '=', id).executeTakeFirst();
    return row?.id ?? null;
  }

  /** Who uploaded the run's file to its measurement (the one member besides PIs who may retry it). */
  async uploaderOf(run: Pick<AnalysisRunRow, 'measurementId' | 'fileId'>): Promise<string | null> {
    const row = await this.db
      .selectFrom('measurement_files')
      .select('uploadedById')
      .where('measurementId', '=', run.measurementId)
      .where('fileId', '=', run.fileId)
      .executeTakeFirst();
    return row?.uploadedById ?? null;
  }

  async markPublished(ids: string[]): Promise<void> {
    await this.db
      .updateTable('analysis_runs')
      .set({ publishedAt: sql<Date>`now()` })
      .where('id', '=', sql<string>`ANY(${ids}::uuid[])`)
      .execute();
  }

  /** Hands runs whose publish failed to the sweeper's quick path (see AnalysisProducer.publishCommitted). */
  async markUnpublished(ids: string[]): Promise<void> {
    await this.db
      .updateTable('analysis_runs')
      .set({ publishedAt: null })
      .where('id', '=', sql<string>`ANY(${ids}::uuid[])`)
      .execute();
  }

  /**
   * Claims a run for analysis: QUEUED → RUNNING (or RUNNING again after a crash), counting the
   * attempt, and returns it with its file's original bytes, measurement conditions, piece mass and
   * alloy density in one round trip. Only a run of an analyzer version this worker implements
   * (`versions`: analyzer name → version) is claimed; null when the run has finished or asks for
   * another version (see runState). The bytes arrive as a pg Buffer and are unpacked here.
   */
  async claim(id: string, versions: Readonly<Record<string, string>>): Promise<ClaimedRun | null> {
    const rows = await claimRun(this.db, id, JSON.stringify(versions));
    if (rows.length === 0) return null;
    const { encoding, content, ...run } = rows[0];
    return { ...run, content: await unpackContent({ encoding, content }) };
  }

  /** A run's status, attempts and what it asks for, for a worker that could not claim it or gives it up. */
  async runState(id: string): Promise<(RunTarget & { status: RunStatus; analyzerVersion: string; attempts: number; projectId: string | null }) | undefined> {
    return (await runStateOf(this.db, id))[0];
  }

  /**
   * Fails a run that will not be analysed (QUEUED or RUNNING: superseded, or given up after its
   * last attempt) without claiming it first; false when it had finished already.
   */
  async failUnfinished(id: string, errorCode: string, error: string, failureKind: FailureKind): Promise<boolean> {
    const rows = await this.db
      .updateTable('analysis_runs')
      .set({ status: 'FAILED', errorCode, error, failureKind, timings: '{}', finishedAt: sql<Date>`now()` })
      .where('id', '=', id)
      .where('status', 'in', ['QUEUED', 'RUNNING'])
      .returning('id')
      .execute();
    return rows.length === 1;
  }

  /** Records the outcome once: a duplicate delivery that finishes second changes nothing. */
  async finish(
    id: string,
    outcome: {
      status: Extract<RunStatus, 'SUCCEEDED' | 'FAILED'>;
      metrics?: unknown;
      warnings?: unknown;
      curves?: unknown;
      error?: string;
      errorCode?: string;
      failureKind?: FailureKind;
      timings: Record<string, number>;
    },
  ): Promise<boolean> {
    const rows = await finishRun(
      this.db,
      id,
      outcome.status,
      json(outcome.metrics),
      json(outcome.warnings),
      json(outcome.curves),
      outcome.error ?? null,
      outcome.errorCode ?? null,
      outcome.failureKind ?? null,
      json(outcome.timings),
    );
    return rows.length === 1;
  }

  /** Runs whose publish never happened (Redis was down at upload time). */
  unpublished(createdBefore: Date, limit: number): Promise<{ id: string }[]> {
    return this.db
      .selectFrom('analysis_runs')
      .select('id')
      .where('status', '=', 'QUEUED')
      .where('publishedAt', 'is', null)
      .where('createdAt', '<', createdBefore)
      .orderBy('createdAt')
      .limit(limit)
      .execute();
  }

  /** Unfinished runs published long ago: their job may have been lost with Redis. */
  publishedBefore(before: Date, limit: number): Promise<{ id: string }[]> {
    return this.db
      .selectFrom('analysis_runs')
      .select('id')
      .where('status', 'in', ['QUEUED', 'RUNNING'])
      .where('publishedAt', '<', before)
      .orderBy('publishedAt')
      .limit(limit)
      .execute();
  }

  /** How many runs are in each status, for the metrics endpoint. */
  async countByStatus(): Promise<{ status: RunStatus; count: number }[]> {
    const rows = await this.db
      .selectFrom('analysis_runs')
      .select(['status', (eb) => eb.fn.countAll<string>().as('count')])
      .groupBy('status')
      .execute();
    return rows.map((r) => ({ status: r.status, count: Number(r.count) }));
  }

  /** Runs finished after `since`, oldest first, with their timings (for the job-duration histogram). */
  finishedAfter(since: Date, limit: number): Promise<Pick<AnalysisRunRow, 'analyzer' | 'status' | 'timings' | 'finishedAt'>[]> {
    return this.db
      .selectFrom('analysis_runs')
      .select(['analyzer', 'status', 'timings', 'finishedAt'])
      .where('finishedAt', '>', since)
      .orderBy('finishedAt')
      .limit(limit)
      .execute();
  }

  /** The FC partner of a ZFC magnetic measurement: the newest file of an FC measurement of the same sample. */
  async fcPartnerBytes(sampleId: string, excludeMeasurementId: string): Promise<Buffer | undefined> {
    const [row] = await fcPartnerOf(this.db, sampleId, excludeMeasurementId);
    return row && unpackContent(row);
  }

  /** The newest run per (measurement, file, analyzer) matching the filter, for re-runs (without metrics and curves). */
  /** `projectIds` keeps the runs of those projects' samples (undefined: every project). */
  latestRuns(filter: { analyzer?: string; campaignId?: string; projectIds?: string[] }): Promise<(RunTarget & { analyzerVersion: string })[]> {
    let q = this.db
      .selectFrom('analysis_runs as r')
      .distinctOn(['r.measurementId', 'r.fileId', 'r.analyzer'])
      .select(['r.measurementId', 'r.fileId', 'r.fileSha256', 'r.analyzer', 'r.analyzerVersion']);
    if (filter.analyzer) q = q.where('r.analyzer', '=', filter.analyzer);
    if (filter.campaignId) {
      const campaignId = filter.campaignId;
      q = q.where('r.measurementId', 'in', (eb) =>
        eb
          .selectFrom('measurements as m')
          .innerJoin('campaign_assignments as ca', 'ca.sampleId', 'm.sampleId')
          .select('m.id')
          .where('ca.campaignId', '=', campaignId),
      );
    }
    if (filter.projectIds) {
      const projectIds = filter.projectIds;
      q = q.where('r.measurementId', 'in', (eb) =>
        eb
          .selectFrom('measurements as m')
          .innerJoin('samples as s', 's.id', 'm.sampleId')
          .select('m.id')
          .where('s.projectId', '=', sql<string>`ANY(${projectIds}::uuid[])`),
      );
    }
    return q.orderBy('r.measurementId').orderBy('r.fileId').orderBy('r.analyzer').orderBy('r.createdAt', 'desc').execute();
  }

  /**
   * Serializes re-queues until the transaction ends: two (workers starting together, a rerun
   * beside them) would otherwise both find no current-version run and both create one.
   */
  async lockRequeues(trx: Executor): Promise<void> {
    await sql`SELECT pg_advisory_xact_lock(${REQUEUE_LOCK_KEY})`.execute(trx);
  }
}

const insertRunWith = (publishedAt: 'now' | 'null') =>
  compileOnce((db: Executor, id: string, measurementId: string, fileId: string, fileSha256: string, analyzer: string, analyzerVersion: string) =>
    db
      .insertInto('analysis_runs')
      .values({ id, measurementId, fileId, fileSha256, analyzer, analyzerVersion, publishedAt: publishedAt === 'now' ? sql<Date>`now()` : null })
      .onConflict((oc) => oc.columns(['measurementId', 'fileSha256', 'analyzer', 'analyzerVersion', 'retry']).doNothing())
      .returning('id'),
  );
const insertRun = insertRunWith('null');
const insertPublishedRun = insertRunWith('now');

const runByKey = compileOnce((db: Executor, measurementId: string, fileSha256: string, analyzer: string, analyzerVersion: string) =>
  db
    .selectFrom('analysis_runs')
    .select('id')
    .where('measurementId', '=', measurementId)
    .where('fileSha256', '=', fileSha256)
    .where('analyzer', '=', analyzer)
    .where('analyzerVersion', '=', analyzerVersion)
    // A retried run has later attempts: the newest is the one to show.
    .orderBy('retry', 'desc')
    .limit(1),
);

const measurementById = compileOnce((db: Executor, id: string) => db.selectFrom('measurements').select(['technique', 'conditions']).where('id', '=', id));

/** The project of run `r` (its measurement's sample's), as a column: a subquery, not a second round trip. */
const projectIdOfRun = (eb: ExpressionBuilder<DB & { r: DB['analysis_runs'] }, 'r'>) =>
  eb
    .selectFrom('measurements as m')
    .innerJoin('samples as s', 's.id', 'm.sampleId')
    .select('s.projectId')
    .whereRef('m.id', '=', 'r.measurementId')
    .as('projectId');

const runById = compileOnce((db: Executor, id: string) =>
  db
    .selectFrom('analysis_runs as r')
    .select([...RUN_SUMMARY_COLUMNS, 'curves'])
    .select(projectIdOfRun)
    .where('id', '=', id),
);

const claimRun = compileOnce(
  (db: Executor, id: string, versions: string) => sql<Omit<ClaimedRun, 'content'> & StoredContent>`
    UPDATE analysis_runs r SET status = 'RUNNING', "startedAt" = now(), attempts = r.attempts + 1
    FROM measurements m JOIN samples s ON s.id = m."sampleId" JOIN alloys a ON a.id = s."alloyId", data_files f
    WHERE r.id = ${id}::uuid AND r.status IN ('QUEUED', 'RUNNING') AND r."analyzerVersion" = ${versions}::jsonb ->> r.analyzer
      AND m.id = r."measurementId" AND f.id = r."fileId"
    RETURNING r.id, r."measurementId", r.analyzer, r.attempts, m.technique, m.conditions, m."sampleId", s."projectId", s."massMg", a."densityGCm3", f.encoding, f.content`,
);

const runStateOf = compileOnce((db: Executor, id: string) =>
  db
    .selectFrom('analysis_runs as r')
    .select(['r.status', 'r.measurementId', 'r.fileId', 'r.fileSha256', 'r.analyzer', 'r.analyzerVersion', 'r.attempts'])
    .select(projectIdOfRun)
    .where('r.id', '=', id),
);

const finishRun = compileOnce(
  (
    db: Executor,
    id: string,
    status: RunStatus,
    metrics: string | null,
    warnings: string | null,
    curves: string | null,
    error: string | null,
    errorCode: string | null,
    failureKind: FailureKind | null,
    timings: string | null,
  ) =>
    db
      .updateTable('analysis_runs')
      .set({ status, metrics, warnings, curves, error, errorCode, failureKind, timings, finishedAt: sql<Date>`now()` })
      .where('id', '=', id)
      .where('status', '=', 'RUNNING')
      .returning('id'),
);

const fcPartnerOf = compileOnce((db: Executor, sampleId: string, excludeMeasurementId: string) =>
  db
    .selectFrom('measurement_files as mf')
    .innerJoin('measurements as m', 'm.id', 'mf.measurementId')
    .innerJoin('data_files as f', 'f.id', 'mf.fileId')
    .select(['f.encoding', 'f.content'])
    .where('m.sampleId', '=', sampleId)
    .where('m.id', '<>', excludeMeasurementId)
    .where('m.technique', '=', 'MAGNETIC')
    .where(sql<boolean>`m.conditions->>'mode' = 'FC'`)
    .orderBy('mf.createdAt', 'desc')
    .limit(1),
);
