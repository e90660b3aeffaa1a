import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import { compileOnce, compileOncePerShape } from '../../infra/database/compile-once';
import { Database, Executor, json } from '../../infra/database/database';
import type { NewSample, ProcessStepRow, RunStatus, SampleKind, SampleRow, SampleState, StepKind, Technique } from '../../infra/database/schema';
import { ListSamplesDto } from './dto/list-samples.dto';
import type { RetractionInfo, StepRow } from './sample-view';

export type SampleWithAlloy = SampleRow & { alloy: { id: string; name: string; tgK: number; txK: number; densityGCm3: number } };

export interface NewStep {
  sampleId: string;
  kind: StepKind;
  params: object;
  flags?: string[];
  overrideReason?: string;
  performedAt?: Date;
  createdById: string;
}

export interface MeasurementTimelineRow {
  id: string;
  technique: Technique;
  instrument: string;
  conditions: unknown;
  performedAt: Date;
  createdById: string;
  retraction: RetractionInfo | null;
  runs: {
    id: string;
    fileId: string;
    status: RunStatus;
    analyzer: string;
    analyzerVersion: string;
    error: string | null;
    createdAt: Date;
    finishedAt: Date | null;
    /** The retraction of the run's file link, if the link was retracted. */
    fileRetraction: RetractionInfo | null;
  }[];
}

export type SampleListRow = Pick<SampleRow, 'id' | 'code' | 'kind' | 'state' | 'signature' | 'alloyId' | 'projectId' | 'parentId' | 'massMg' | 'createdAt'>;

/** A page query as the repository runs it: the caller's projects resolved (undefined: every project). */
export type SampleListQuery = Omit<ListSamplesDto, 'projectId'> & { projectIds?: string[] };

const SAMPLE_COLUMNS = [
  'id',
  'code',
  'kind',
  'alloyId',
  'projectId',
  'parentId',
  'massMg',
  'lengthMm',
  'notes',
  'state',
  'signature',
  'createdById',
  'createdAt',
] as const;
const STEP_COLUMNS = ['id', 'sampleId', 'seq', 'kind', 'params', 'flags', 'overrideReason', 'performedAt', 'createdById', 'createdAt'] as const;

type ChainRow = SampleRow & { alloyName: string; tgK: number; txK: number; densityGCm3: number };

/** The only place that touches the samples and process_steps tables. */
@Injectable()
export class SamplesRepository {
  constructor(private readonly database: Database) {}

  private get db(): Executor {
    return this.database.kysely;
  }

  async countByKind(db: Executor, kind: SampleKind, parentId?: string): Promise<number> {
    let q = db
      .selectFrom('samples')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('kind', '=', kind);
    if (parentId) q = q.where('parentId', '=', parentId);
    return Number((await q.executeTakeFirstOrThrow()).n);
  }

  create(db: Executor, data: Omit<NewSample, 'id'>): Promise<SampleRow> {
    return db
      .insertInto('samples')
      .values({ id: randomUUID(), ...data })
      .returning(SAMPLE_COLUMNS)
      .executeTakeFirstOrThrow();
  }

  /** Appends a step at the end of the sample's sequence; (sampleId, seq) is unique, so a concurrent append fails instead of interleaving. */
  async appendStep(db: Executor, step: NewStep): Promise<StepRow> {
    const row = await db
      .insertInto('process_steps')
      .values((eb) => ({
        id: randomUUID(),
        sampleId: step.sampleId,
        seq: eb
          .selectFrom('process_steps')
          .select(sql<number>`COALESCE(MAX(seq), 0) + 1`.as('next'))
          .where('sampleId', '=', step.sampleId),
        kind: step.kind,
        params: json(step.params)!,
        flags: step.flags ?? [],
        overrideReason: step.overrideReason ?? null,
        performedAt: step.performedAt ?? new Date(),
        createdById: step.createdById,
      }))
      .returning(STEP_COLUMNS)
      .executeTakeFirstOrThrow();
    return { ...row, retraction: null };
  }

  async setDerived(db: Executor, id: string, state: SampleState, signature: string): Promise<void> {
    await db.updateTable('samples').set({ state, signature }).where('id', '=', id).execute();
  }

