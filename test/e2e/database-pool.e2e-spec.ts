import { Client } from 'pg';
import { PG_BASE_URL } from '../../scripts/pg-admin';
import { anneal, newAlloy, newLineage } from '../factories/sample.factory';
import { newMeasurement, upload } from '../factories/upload.factory';
import { newUser } from '../factories/user.factory';
import { TestApi } from '../setup/test-api';

const POOL_MAX = 3;

/**
 * One pool per process: under a burst of concurrent requests over every kind of read and write,
 * the API holds at most DB_POOL_MAX connections to its database (two pools of DB_POOL_MAX each
 * would show up to twice that), and the requests queue for them instead of failing.
 */
describe('the API process opens at most DB_POOL_MAX connections', () => {
  let api: TestApi;
  let admin: Client;
  let dbName: string;
  let member: string;
  let ids: { pieceId: string; ribbonId: string; measurementId: string; alloyId: string };

  beforeAll(async () => {
    api = await TestApi.start({ DB_POOL_MAX: String(POOL_MAX) });
    dbName = new URL(api.databaseUrl).pathname.slice(1);
    admin = new Client({ connectionString: `${PG_BASE_URL}/postgres` });
    await admin.connect();
    const token = await api.login();
    const pi = await newUser(api, token, 'PI');
    member = (await newUser(api, token, 'MEMBER')).token;
    const alloy = await newAlloy(api, pi.token);
    const lineage = await newLineage(api, member, alloy.id, 2);
    await api.request('POST', `/api/samples/${lineage.pieces[0].id}/treatments`, { token: member, body: anneal(453, 1) });
    const m = await newMeasurement(api, member, lineage.pieces[0].id, 'XRD', { wavelengthA: 1.5406 });
    ids = { pieceId: lineage.pieces[0].id, ribbonId: lineage.ribbon.id, measurementId: m.id, alloyId: alloy.id };
  });
  afterAll(async () => {
    await admin?.end();
    await api?.close();
  });

  const connections = async () =>
    Number((await admin.query<{ n: string }>('SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1', [dbName])).rows[0].n);

  it('holds no more than DB_POOL_MAX connections through a burst of 120 requests, and answers them all', async () => {
    const get = (url: string) => api.request('GET', url, { token: member });
    const burst = Array.from({ length: 120 }, (_, i) => {
      switch (i % 8) {
        case 0:
          return get(`/api/samples/${ids.pieceId}/history`);
        case 1:
          return get(`/api/samples/${ids.pieceId}`);
        case 2:
          return get(`/api/samples?kind=PIECE&limit=10`);
        case 3:
          return get(`/api/measurements/${ids.measurementId}`);
        case 4:
          return get(`/api/audit?entityId=${ids.pieceId}`);
        case 5:
          return get(`/api/samples/${ids.ribbonId}/lineage`);
        case 6:
          return api.request('POST', '/api/measurements', {
            token: member,
            body: { sampleId: ids.pieceId, technique: 'DSC', instrument: 'DSC 8500', conditions: {} },
          });
        default:
          return upload(api, member, ids.measurementId, `burst-${i}.xy`, `# 2theta I\n${i} 1\n${i + 1} 2\n`);
      }
    });
    let peak = 0;
    let done = false;
    const sampling = (async () => {
      while (!done) {
        peak = Math.max(peak, await connections());
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    const responses = await Promise.all(burst);
    done = true;
    await sampling;
    peak = Math.max(peak, await connections());
    expect(responses.map((r) => r.status).filter((s) => s >= 300)).toEqual([]);
    expect(peak).toBeGreaterThanOrEqual(2);
    expect(peak).toBeLessThanOrEqual(POOL_MAX);
  });
});
