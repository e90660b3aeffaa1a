import { Injectable } from '@nestjs/common';
import { AnalysisRun, Prisma, RunStatus, Technique } from '@prisma/client';
import { StoredContent, unpackContent } from '../../infra/file-store/stored-content';
import { PgPool } from '../../infra/prisma/pg-pool';
import { Db, PrismaService } from '../../infra/prisma/prisma.service';

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
  massMg: number | null;
  densityGCm3: number;
}

/** The advisory lock key of re-queues (any constant unique in this database). */
const REQUEUE_LOCK_KEY = 4_017_150_201;

/** What a run analyses: one file of one measurement with one analyzer. */
export type RunTarget = Pick<AnalysisRun, 'measurementId' | 'fileId' | 'fileSha256' | 'analyzer'>;

/** The only place that touches analysis_runs. */
@Injectable()
export class AnalysesRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly pg: PgPool,
  ) {}

  /** Creates a QUEUED run unless (measurement, hash, analyzer, version) exists; returns the run either way. */
  async createOrGet(db: Db, data: RunTarget & { analyzerVersion: string }): Promise<{ run: AnalysisRun; created: boolean }> {
    const key = { measurementId: data.measurementId, fileSha256: data.fileSha256, analyzer: data.analyzer, analyzerVersion: data.analyzerVersion };
    const existing = await db.analysisRun.findUnique({ where: { measurementId_fileSha256_analyzer_analyzerVersion: key } });
    if (existing) return { run: existing, created: false };
    return { run: await db.analysisRun.create({ data }), created: true };
  }

  find(id: string): Promise<AnalysisRun | null> {
    return this.prisma.analysisRun.findUnique({ where: { id } });
  }

  markPublished(ids: string[]): Promise<unknown> {
    return this.pg.query('UPDATE analysis_runs SET "publishedAt" = now() WHERE id = ANY($1::uuid[])', [ids]);
  }

  /** Hands runs whose publish failed to the sweeper's quick path (see AnalysisProducer.publishCommitted). */
  markUnpublished(ids: string[]): Promise<unknown> {
    return this.pg.query('UPDATE analysis_runs SET "publishedAt" = NULL WHERE id = ANY($1::uuid[])', [ids]);
  }

  /**
   * Claims a run for analysis: QUEUED → RUNNING (or RUNNING again after a crash), counting the
   * attempt, and returns it with its file's original bytes, measurement conditions, piece mass and
   * alloy density in one round trip. Only a run of an analyzer version this worker implements
   * (`versions`: analyzer name → version) is claimed; null when the run has finished or asks for
   * another version (see runState). Plain pg: this is the worker's hot path and the bytes are the
   * expensive part through Prisma (see PgPool).
   */
  async claim(id: string, versions: Readonly<Record<string, string>>): Promise<ClaimedRun | null> {
    const rows = await this.pg.query<Omit<ClaimedRun, 'content'> & StoredContent>(
      `UPDATE analysis_runs r SET status = 'RUNNING', "startedAt" = now(), attempts = r.attempts + 1
       FROM measurements m JOIN samples s ON s.id = m."sampleId" JOIN alloys a ON a.id = s."alloyId", data_files f
       WHERE r.id = $1 AND r.status IN ('QUEUED', 'RUNNING') AND r."analyzerVersion" = $2::jsonb ->> r.analyzer
         AND m.id = r."measurementId" AND f.id = r."fileId"
       RETURNING r.id, r."measurementId", r.analyzer, r.attempts, m.technique::text AS technique, m.conditions, m."sampleId", s."massMg", a."densityGCm3", f.encoding, f.content`,
      [id, JSON.stringify(versions)],
    );
    if (rows.length === 0) return null;
    const { encoding, content, ...run } = rows[0];
    return { ...run, content: await unpackContent({ encoding, content }) };
  }

  /** A run's status, attempts and what it asks for, for a worker that could not claim it or gives it up. */
  async runState(id: string): Promise<(RunTarget & { status: RunStatus; analyzerVersion: string; attempts: number }) | undefined> {
    const [row] = await this.pg.query<RunTarget & { status: RunStatus; analyzerVersion: string; attempts: number }>(
      'SELECT status, "measurementId", "fileId", "fileSha256", analyzer, "analyzerVersion", attempts FROM analysis_runs WHERE id = $1',
      [id],
    );
    return row;
  }

  /**
   * Fails a run that will not be analysed (QUEUED or RUNNING: superseded, or given up after its
   * last attempt) without claiming it first; false when it had finished already.
   */
  async failUnfinished(id: string, errorCode: string, error: string): Promise<boolean> {
    const rows = await this.pg.query(
      `UPDATE analysis_runs SET status = 'FAILED', "errorCode" = $2, error = $3, timings = '{}'::jsonb, "finishedAt" = now()
       WHERE id = $1 AND status IN ('QUEUED', 'RUNNING') RETURNING id`,
      [id, errorCode, error],
    );
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
      timings: Record<string, number>;
    },
  ): Promise<boolean> {
    const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));
    const rows = await this.pg.query(
      `UPDATE analysis_runs SET status = $2::"RunStatus", metrics = $3::jsonb, warnings = $4::jsonb, curves = $5::jsonb, error = $6, "errorCode" = $7, timings = $8::jsonb, "finishedAt" = now()
       WHERE id = $1 AND status = 'RUNNING' RETURNING id`,
      [
        id,
        outcome.status,
        json(outcome.metrics),
        json(outcome.warnings),
        json(outcome.curves),
        outcome.error ?? null,
        outcome.errorCode ?? null,
        json(outcome.timings),
      ],
    );
    return rows.length === 1;
  }

  /** Runs whose publish never happened (Redis was down at upload time). */
  unpublished(createdBefore: Date, limit: number): Promise<{ id: string }[]> {
    return this.prisma.analysisRun.findMany({
      where: { status: 'QUEUED', publishedAt: null, createdAt: { lt: createdBefore } },
      select: { id: true },
      orderBy: { createdAt: 'asc' },
      take: limit,
    });
  }

  /** Unfinished runs published long ago: their job may have been lost with Redis. */
  publishedBefore(before: Date, limit: number): Promise<{ id: string }[]> {
    return this.prisma.analysisRun.findMany({
      where: { status: { in: ['QUEUED', 'RUNNING'] }, publishedAt: { lt: before } },
      select: { id: true },
      orderBy: { publishedAt: 'asc' },
      take: limit,
    });
  }

  /** The FC partner of a ZFC magnetic measurement: the newest file of an FC measurement of the same sample. */
  async fcPartnerBytes(sampleId: string, excludeMeasurementId: string): Promise<Buffer | undefined> {
    const rows = await this.pg.query<StoredContent>(
      `SELECT f.encoding, f.content FROM measurement_files mf JOIN measurements m ON m.id = mf."measurementId" JOIN data_files f ON f.id = mf."fileId"
       WHERE m."sampleId" = $1 AND m.id <> $2 AND m.technique = 'MAGNETIC' AND m.conditions->>'mode' = 'FC'
       ORDER BY mf."createdAt" DESC LIMIT 1`,
      [sampleId, excludeMeasurementId],
    );
    return rows[0] && unpackContent(rows[0]);
  }

  /** The newest run per (measurement, file, analyzer) matching the filter, for re-runs (without metrics and curves). */
  latestRuns(filter: { analyzer?: string; campaignId?: string }): Promise<(RunTarget & { analyzerVersion: string })[]> {
    return this.prisma.analysisRun.findMany({
      where: {
        analyzer: filter.analyzer,
        ...(filter.campaignId ? { measurement: { sample: { assignments: { some: { campaignId: filter.campaignId } } } } } : {}),
      },
      select: { measurementId: true, fileId: true, fileSha256: true, analyzer: true, analyzerVersion: true },
      orderBy: { createdAt: 'desc' },
      distinct: ['measurementId', 'fileId', 'analyzer'],
    });
  }

  /**
   * Serializes re-queues until the transaction ends: two (workers starting together, a rerun
   * beside them) would otherwise both find no current-version run and one would hit the unique key.
   */
  async lockRequeues(tx: Db): Promise<void> {
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${REQUEUE_LOCK_KEY})`);
  }

  create(db: Db, data: Prisma.AnalysisRunUncheckedCreateInput): Promise<AnalysisRun> {
    return db.analysisRun.create({ data });
  }
}