  /** Sets the cached state and signature of many samples in one statement. */
  async setDerivedMany(db: Executor, rows: { id: string; state: SampleState; signature: string }[]): Promise<void> {
    if (rows.length === 0) return;
    await sql`
      UPDATE samples s SET state = v.state::"SampleState", signature = v.signature
      FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.state)}::text[], ${rows.map((r) => r.signature)}::text[]) AS v(id, state, signature)
      WHERE s.id = v.id AND (s.state::text <> v.state OR s.signature <> v.signature)`.execute(db);
  }

  /** A ribbon's pieces (their cached state follows the ribbon's steps performed before each cut). */
  children(parentId: string, db: Executor = this.db): Promise<SampleRow[]> {
    return db.selectFrom('samples').select(SAMPLE_COLUMNS).where('parentId', '=', parentId).orderBy('code').execute();
  }

  /** The samples and their parents (a piece's ribbon), for deriving many samples' totals at once. */
  withParents(ids: string[], db: Executor = this.db): Promise<SampleRow[]> {
    return db
      .selectFrom('samples')
      .select(SAMPLE_COLUMNS)
      .where((eb) =>
        eb.or([
          eb('id', '=', sql<string>`ANY(${ids}::uuid[])`),
          eb(
            'id',
            'in',
            eb
              .selectFrom('samples as c')
              .select('c.parentId')
              .where('c.id', '=', sql<string>`ANY(${ids}::uuid[])`),
          ),
        ]),
      )
      .execute();
  }

  /** The sample and its ancestors, root first (at most INGOT → RIBBON → PIECE), in one round trip. */
  async chain(id: string, db: Executor = this.db): Promise<SampleWithAlloy[]> {
    return (await chainOf(db, id)).map(toSampleWithAlloy);
  }

  /** The samples' steps, each with its retraction (one statement). */
  async stepsOf(ids: string[], db: Executor = this.db): Promise<StepRow[]> {
    return (await stepsOf(db, ids)).map(toStepRow);
  }

  /**
   * The sample's measurements with their analysis runs, for its history timeline: one query of
   * flat rows (run metrics and curves stay out: the timeline links to them), grouped here, so
   * every time arrives through the pool's UTC parser.
   */
  async measurementTimeline(sampleId: string): Promise<MeasurementTimelineRow[]> {
    const rows = await timelineOf(this.db, sampleId);
    const byId = new Map<string, MeasurementTimelineRow>();
    for (const r of rows) {
      let m = byId.get(r.id);
      if (!m) {
        m = {
          id: r.id,
          technique: r.technique,
          instrument: r.instrument,
          conditions: r.conditions,
          performedAt: r.performedAt,
          createdById: r.createdById,
          retraction: r.retractedById ? { by: r.retractedById, byName: r.retractedByName!, at: r.retractedAt!, reason: r.retractionReason! } : null,
          runs: [],
        };
        byId.set(r.id, m);
      }
      if (r.runId) {
        m.runs.push({
          id: r.runId,
          fileId: r.fileId!,
          fileRetraction: r.fileRetractedById
            ? { by: r.fileRetractedById, byName: r.fileRetractedByName!, at: r.fileRetractedAt!, reason: r.fileRetractionReason! }
            : null,
          status: r.status!,
          analyzer: r.analyzer!,
          analyzerVersion: r.analyzerVersion!,
          error: r.error,
          createdAt: r.runCreatedAt!,
          finishedAt: r.finishedAt,
        });
      }
    }
    return [...byId.values()];
  }

  descendants(id: string): Promise<Pick<SampleRow, 'id' | 'code' | 'kind' | 'parentId' | 'state' | 'signature'>[]> {
    return this.db
      .selectFrom('samples')
      .select(['id', 'code', 'kind', 'parentId', 'state', 'signature'])
      .where((eb) => eb.or([eb('parentId', '=', id), eb('parentId', 'in', eb.selectFrom('samples as p').select('p.id').where('p.parentId', '=', id))]))
      .orderBy('code')
      .execute();
  }

