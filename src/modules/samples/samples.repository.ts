import { Injectable } from '@nestjs/common';
import { Prisma, ProcessStep, Sample, SampleKind, SampleState, StepKind } from '@prisma/client';
import { PgPool } from '../../infra/prisma/pg-pool';
import { Db, PrismaService } from '../../infra/prisma/prisma.service';
import { ListSamplesDto } from './dto/list-samples.dto';

export type SampleWithAlloy = Sample & { alloy: { id: string; name: string; tgK: number; txK: number; densityGCm3: number } };

export interface NewStep {
  sampleId: string;
  kind: StepKind;
  params: Prisma.InputJsonObject;
  flags?: string[];
  overrideReason?: string;
  performedAt?: Date;
  createdById: string;
}

export interface MeasurementTimelineRow {
  id: string;
  technique: string;
  instrument: string;
  conditions: Prisma.JsonValue;
  performedAt: Date;
  createdById: string;
  runs: { id: string; status: string; analyzer: string; analyzerVersion: string; error: string | null; createdAt: string; finishedAt: string | null }[];
}

export type SampleListRow = Pick<Sample, 'id' | 'code' | 'kind' | 'state' | 'signature' | 'alloyId' | 'parentId' | 'massMg' | 'createdAt'>;

type ChainRow = Sample & { alloyName: string; tgK: number; txK: number; densityGCm3: number };

