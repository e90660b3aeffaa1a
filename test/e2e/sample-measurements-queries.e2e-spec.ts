import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { magneticCampaign } from '../../libs/instruments/src/campaign';
import { newLineage } from '../factories/sample.factory';
import { newMeasurement, upload } from '../factories/upload.factory';
import { TestApi } from '../setup/test-api';
import { startTestLab, type TestLab } from '../setup/test-lab';

/** Statements that read measurements, their files, runs or retractions (authentication and sessions read none of these). */
const MEASUREMENT_TABLES = /\b(measurements|measurement_files|analysis_runs|retractions)\b/;

/**
 * Issue 11: GET /api/samples/:id/measurements (and the cross-technique view built on the same
 * rows) reads a sample's measurements in a constant number of statements, however many it has;
 * it made four per measurement. Counted at node-pg's Client.query in the API's own process.
 */
describe('a sample’s measurements in a constant number of statements', () => {
  let lab: TestLab;
  let api: TestApi;
  let member: string;
  let few: string;
  let many: string;
  const item = magneticCampaign('ANNEAL_453K', { piecesPerLevel: 1 }).items[0];

  beforeAll(async () => {
    lab = await startTestLab('statements');
    api = lab.api;
    member = lab.member.token;
    const { pieces } = await newLineage(api, member, lab.alloy.id, 2);
    [few, many] = [pieces[0].id, pieces[1].id];
    const measure = async (pieceId: string, n: number) => {
      for (let i = 0; i < n; i++) {
        const m = await newMeasurement(api, member, pieceId, 'MAGNETIC', { mode: 'ZFC', fieldOe: item.zfc.fieldOe });
        expect((await upload(api, member, m.id, `zfc-${i}.dat`, `${item.zfc.text}\n${randomUUID()}`)).status).toBe(202);
      }
    };
    await measure(few, 2);
    await measure(many, 20);
    // One retracted measurement and one retracted file link among the many.
    const listed = await api.request('GET', `/api/samples/${many}/measurements`, { token: member });
    const [first, second] = listed.body as { id: string; files: { fileId: string }[] }[];
    expect((await api.request('POST', `/api/measurements/${first.id}/retract`, { token: member, body: { reason: 'wrong piece' } })).status).toBe(200);
    const fileRetract = await api.request('POST', `/api/measurements/${second.id}/files/${second.files[0].fileId}/retract`, {
      token: member,
      body: { reason: 'wrong file' },
    });
    expect(fileRetract.status).toBe(200);
  }, 120_000);
  afterAll(() => lab?.close());

  /** The measurement statements one GET makes, and its body. */
  async function statementsOf(url: string): Promise<{ statements: string[]; body: unknown }> {
    const spy = jest.spyOn(Client.prototype, 'query');
    try {
      const res = await api.request('GET', url, { token: member });
      expect(res.status).toBe(200);
      const statements = spy.mock.calls
        .map(([q]) => (typeof q === 'string' ? q : ((q as { text?: string }).text ?? '')))
        .filter((text) => MEASUREMENT_TABLES.test(text));
      return { statements, body: res.body };
    } finally {
      spy.mockRestore();
    }
  }

  it('GET /api/samples/:id/measurements: as many statements for 20 measurements as for 2, every measurement with its files and runs', async () => {
    const small = await statementsOf(`/api/samples/${few}/measurements`);
    const large = await statementsOf(`/api/samples/${many}/measurements`);
    expect(small.statements.length).toBeGreaterThan(0);
    expect(small.statements.length).toBeLessThanOrEqual(5);
    expect(large.statements.length).toBe(small.statements.length);
    const body = large.body as {
      id: string;
      retracted: boolean;
      performedAt: string;
      files: { retracted: boolean; latestAnalysis: { status: string } | null }[];
    }[];
    expect(body).toHaveLength(20);
    expect(body.map((m) => m.performedAt)).toEqual([...body.map((m) => m.performedAt)].sort());
    expect(body.every((m) => m.files.length === 1 && m.files[0].latestAnalysis !== null)).toBe(true);
    expect(body.filter((m) => m.retracted)).toHaveLength(1);
    expect(body.filter((m) => m.files[0].retracted)).toHaveLength(1);
    // The same rows as one measurement's own view.
    const one = await api.request('GET', `/api/measurements/${body[5].id}`, { token: member });
    expect(body[5]).toEqual(one.body);
  });

  it('GET /api/samples/:id/cross-technique: as many statements for 20 measurements as for 2', async () => {
    const small = await statementsOf(`/api/samples/${few}/cross-technique`);
    const large = await statementsOf(`/api/samples/${many}/cross-technique`);
    expect(large.statements.length).toBe(small.statements.length);
  });

  it('an unknown sample is still a 404', async () => {
    const res = await api.request('GET', `/api/samples/${randomUUID()}/measurements`, { token: member });
    expect(res.status).toBe(404);
  });
});
