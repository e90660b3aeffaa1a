import { randomUUID } from 'node:crypto';
import { Database } from '../../src/infra/database/database';
import { deriveSummary } from '../../src/modules/samples/sample-view';
import { SamplesRepository } from '../../src/modules/samples/samples.repository';
import { LegacyRows } from '../setup/legacy-rows';
import { StepwiseDatabase } from '../setup/migrations';
import { openDatabase } from '../setup/test-db';

const MIGRATION = '20261202023350_rederive_glass_state';

const HOUR = 3_600_000;
const anneal = (targetK: number, holdMin: number) => ({
  kind: 'ANNEAL',
  params: { targetK, heatingRateKPerMin: 10, holdMin, atmosphere: 'Ar', cooling: 'furnace' },
});
const cryo = (lowK: number, highK: number, cycles: number) => ({ kind: 'CRYO_CYCLE', params: { lowK, highK, cycles, dwellS: 60, media: 'LN2' } });
const crystallize = (targetK: number, holdMin: number) => ({
  kind: 'CRYSTALLIZE',
  params: { targetK, heatingRateKPerMin: 10, holdMin, atmosphere: 'Ar', cooling: 'furnace' },
});
type Treatment = { kind: string; params: object };

/**
 * The rederive_glass_state migration on samples stored under the old rules (a ribbon spun from a
 * cycled ingot stored as REJUVENATED, signatures in entry order, retracted steps still counted):
 * afterwards every stored state and signature is what the application derives today.
 */
