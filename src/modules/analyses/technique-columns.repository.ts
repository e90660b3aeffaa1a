import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { Database, Executor } from '../../infra/database/database';

/**
 * The technique columns (measurements.technique, campaigns.plannedTechniques) are text holding
 * registry ids, not a database enum (a CHECK cannot follow a registry that lives in code); the API
 * validates techniques against the registry before storing them. This reads back what is stored
 * and is not in a registry, so a worker can say which files it cannot analyse.
 */
@Injectable()
export class TechniqueColumnsRepository {
  constructor(private readonly database: Database) {}

  /** Stored technique values that are not among `ids`, sorted; [] when every value is registered. */
  async unregistered(ids: readonly string[], db: Executor = this.database.kysely): Promise<string[]> {
    const known = [...ids];
    const rows = await sql<{ technique: string }>`
      SELECT technique FROM measurements WHERE NOT (technique = ANY(${known}::text[]))
      UNION
      SELECT t FROM campaigns, unnest("plannedTechniques") AS t WHERE NOT (t = ANY(${known}::text[]))
      ORDER BY 1`.execute(db);
    return rows.rows.map((r) => r.technique);
  }
}
