import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { compileOnce } from '../../infra/database/compile-once';
import { Database, Executor } from '../../infra/database/database';

/** The plot curves of analysis runs, for report figures (the only report query that reads curves). */
@Injectable()
export class ReportCurvesRepository {
  constructor(private readonly database: Database) {}

  /** Run id → its stored curves (JSON), for the runs that have any. */
  async curvesOf(runIds: readonly string[]): Promise<Map<string, unknown>> {
    if (runIds.length === 0) return new Map();
    const rows = await curvesById(this.database.kysely, [...runIds]);
    return new Map(rows.flatMap((r) => (r.curves === null ? [] : [[r.id, r.curves] as [string, unknown]])));
  }
}

const curvesById = compileOnce((db: Executor, ids: string[]) =>
  db
    .selectFrom('analysis_runs')
    .select(['id', 'curves'])
    .where('id', '=', sql<string>`ANY(${ids}::uuid[])`),
);
