import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { Database } from '../../infra/database/database';

/** Sample lookups the bulk-upload matcher needs (by exact code). */
@Injectable()
export class UploadsRepository {
  constructor(private readonly database: Database) {}

  /** The samples among these codes that exist in these projects (undefined: any project), with their ids. */
  async samplesByCode(codes: readonly string[], projectIds: string[] | undefined): Promise<Map<string, string>> {
    if (codes.length === 0 || projectIds?.length === 0) return new Map();
    let q = this.database.kysely
      .selectFrom('samples')
      .select(['id', 'code'])
      .where('code', '=', sql<string>`ANY(${[...codes]}::text[])`);
    if (projectIds) q = q.where('projectId', '=', sql<string>`ANY(${projectIds}::uuid[])`);
    const rows = await q.execute();
    return new Map(rows.map((r) => [r.code, r.id]));
  }
}