/** The only place that touches the samples and process_steps tables. */
@Injectable()
export class SamplesRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly pg: PgPool,
  ) {}

  /**
   * The read queries behind GET /samples/:id and /history go through plain pg (a Prisma raw query
   * costs ~0.4 ms more CPU per call, which bounds the history route's throughput), except inside
   * a transaction, where they must see the transaction's own writes.
   */
  private read<T extends object>(sql: string, params: unknown[], db?: Db): Promise<T[]> {
    return db ? db.$queryRawUnsafe<T[]>(sql, ...params) : this.pg.query<T>(sql, params);
  }

  countByKind(db: Db, kind: SampleKind, parentId?: string): Promise<number> {
    return db.sample.count({ where: { kind, ...(parentId ? { parentId } : {}) } });
  }

  create(db: Db, data: Prisma.SampleUncheckedCreateInput): Promise<Sample> {
    return db.sample.create({ data });
  }

  /** Appends a step at the end of the sample's sequence; (sampleId, seq) is unique, so a concurrent append fails instead of interleaving. */
  async appendStep(db: Db, step: NewStep): Promise<ProcessStep> {
    const last = await db.processStep.findFirst({ where: { sampleId: step.sampleId }, orderBy: { seq: 'desc' }, select: { seq: true } });
    return db.processStep.create({
      data: { ...step, flags: step.flags ?? [], performedAt: step.performedAt ?? new Date(), seq: (last?.seq ?? 0) + 1 },
    });
  }

  setDerived(db: Db, id: string, state: SampleState, signature: string): Promise<unknown> {
    return db.sample.update({ where: { id }, data: { state, signature }, select: { id: true } });
  }

  /**
   * The sample and its ancestors, root first (at most INGOT → RIBBON → PIECE), in one round trip:
   * a nested `include` costs six queries and ~3 ms of query compilation per call.
   */
  async chain(id: string, db?: Db): Promise<SampleWithAlloy[]> {
    const rows = await this.read<ChainRow>(
      `WITH RECURSIVE up AS (
        SELECT s.id, s.code, s.kind, s."alloyId", s."parentId", s."massMg", s."lengthMm", s.notes, s.state, s.signature, s."createdById", s."createdAt", 0 AS depth
        FROM samples s WHERE s.id = $1::uuid
        UNION ALL
        SELECT p.id, p.code, p.kind, p."alloyId", p."parentId", p."massMg", p."lengthMm", p.notes, p.state, p.signature, p."createdById", p."createdAt", up.depth + 1
        FROM samples p JOIN up ON p.id = up."parentId" WHERE up.depth < 2
      )
      SELECT up.id, up.code, up.kind::text, up."alloyId", up."parentId", up."massMg", up."lengthMm", up.notes, up.state::text, up.signature,
             up."createdById", up."createdAt", a.name AS "alloyName", a."tgK", a."txK", a."densityGCm3"
      FROM up JOIN alloys a ON a.id = up."alloyId"
      ORDER BY up.depth DESC`,
      [id],
      db,
    );
    return rows.map(({ alloyName, tgK, txK, densityGCm3, ...sample }) => ({
      ...sample,
      alloy: { id: sample.alloyId, name: alloyName, tgK, txK, densityGCm3 },
    }));
  }

  stepsOf(ids: string[], db?: Db): Promise<ProcessStep[]> {
    return this.read<ProcessStep>(
      `SELECT id, "sampleId", seq, kind::text, params, flags, "overrideReason", "performedAt", "createdById", "createdAt"
       FROM process_steps WHERE "sampleId" = ANY($1::uuid[]) ORDER BY "createdAt", seq`,
      [ids],
      db,
    );
  }

  /**
   * The sample's measurements with their analysis runs, for its history timeline (one query; run
   * metrics and curves stay out: the timeline links to them). The runs' times are marked UTC in
   * the JSON, which would otherwise be read in the process's zone.
   */
  measurementTimeline(sampleId: string): Promise<MeasurementTimelineRow[]> {
    return this.read<MeasurementTimelineRow>(
      `SELECT m.id, m.technique::text AS technique, m.instrument, m.conditions, m."performedAt", m."createdById",
             COALESCE(json_agg(json_build_object('id', r.id, 'status', r.status, 'analyzer', r.analyzer, 'analyzerVersion', r."analyzerVersion",
                                                 'error', r.error, 'createdAt', r."createdAt" AT TIME ZONE 'UTC', 'finishedAt', r."finishedAt" AT TIME ZONE 'UTC') ORDER BY r."createdAt")
                      FILTER (WHERE r.id IS NOT NULL), '[]') AS runs
      FROM measurements m LEFT JOIN analysis_runs r ON r."measurementId" = m.id
      WHERE m."sampleId" = $1::uuid
      GROUP BY m.id`,
      [sampleId],
    );
  }

  descendants(id: string): Promise<Pick<Sample, 'id' | 'code' | 'kind' | 'parentId' | 'state' | 'signature'>[]> {
    const pick = { id: true, code: true, kind: true, parentId: true, state: true, signature: true } as const;
    return this.prisma.sample
      .findMany({ where: { OR: [{ parentId: id }, { parent: { parentId: id } }] }, select: pick, orderBy: { code: 'asc' } })
      .then((rows) => rows);
  }

  /**
   * One page of samples in code order, `limit + 1` rows (see toPage), through plain pg: through
   * Prisma the route spent ~1.4 ms of API CPU per request. The code prefix is a byte-order range
   * (~>=~ / ~<~, what LIKE 'prefix%' becomes for a constant pattern), so a prepared statement's
   * generic plan still uses the text_pattern_ops index; the DTO limits prefixes to [A-Za-z0-9-].
   * The cursor is the last row's id; a cursor that no longer exists gives an empty page.
   */
  list(q: ListSamplesDto): Promise<SampleListRow[]> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    if (q.kind) where.push(`kind = ${param(q.kind)}::"SampleKind"`);
    if (q.state) where.push(`state = ${param(q.state)}::"SampleState"`);
    if (q.alloyId) where.push(`"alloyId" = ${param(q.alloyId)}::uuid`);
    if (q.codePrefix) where.push(`code ~>=~ ${param(q.codePrefix)} AND code ~<~ ${param(prefixUpperBound(q.codePrefix))}`);
    if (q.cursor) where.push(`code > (SELECT code FROM samples WHERE id = ${param(q.cursor)}::uuid)`);
    return this.pg.query<SampleListRow>(
      `SELECT id, code, kind::text AS kind, state::text AS state, signature, "alloyId", "parentId", "massMg", "createdAt"
       FROM samples ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY code LIMIT ${param(q.limit + 1)}`,
      params,
    );
  }
}

/** The first string after every string that starts with `prefix`, in byte order. */
const prefixUpperBound = (prefix: string): string => prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
