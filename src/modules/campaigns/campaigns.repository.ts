import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import { compileOnce } from '../../infra/database/compile-once';
import { Database, Executor, json } from '../../infra/database/database';
import type { CampaignRow, RunStatus, Technique } from '../../infra/database/schema';
import { metricsFromPicked, type MetricPathPlan } from '../../../libs/analysis/src/technique/metric-paths';
import { reportMetricPlan } from '../reports/report-metric-plan';
import { TECHNIQUES, type Techniques } from '../techniques/technique-registry';

export interface AssignedPiece {
  sampleId: string;
  code: string;
  level: number;
}

export interface MeasurementFacts {
  sampleId: string;
  technique: Technique;
  mode: 'ZFC' | 'FC' | null;
  fileCount: number;
  /** `metrics`: only what a report reads (reportMetricPlan); null when the run stored no JSON object. */
  runs: { id: string; status: RunStatus; analyzer: string; analyzerVersion: string; createdAt: Date; metrics: Record<string, unknown> | null }[];
}

/** node-pg cannot parse an array of a PostgreSQL enum (its type OID is the database's own), so it is read as text[]. */
const CAMPAIGN_COLUMNS = [
  'id',
  'name',
  'hypothesis',
  'factor',
  sql<Technique[]>`"plannedTechniques"::text[]`.as('plannedTechniques'),
  'alloyId',
  'projectId',
  'createdById',
  'createdAt',
] as const;

/** The only place that touches campaigns and campaign_assignments. */
@Injectable()
export class CampaignsRepository {
  private readonly plan: MetricPathPlan;

  constructor(
    private readonly database: Database,
    @Inject(TECHNIQUES) techniques: Techniques,
  ) {
    this.plan = reportMetricPlan(techniques);
  }

  private get db(): Executor {
    return this.database.kysely;
  }

  create(db: Executor, data: Omit<CampaignRow, 'id' | 'createdAt'>): Promise<CampaignRow> {
    return db
      .insertInto('campaigns')
      .values({ id: randomUUID(), ...data, factor: json(data.factor)! })
      .returning(CAMPAIGN_COLUMNS)
      .executeTakeFirstOrThrow();
  }

  async find(id: string): Promise<CampaignRow | null> {
    return (await campaignById(this.db, id))[0] ?? null;
  }

  /** Newest first; only these projects' campaigns (undefined: every project's). */
  list(projectIds: string[] | undefined): Promise<CampaignRow[]> {
    let q = this.db.selectFrom('campaigns').select(CAMPAIGN_COLUMNS);
    if (projectIds) q = q.where('projectId', '=', sql<string>`ANY(${projectIds}::uuid[])`);
    return q.orderBy('createdAt', 'desc').execute();
  }

  upsertAssignment(
    db: Executor,
    campaignId: string,
    sampleId: string,
    level: number,
    createdById: string,
  ): Promise<{ campaignId: string; sampleId: string; level: number }> {
    return db
      .insertInto('campaign_assignments')
      .values({ campaignId, sampleId, level, createdById })
      .onConflict((oc) => oc.columns(['campaignId', 'sampleId']).doUpdateSet({ level }))
      .returning(['campaignId', 'sampleId', 'level'])
      .executeTakeFirstOrThrow();
  }

  /** Names the alloy of an old campaign the migration could not place (its first assignment decides); false if it had one. */
  async setAlloyIfUnset(db: Executor, campaignId: string, alloyId: string): Promise<boolean> {
    const rows = await db.updateTable('campaigns').set({ alloyId }).where('id', '=', campaignId).where('alloyId', 'is', null).returning('id').execute();
    return rows.length === 1;
  }

  pieces(campaignId: string): Promise<AssignedPiece[]> {
    return piecesOf(this.db, campaignId);
  }

