import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { compileOnce } from '../../infra/database/compile-once';
import { Executor } from '../../infra/database/database';
import type { RetractionTarget, StepKind } from '../../infra/database/schema';

export interface RetractionRecord {
  id: string;
  target: RetractionTarget;
  stepId: string | null;
  measurementId: string | null;
  fileId: string | null;
  reason: string;
  by: string;
  at: Date;
}

/** A record that may be retracted: who made it and whether it already was. */
export interface RetractableTarget {
  authorId: string;
  retracted: boolean;
}

/**
 * The only place that writes the retractions table (append-only: the database refuses UPDATE and
 * DELETE). It also reads each target with its author and retraction state; two concurrent
 * retractions of one record collide on the table's unique keys (no row locks: they would need
 * UPDATE rights on the history tables).
 */
@Injectable()
export class RetractionsRepository {
  async step(db: Executor, stepId: string): Promise<(RetractableTarget & { sampleId: string; kind: StepKind }) | undefined> {
    return (await stepTarget(db, stepId))[0];
  }

  async measurement(db: Executor, id: string): Promise<(RetractableTarget & { sampleId: string; projectId: string }) | undefined> {
    return (await measurementTarget(db, id))[0];
  }

  async fileLink(db: Executor, measurementId: string, fileId: string): Promise<(RetractableTarget & { fileName: string; projectId: string }) | undefined> {
    return (await fileTarget(db, measurementId, fileId))[0];
  }

  async insert(
    db: Executor,
    r: {
      target: RetractionTarget;
      stepId?: string;
      measurementId?: string;
      fileMeasurementId?: string;
      fileId?: string;
      reason: string;
      retractedById: string;
    },
  ): Promise<RetractionRecord> {
    const row = await db
      .insertInto('retractions')
      .values({
        id: randomUUID(),
        target: r.target,
        stepId: r.stepId ?? null,
        measurementId: r.measurementId ?? null,
        fileMeasurementId: r.fileMeasurementId ?? null,
        fileId: r.fileId ?? null,
        reason: r.reason,
        retractedById: r.retractedById,
      })
      .returning(['id', 'target', 'stepId', 'measurementId', 'fileMeasurementId', 'fileId', 'reason', 'retractedById', 'at'])
      .executeTakeFirstOrThrow();
    return {
      id: row.id,
      target: row.target,
      stepId: row.stepId,
      measurementId: row.measurementId ?? row.fileMeasurementId,
      fileId: row.fileId,
      reason: row.reason,
      by: row.retractedById,
      at: row.at,
    };
  }
}

const stepTarget = compileOnce((db: Executor, stepId: string) =>
  db
    .selectFrom('process_steps as s')
    .select(['s.sampleId', 's.kind', 's.createdById as authorId'])
    .select((eb) =>
      eb
        .exists(eb.selectFrom('retractions as x').select('x.id').whereRef('x.stepId', '=', 's.id'))
        .$castTo<boolean>()
        .as('retracted'),
    )
    .where('s.id', '=', stepId),
);

const measurementTarget = compileOnce((db: Executor, id: string) =>
  db
    .selectFrom('measurements as m')
    .innerJoin('samples as s', 's.id', 'm.sampleId')
    .select(['m.sampleId', 'm.createdById as authorId', 's.projectId'])
    .select((eb) =>
      eb
        .exists(eb.selectFrom('retractions as x').select('x.id').whereRef('x.measurementId', '=', 'm.id'))
        .$castTo<boolean>()
        .as('retracted'),
    )
    .where('m.id', '=', id),
);

const fileTarget = compileOnce((db: Executor, measurementId: string, fileId: string) =>
  db
    .selectFrom('measurement_files as mf')
    .innerJoin('measurements as m', 'm.id', 'mf.measurementId')
    .innerJoin('samples as s', 's.id', 'm.sampleId')
    .select(['mf.fileName', 'mf.uploadedById as authorId', 's.projectId'])
    .select((eb) =>
      eb
        .exists(
          eb.selectFrom('retractions as x').select('x.id').whereRef('x.fileMeasurementId', '=', 'mf.measurementId').whereRef('x.fileId', '=', 'mf.fileId'),
        )
        .$castTo<boolean>()
        .as('retracted'),
    )
    .where('mf.measurementId', '=', measurementId)
    .where('mf.fileId', '=', fileId),
);
