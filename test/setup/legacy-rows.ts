import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

/**
 * Rows written straight into the tables, as an older version of the application left them, for
 * the backfill migration specs (test/setup/migrations.ts). Only the columns every migration since
 * the first has had are written, so they insert at any point of the migration history (samples
 * and campaigns up to the projects migration, which makes their projectId required).
 */
export class LegacyRows {
  constructor(private readonly client: Client) {}

  async user(): Promise<string> {
    const id = randomUUID();
    await this.client.query(`INSERT INTO users (id, email, name, role, "passwordHash") VALUES ($1, $2, 'Legacy', 'PI', 'x')`, [id, `${id}@lab.example`]);
    return id;
  }

  async alloy(name: string): Promise<string> {
    const id = randomUUID();
    await this.client.query(`INSERT INTO alloys (id, name, composition, "densityGCm3", "tgK", "txK") VALUES ($1, $2, '{"La":75,"Al":25}', 5.9, 474, 493)`, [
      id,
      name,
    ]);
    return id;
  }

  /** A sample with the state and signature an older rule stored. */
  async sample(s: {
    code: string;
    kind: 'INGOT' | 'RIBBON' | 'PIECE';
    alloyId: string;
    parentId?: string;
    state?: string;
    signature?: string;
    createdById: string;
    createdAt: Date;
  }): Promise<string> {
    const id = randomUUID();
    await this.client.query(
      `INSERT INTO samples (id, code, kind, "alloyId", "parentId", state, signature, "createdById", "createdAt") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [id, s.code, s.kind, s.alloyId, s.parentId ?? null, s.state ?? 'AS_QUENCHED', s.signature ?? '', s.createdById, s.createdAt],
    );
    return id;
  }

  async step(s: { sampleId: string; seq: number; kind: string; params: object; performedAt: Date; createdAt: Date; createdById: string }): Promise<string> {
    const id = randomUUID();
    await this.client.query(
      `INSERT INTO process_steps (id, "sampleId", seq, kind, params, flags, "performedAt", "createdById", "createdAt") VALUES ($1, $2, $3, $4, $5, '{}', $6, $7, $8)`,
      [id, s.sampleId, s.seq, s.kind, JSON.stringify(s.params), s.performedAt, s.createdById, s.createdAt],
    );
    return id;
  }

  async campaign(name: string, createdById: string): Promise<string> {
    const id = randomUUID();
    await this.client.query(
      `INSERT INTO campaigns (id, name, hypothesis, factor, "plannedTechniques", "createdById") VALUES ($1, $2, 'h', '{"kind":"ANNEAL_HOLD_MIN","targetK":453,"levels":[0,1]}', '{MAGNETIC}', $3)`,
      [id, name, createdById],
    );
    return id;
  }

  async assign(campaignId: string, sampleId: string, level: number, createdById: string): Promise<void> {
    await this.client.query(`INSERT INTO campaign_assignments ("campaignId", "sampleId", level, "createdById") VALUES ($1, $2, $3, $4)`, [
      campaignId,
      sampleId,
      level,
      createdById,
    ]);
  }
}
