import { Injectable } from '@nestjs/common';
import { Database } from '../../infra/database/database';

/** Sample lookups the bulk-upload matcher needs (by exact code). */
@Injectable()
export class UploadsRepository {
  constructor(private readonly database: Database) {}

  /** The samples among these codes that exist, with their ids. */
  async samplesByCode(codes: readonly string[]): Promise<Map<string, string>> {
    if (codes.length === 0) return new Map();
    const rows = await this.database.kysely
      .selectFrom('samples')
      .select(['id', 'code'])
      .where('code', 'in', [...codes])
      .execute();
    return new Map(rows.map((r) => [r.code, r.id]));
  }
}