describe(`migration ${MIGRATION}: re-deriving stored state and signature`, () => {
  let db: StepwiseDatabase;
  let rows: LegacyRows;
  let database: Database | undefined;
  let by: string;
  let alloyId: string;
  const t0 = new Date('2026-01-05T08:00:00Z').getTime();
  // Every row is entered one millisecond after the previous one, so entry order is never a tie.
  let clock = new Date('2026-02-01T00:00:00Z').getTime();
  const entered = () => new Date(clock++);
  const seqOf = new Map<string, number>();

  const sample = (code: string, kind: 'INGOT' | 'RIBBON' | 'PIECE', parentId: string | undefined, state: string, signature: string) =>
    rows.sample({ code, kind, alloyId, parentId, state, signature, createdById: by, createdAt: entered() });
  const step = async (sampleId: string, t: { kind: string; params: object }, performedAt: number) => {
    const seq = (seqOf.get(sampleId) ?? 0) + 1;
    seqOf.set(sampleId, seq);
    return rows.step({ sampleId, seq, ...t, performedAt: new Date(performedAt), createdAt: entered(), createdById: by });
  };
  const retract = (stepId: string) =>
    db.client.query(`INSERT INTO retractions (id, target, "stepId", reason, "retractedById") VALUES ($1, 'STEP', $2, 'logged on the wrong piece', $3)`, [
      randomUUID(),
      stepId,
      by,
    ]);
  const stored = async (id: string) =>
    (await db.client.query<{ state: string; signature: string }>(`SELECT state::text, signature FROM samples WHERE id = $1`, [id])).rows[0];

  const named: Record<string, { id: string; state: string; signature: string }> = {};

  beforeAll(async () => {
    db = await StepwiseDatabase.create();
    await db.upTo(MIGRATION);
    rows = new LegacyRows(db.client);
    by = await rows.user();
    alloyId = await rows.alloy('La75Al25');

    // A cryo-cycled ingot (treatments on ingots were accepted then); the old rule carried its cycles into the ribbon and pieces.
    const ingot = await sample('I0001', 'INGOT', undefined, 'REJUVENATED', 'C77/293K×3');
    await step(ingot, { kind: 'ARC_MELT', params: { massG: 5, melts: 5 } }, t0);
    await step(ingot, cryo(77, 293, 3), t0 + HOUR);
    const spunFromCycled = await sample('I0001-R1', 'RIBBON', ingot, 'REJUVENATED', 'C77/293K×3');
    await step(spunFromCycled, { kind: 'MELT_SPIN', params: { wheelSpeedMs: 40, thicknessUm: 25 } }, t0 + 2 * HOUR);
    const cutFromCycled = await sample('I0001-R1-P01', 'PIECE', spunFromCycled, 'REJUVENATED', 'C77/293K×3');
    await step(cutFromCycled, { kind: 'CUT', params: { lengthMm: 4, massMg: 2 } }, t0 + 3 * HOUR);
    named.spunFromCycled = { id: spunFromCycled, state: 'AS_QUENCHED', signature: '' };
    named.cutFromCycled = { id: cutFromCycled, state: 'AS_QUENCHED', signature: '' };

    // A ribbon whose cycling was logged after its anneal but performed before it: stored in entry order.
    const ribbon = await sample('I0001-R2', 'RIBBON', ingot, 'REJUVENATED', 'C77/293K×3 → A453K·5min → C77/293K×27');
    await step(ribbon, { kind: 'MELT_SPIN', params: { wheelSpeedMs: 40, thicknessUm: 25 } }, t0 + 2 * HOUR);
    await step(ribbon, anneal(453, 5), t0 + 5 * HOUR);
    await step(ribbon, cryo(77, 293, 27), t0 + 4 * HOUR);
    named.backdated = { id: ribbon, state: 'ANNEALED', signature: 'C77/293K×27 → A453K·5min' };

    // Cut between the ribbon's cycling and its anneal: it inherits the cycling only.
    const between = await sample('I0001-R2-P01', 'PIECE', ribbon, 'ANNEALED', 'A453K·5min → C77/293K×27');
    await step(between, { kind: 'CUT', params: { lengthMm: 4, massMg: 2 } }, t0 + 4.5 * HOUR);
    named.cutBetween = { id: between, state: 'REJUVENATED', signature: 'C77/293K×27' };

    // Cut after both; its own anneal (453.25 K, half a minute) was retracted, then it was cycled 50 times.
    const after = await sample('I0001-R2-P02', 'PIECE', ribbon, 'ANNEALED', 'A453K·5min → C77/293K×27 → A453.25K·0.5min');
    await step(after, { kind: 'CUT', params: { lengthMm: 4, massMg: 2 } }, t0 + 6 * HOUR);
    await retract(await step(after, anneal(453.25, 0.5), t0 + 7 * HOUR));
    await step(after, cryo(77.5, 293, 50), t0 + 8 * HOUR);
    named.retracted = { id: after, state: 'REJUVENATED', signature: 'C77/293K×27 → A453K·5min → C77.5/293K×50' };

    // Crystallized, then annealed: crystallization is irreversible.
    const crystallized = await sample('I0001-R2-P03', 'PIECE', ribbon, 'ANNEALED', 'X513K·10min → A453K·1min');
    await step(crystallized, { kind: 'CUT', params: { lengthMm: 4, massMg: 2 } }, t0 + 4.5 * HOUR);
    await step(crystallized, crystallize(513, 10), t0 + 9 * HOUR);
    await step(crystallized, anneal(453, 1 / 3), t0 + 10 * HOUR);
    named.crystallized = { id: crystallized, state: 'CRYSTALLIZED', signature: 'C77/293K×27 → X513K·10min → A453K·0.333min' };

    // Many more histories, drawn at random (fixed seed): performedAt ties, backdating, retractions, pieces cut at any point.
    let seed = 20261202;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
    const treatments: Treatment[] = [anneal(453, 5), anneal(453, 0.5), anneal(440.1234, 8), cryo(77, 293, 27), cryo(4.2, 300, 3), crystallize(513, 10)];
    const at = () => t0 + 2 * HOUR + Math.floor(rand() * 12) * 30 * 60_000;
    for (let r = 0; r < 15; r++) {
      const rib = await sample(`I0002-R${r + 1}`, 'RIBBON', ingot, pick(['REJUVENATED', 'ANNEALED', 'AS_QUENCHED']), pick(['', 'C77/293K×3']));
      await step(rib, { kind: 'MELT_SPIN', params: { wheelSpeedMs: 40, thicknessUm: 25 } }, t0 + 2 * HOUR);
      for (let s = Math.floor(rand() * 6); s > 0; s--) {
        const id = await step(rib, pick(treatments), at());
        if (rand() < 0.2) await retract(id);
      }
      for (let p = Math.floor(rand() * 4); p > 0; p--) {
        const piece = await sample(`I0002-R${r + 1}-P${p}`, 'PIECE', rib, pick(['REJUVENATED', 'CRYSTALLIZED']), pick(['', 'A453K·5min']));
        await step(piece, { kind: 'CUT', params: { lengthMm: 4, massMg: 2 } }, at());
        for (let s = Math.floor(rand() * 4); s > 0; s--) {
          const id = await step(piece, pick(treatments), at() + 6 * HOUR);
          if (rand() < 0.2) await retract(id);
        }
      }
    }

    await db.apply(MIGRATION);
    await db.rest();
    database = openDatabase(db.url);
  }, 120_000);
  afterAll(async () => {
    await database?.onModuleDestroy();
    await db?.drop();
  });

  it.each(['spunFromCycled', 'cutFromCycled', 'backdated', 'cutBetween', 'retracted', 'crystallized'])('%s', async (name) => {
    const { id, ...expected } = named[name];
    expect(await stored(id)).toEqual(expected);
  });

  it('leaves ingots AS_CAST with no signature', async () => {
    const ingots = await db.client.query<{ state: string; signature: string }>(`SELECT DISTINCT state::text, signature FROM samples WHERE kind = 'INGOT'`);
    expect(ingots.rows).toEqual([{ state: 'AS_CAST', signature: '' }]);
  });

  it('stores, for every sample, what the application derives from its steps (state and signature)', async () => {
    const repo = new SamplesRepository(database!);
    const ids = (await db.client.query<{ id: string }>(`SELECT id FROM samples ORDER BY code`)).rows.map((r) => r.id);
    expect(ids.length).toBeGreaterThan(30);
    const mismatches: string[] = [];
    for (const id of ids) {
      const chain = await repo.chain(id);
      const derived = deriveSummary(chain, await repo.stepsOf(chain.map((s) => s.id)));
      const self = chain[chain.length - 1];
      if (self.state !== derived.state || self.signature !== derived.signature)
        mismatches.push(`${self.code}: stored ${self.state} "${self.signature}", derived ${derived.state} "${derived.signature}"`);
    }
    expect(mismatches).toEqual([]);
  });
});