  /**
   * Every measurement of the campaign's pieces with its file count and runs, newest run first
   * (no curves, no bytes; of the metrics only the keys a report reads): one statement of flat rows, grouped here.
   */
  async measurementFacts(campaignId: string): Promise<MeasurementFacts[]> {
    const rows = await factsOf(this.db, campaignId, this.plan.keys);
    const facts = new Map<string, MeasurementFacts>();
    for (const r of rows) {
      let m = facts.get(r.id);
      if (!m) {
        const mode = r.mode === 'ZFC' || r.mode === 'FC' ? r.mode : null;
        facts.set(r.id, (m = { sampleId: r.sampleId, technique: r.technique, mode, fileCount: Number(r.fileCount), runs: [] }));
      }
      if (r.runId)
        m.runs.push({
          id: r.runId,
          status: r.status!,
          analyzer: r.analyzer!,
          analyzerVersion: r.analyzerVersion!,
          createdAt: r.createdAt!,
          metrics: metricsFromPicked(this.plan, r.metrics),
        });
    }
    return [...facts.values()];
  }
}

const campaignById = compileOnce((db: Executor, id: string) => db.selectFrom('campaigns').select(CAMPAIGN_COLUMNS).where('id', '=', id));

const piecesOf = compileOnce((db: Executor, campaignId: string) =>
  db
    .selectFrom('campaign_assignments as ca')
    .innerJoin('samples as s', 's.id', 'ca.sampleId')
    .select(['ca.sampleId', 's.code', 'ca.level'])
    .where('ca.campaignId', '=', campaignId)
    .orderBy('ca.level')
    .orderBy('s.code'),
);

/**
 * Retracted measurements and retracted file links (with their runs) are left out. Metrics: the
 * `keys` of the stored object (null for metrics that are no object). A run's metrics (~3.5 kB for a
 * magnetic one) are stored compressed; every function reading the column decompresses it again,
 * so the lateral decompresses once (`|| '{}'` returns the value, detoasted; OFFSET 0 keeps the
 * subquery from being inlined into each use) and the object test and key filter read that copy.
 */
const factsOf = compileOnce((db: Executor, campaignId: string, keys: readonly string[]) =>
  db
    .selectFrom('measurements as m')
    .leftJoin('analysis_runs as r', (j) =>
      j
        .onRef('r.measurementId', '=', 'm.id')
        .on((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('retractions as fx')
                .select('fx.id')
                .whereRef('fx.fileMeasurementId', '=', 'r.measurementId')
                .whereRef('fx.fileId', '=', 'r.fileId'),
            ),
          ),
        ),
    )
    .select(['m.id', 'm.sampleId', 'm.technique', sql<string | null>`m.conditions->>'mode'`.as('mode')])
    .select((eb) =>
      eb
        .selectFrom('measurement_files as mf')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('mf.measurementId', '=', 'm.id')
        .where((w) =>
          w.not(
            w.exists(
              w
                .selectFrom('retractions as lx')
                .select('lx.id')
                .whereRef('lx.fileMeasurementId', '=', 'mf.measurementId')
                .whereRef('lx.fileId', '=', 'mf.fileId'),
            ),
          ),
        )
        .as('fileCount'),
    )
    .leftJoinLateral(sql<{ whole: unknown }>`(SELECT r.metrics || '{}'::jsonb AS whole OFFSET 0)`.as('rm'), (j) => j.onTrue())
    .select(['r.id as runId', 'r.status', 'r.analyzer', 'r.analyzerVersion', 'r.createdAt'])
    .select(
      sql<unknown>`CASE WHEN jsonb_typeof(rm.whole) = 'object' THEN coalesce((SELECT jsonb_object_agg(e.key, e.value) FROM jsonb_each(rm.whole) e WHERE e.key = ANY(${keys}::text[])), '{}'::jsonb) END`.as(
        'metrics',
      ),
    )
    .where('m.sampleId', 'in', (eb) => eb.selectFrom('campaign_assignments as ca').select('ca.sampleId').where('ca.campaignId', '=', campaignId))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('retractions as x').select('x.id').whereRef('x.measurementId', '=', 'm.id'))))
    .orderBy('m.id')
    .orderBy('r.createdAt', 'desc'),
);