  /**
   * One page of samples in code order, `limit + 1` rows (see toPage). The code prefix is a
   * byte-order range (~>=~ / ~<~, what LIKE 'prefix%' becomes for a constant pattern), so a
   * plan made without the prefix (a generic one) can still use the text_pattern_ops index; the DTO limits
   * prefixes to [A-Za-z0-9-]. The cursor is the last row's id; a cursor that no longer exists
   * gives an empty page. A campaign keeps its assigned pieces. The caller's projects are one
   * more clause (`"projectId" = ANY($1)`, an index column), left out for ADMIN. Each filter adds
   * a fixed clause, so there are at most 2^7 statement texts; those with a prefix or projects are
   * planned on every call (see listPage).
   */
  list(q: SampleListQuery): Promise<SampleListRow[]> {
    const shape = [q.kind, q.state, q.alloyId, q.codePrefix, q.cursor, q.campaignId, q.projectIds].map((v) => (v ? '1' : '0')).join('');
    const prefix = q.codePrefix ?? '';
    return listPage(
      shape,
      this.db,
      q.kind!,
      q.state!,
      q.alloyId!,
      prefix,
      prefix && prefixUpperBound(prefix),
      q.cursor!,
      q.campaignId!,
      q.projectIds!,
      q.limit + 1,
    );
  }
}

const chainOf = compileOnce(
  (db: Executor, id: string) => sql<ChainRow>`
    WITH RECURSIVE up AS (
      SELECT s.id, s.code, s.kind, s."alloyId", s."projectId", s."parentId", s."massMg", s."lengthMm", s.notes, s.state, s.signature, s."createdById", s."createdAt", 0 AS depth
      FROM samples s WHERE s.id = ${id}::uuid
      UNION ALL
      SELECT p.id, p.code, p.kind, p."alloyId", p."projectId", p."parentId", p."massMg", p."lengthMm", p.notes, p.state, p.signature, p."createdById", p."createdAt", up.depth + 1
      FROM samples p JOIN up ON p.id = up."parentId" WHERE up.depth < 2
    )
    SELECT up.id, up.code, up.kind, up."alloyId", up."projectId", up."parentId", up."massMg", up."lengthMm", up.notes, up.state, up.signature,
           up."createdById", up."createdAt", a.name AS "alloyName", a."tgK", a."txK", a."densityGCm3"
    FROM up JOIN alloys a ON a.id = up."alloyId"
    ORDER BY up.depth DESC`,
);

const stepsOf = compileOnce((db: Executor, ids: string[]) =>
  db
    .selectFrom('process_steps as s')
    .leftJoin('retractions as x', 'x.stepId', 's.id')
    .leftJoin('users as xu', 'xu.id', 'x.retractedById')
    .select(['s.id', 's.sampleId', 's.seq', 's.kind', 's.params', 's.flags', 's.overrideReason', 's.performedAt', 's.createdById', 's.createdAt'])
    .select(['x.retractedById', 'xu.name as retractedByName', 'x.at as retractedAt', 'x.reason as retractionReason'])
    .where('s.sampleId', '=', sql<string>`ANY(${ids}::uuid[])`)
    .orderBy('s.createdAt')
    .orderBy('s.seq'),
);

type StepWithRetraction = ProcessStepRow & {
  retractedById: string | null;
  retractedByName: string | null;
  retractedAt: Date | null;
  retractionReason: string | null;
};

/**
 * Rows are mapped field by field, not with `({ a, ...rest }) => ({ ...rest, … })`: V8 runs an
 * object rest through a slow generic copy (about 4 µs a row against 0.1 µs written out, in a
 * micro-benchmark of a step row), and the history route maps ~40 step rows per request.
 */
const toStepRow = (r: StepWithRetraction): StepRow => ({
  id: r.id,
  sampleId: r.sampleId,
  seq: r.seq,
  kind: r.kind,
  params: r.params,
  flags: r.flags,
  overrideReason: r.overrideReason,
  performedAt: r.performedAt,
  createdById: r.createdById,
  createdAt: r.createdAt,
  retraction: r.retractedById ? { by: r.retractedById, byName: r.retractedByName!, at: r.retractedAt!, reason: r.retractionReason! } : null,
});

