import { LegacyRows } from '../setup/legacy-rows';
import { StepwiseDatabase } from '../setup/migrations';

const MIGRATION = '20261201233127_campaign_alloy';

/**
 * The campaign_alloy migration on a database that already holds campaigns: each takes the alloy
 * most of its assigned pieces are made of; one with no pieces takes the only alloy when there is
 * one, and keeps NULL (set by its first assignment) when there are several.
 */
describe(`migration ${MIGRATION}: backfilling campaigns.alloyId`, () => {
  const t0 = new Date('2026-01-05T10:00:00Z');

  /** An ingot → ribbon → `n` pieces of one alloy, assigned to `campaignId` at level 0. */
  async function pieces(rows: LegacyRows, alloyId: string, code: string, n: number, campaignId: string, by: string) {
    const ingot = await rows.sample({ code, kind: 'INGOT', alloyId, createdById: by, createdAt: t0 });
    const ribbon = await rows.sample({ code: `${code}-R1`, kind: 'RIBBON', alloyId, parentId: ingot, createdById: by, createdAt: t0 });
    for (let i = 1; i <= n; i++) {
      const piece = await rows.sample({ code: `${code}-R1-P${i}`, kind: 'PIECE', alloyId, parentId: ribbon, createdById: by, createdAt: t0 });
      await rows.assign(campaignId, piece, 0, by);
    }
  }

  const alloyOf = async (db: StepwiseDatabase, campaignId: string) =>
    (await db.client.query<{ alloyId: string | null }>(`SELECT "alloyId" FROM campaigns WHERE id = $1`, [campaignId])).rows[0].alloyId;

  it('takes the majority alloy of the assigned pieces, and leaves a campaign without pieces NULL when several alloys exist', async () => {
    const db = await StepwiseDatabase.create();
    try {
      await db.upTo(MIGRATION);
      const rows = new LegacyRows(db.client);
      const pi = await rows.user();
      const laAl = await rows.alloy('La75Al25');
      const laGa = await rows.alloy('La70Ga30');
      const mostlyLaAl = await rows.campaign('mostly La75Al25', pi);
      await pieces(rows, laAl, 'I0001', 3, mostlyLaAl, pi);
      await pieces(rows, laGa, 'I0002', 1, mostlyLaAl, pi);
      const onlyLaGa = await rows.campaign('only La70Ga30', pi);
      await pieces(rows, laGa, 'I0003', 2, onlyLaGa, pi);
      const empty = await rows.campaign('no pieces yet', pi);

      await db.apply(MIGRATION);

      expect(await alloyOf(db, mostlyLaAl)).toBe(laAl);
      expect(await alloyOf(db, onlyLaGa)).toBe(laGa);
      expect(await alloyOf(db, empty)).toBeNull();
      // The later migrations apply on top: the backfilled rows are valid under the current schema.
      await db.rest();
      expect(await alloyOf(db, mostlyLaAl)).toBe(laAl);
    } finally {
      await db.drop();
    }
  });

  it('gives a campaign without pieces the only alloy in the database', async () => {
    const db = await StepwiseDatabase.create();
    try {
      await db.upTo(MIGRATION);
      const rows = new LegacyRows(db.client);
      const pi = await rows.user();
      const only = await rows.alloy('La75Al25');
      const empty = await rows.campaign('designed, nothing assigned', pi);

      await db.apply(MIGRATION);

      expect(await alloyOf(db, empty)).toBe(only);
    } finally {
      await db.drop();
    }
  });
});
