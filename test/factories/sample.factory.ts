import { TestApi } from '../setup/test-api';

export const LA75AL25 = { name: 'La75Al25', composition: { La: 75, Al: 25 }, densityGCm3: 5.9, tgK: 474, txK: 493 };

async function ok(resP: Promise<{ status: number; body: any }>, expected: number) {
  const res = await resP;
  if (res.status !== expected) throw new Error(`expected ${expected}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function newAlloy(api: TestApi, piToken: string, overrides: Partial<typeof LA75AL25> = {}) {
  return ok(
    api.request('POST', '/api/alloys', { token: piToken, body: { ...LA75AL25, name: `La75Al25-${Math.random().toString(36).slice(2, 8)}`, ...overrides } }),
    201,
  );
}

/** When each creating step was performed (default now), and each piece's mass (default 1.2 mg). */
export interface LineageOptions {
  arcMelt?: Date;
  meltSpin?: Date;
  cut?: Date;
  massMg?: number;
}

const at = (d: Date | undefined) => (d ? { performedAt: d.toISOString() } : {});

/** Ingot → ribbon → `pieces` pieces, returning each created sample. */
export async function newLineage(api: TestApi, token: string, alloyId: string, pieces = 2, options: LineageOptions = {}) {
  const ingot = await ok(api.request('POST', '/api/samples/ingots', { token, body: { alloyId, massG: 5, melts: 5, ...at(options.arcMelt) } }), 201);
  const ribbon = await ok(
    api.request('POST', `/api/samples/${ingot.id}/ribbons`, { token, body: { wheelSpeedMs: 40, thicknessUm: 25, ...at(options.meltSpin) } }),
    201,
  );
  const cut = await ok(
    api.request('POST', `/api/samples/${ribbon.id}/pieces`, { token, body: { count: pieces, lengthMm: 4, massMg: options.massMg ?? 1.2, ...at(options.cut) } }),
    201,
  );
  return { ingot, ribbon, pieces: cut as { id: string; code: string; kind: string }[] };
}

export const anneal = (targetK: number, holdMin: number, extra: object = {}) => ({
  kind: 'ANNEAL',
  targetK,
  heatingRateKPerMin: 20,
  holdMin,
  atmosphere: 'Ar',
  cooling: 'water quench',
  ...extra,
});
export const cryo = (cycles: number) => ({ kind: 'CRYO_CYCLE', lowK: 77, highK: 293, cycles, dwellLowS: 60, dwellHighS: 60 });