/** Field by field, like toStepRow. */
const toSampleWithAlloy = (r: ChainRow): SampleWithAlloy => ({
  id: r.id,
  code: r.code,
  kind: r.kind,
  alloyId: r.alloyId,
  projectId: r.projectId,
  parentId: r.parentId,
  massMg: r.massMg,
  lengthMm: r.lengthMm,
  notes: r.notes,
  state: r.state,
  signature: r.signature,
  createdById: r.createdById,
  createdAt: r.createdAt,
  alloy: { id: r.alloyId, name: r.alloyName, tgK: r.tgK, txK: r.txK, densityGCm3: r.densityGCm3 },
});

const timelineOf = compileOnce((db: Executor, sampleId: string) =>
  db
    .selectFrom('measurements as m')
    .leftJoin('analysis_runs as r', 'r.measurementId', 'm.id')
    .leftJoin('retractions as x', 'x.measurementId', 'm.id')
    .leftJoin('retractions as fx', (j) => j.onRef('fx.fileMeasurementId', '=', 'r.measurementId').onRef('fx.fileId', '=', 'r.fileId'))
    .leftJoin('users as xu', 'xu.id', 'x.retractedById')
    .leftJoin('users as fxu', 'fxu.id', 'fx.retractedById')
    .select(['m.id', 'm.technique', 'm.instrument', 'm.conditions', 'm.performedAt', 'm.createdById'])
    .select(['x.retractedById', 'xu.name as retractedByName', 'x.at as retractedAt', 'x.reason as retractionReason'])
    .select(['r.id as runId', 'r.fileId', 'r.status', 'r.analyzer', 'r.analyzerVersion', 'r.error', 'r.createdAt as runCreatedAt', 'r.finishedAt'])
    .select(['fx.retractedById as fileRetractedById', 'fxu.name as fileRetractedByName', 'fx.at as fileRetractedAt', 'fx.reason as fileRetractionReason'])
    .where('m.sampleId', '=', sampleId)
    .orderBy('m.id')
    .orderBy('r.createdAt'),
);

/** `shape` says which of kind, state, alloyId, codePrefix, cursor, campaignId, projectIds filter the page ('1') and which do not ('0'). */
const listPage = compileOncePerShape(
  (shape) =>
    (
      db: Executor,
      kind: SampleKind,
      state: SampleState,
      alloyId: string,
      prefix: string,
      prefixEnd: string,
      cursor: string,
      campaignId: string,
      projectIds: string[],
      limit: number,
    ) => {
      const [byKind, byState, byAlloy, byPrefix, afterCursor, byCampaign, byProjects] = [...shape].map((c) => c === '1');
      let query = db.selectFrom('samples').select(['id', 'code', 'kind', 'state', 'signature', 'alloyId', 'projectId', 'parentId', 'massMg', 'createdAt']);
      if (byProjects) query = query.where('projectId', '=', sql<string>`ANY(${projectIds}::uuid[])`);
      if (byKind) query = query.where('kind', '=', kind);
      if (byState) query = query.where('state', '=', state);
      if (byAlloy) query = query.where('alloyId', '=', alloyId);
      if (byPrefix) query = query.where(sql<boolean>`code ~>=~ ${prefix} AND code ~<~ ${prefixEnd}`);
      if (afterCursor) query = query.where('code', '>', (eb) => eb.selectFrom('samples as c').select('c.code').where('c.id', '=', cursor));
      if (byCampaign)
        query = query.where('id', 'in', (eb) => eb.selectFrom('campaign_assignments as ca').select('ca.sampleId').where('ca.campaignId', '=', campaignId));
      return query.orderBy('code').limit(limit);
    },
  // A code prefix or the caller's projects: planned for each call's values (CUSTOM_PLAN). The generic
  // plan cannot tell a prefix matching every row from one matching a ribbon's pieces, nor a
  // project holding every sample from an empty one, and no one index order serves both sides
  // while the order stays the collation's (the prefix index is byte order).
  (shape) => shape[3] === '1' || shape[6] === '1',
);

/** The first string after every string that starts with `prefix`, in byte order. */
const prefixUpperBound = (prefix: string): string => prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
