import Redis from 'ioredis';
import { runEventsChannel } from '../../src/infra/queue/queue.constants';
import { addMember, defaultProjectId, newProject } from '../factories/project.factory';
import { anneal, newAlloy, newLineage } from '../factories/sample.factory';
import { newMeasurement, upload } from '../factories/upload.factory';
import { newUser } from '../factories/user.factory';
import { uniquePrefix } from '../setup/test-db';
import { TestApi } from '../setup/test-api';

/**
 * Projects keep groups apart (issue 12, item 7): a member of project B meets project A's records
 * exactly as records that do not exist (404), lists and streams leave them out, and the PI role
 * that counts is the one in the record's project.
 */
// Each test user logs in once, at scrypt's cost: a few of them take seconds on a busy two-core machine.
jest.setTimeout(180_000);

describe('projects', () => {
  let api: TestApi;
  let admin: string;
  let alloyId: string;
  const CAMPAIGN = (name: string, projectId?: string) => ({
    name,
    alloyId,
    hypothesis: 'annealing lowers shielding',
    factor: { kind: 'ANNEAL_HOLD_MIN', targetK: 453, levels: [0, 1] },
    plannedTechniques: ['MAGNETIC'],
    ...(projectId ? { projectId } : {}),
  });
  const queuePrefix = uniquePrefix('projects');
  let A: { id: string; name: string };
  let B: { id: string; name: string };
  let memberA: { id: string; token: string };
  let piA: { id: string; token: string };
  let memberB: { id: string; token: string };
  let piB: { id: string; token: string };
  /** A's records, made by A's member and PI. */
  let a: { ingotId: string; pieceId: string; pieceCode: string; measurementId: string; fileId: string; runId: string; campaignId: string };

  beforeAll(async () => {
    api = await TestApi.start({ QUEUE_PREFIX: queuePrefix });
    admin = await api.login();
    A = await newProject(api, admin, 'Group A');
    B = await newProject(api, admin, 'Group B');
    memberA = await newUser(api, admin, 'MEMBER', A.id);
    piA = await newUser(api, admin, 'PI', A.id);
    memberB = await newUser(api, admin, 'MEMBER', B.id);
    piB = await newUser(api, admin, 'PI', B.id);
    alloyId = (await newAlloy(api, piA.token)).id;
    const lineage = await newLineage(api, memberA.token, alloyId, 2);
    const m = await newMeasurement(api, memberA.token, lineage.pieces[0].id, 'MAGNETIC', { mode: 'ZFC', fieldOe: 20 });
    const up = await upload(api, memberA.token, m.id, 'a.dat', 'not really an MPMS file\n');
    expect(up.status).toBe(202);
    const campaign = await api.request('POST', '/api/campaigns', { token: piA.token, body: CAMPAIGN('A anneal') });
    expect(campaign.status).toBe(201);
    a = {
      ingotId: lineage.ingot.id,
      pieceId: lineage.pieces[0].id,
      pieceCode: lineage.pieces[0].code,
      measurementId: m.id,
      fileId: up.body.fileId,
      runId: up.body.analysisRunIds[0],
      campaignId: campaign.body.id,
    };
  });
  afterAll(() => api?.close());

  describe('managing projects', () => {
    it('ADMIN creates a project; a taken name is 409 naming name; a blank one 400 naming name; others may not create', async () => {
      const made = await api.request('POST', '/api/projects', { token: admin, body: { name: 'Group C' } });
      expect(made.status).toBe(201);
      expect(made.body).toMatchObject({ id: expect.any(String), name: 'Group C', role: null });
      const again = await api.request('POST', '/api/projects', { token: admin, body: { name: 'Group C' } });
      expect(again.status).toBe(409);
      expect(again.body.field).toBe('name');
      const blank = await api.request('POST', '/api/projects', { token: admin, body: { name: '' } });
      expect(blank.status).toBe(400);
      expect(JSON.stringify(blank.body)).toContain('name');
      const long = await api.request('POST', '/api/projects', { token: admin, body: { name: 'x'.repeat(101) } });
      expect(long.status).toBe(400);
      const byPi = await api.request('POST', '/api/projects', { token: piA.token, body: { name: 'Group D' } });
      expect(byPi.status).toBe(403);
    });

    it('GET /api/projects: ADMIN sees every project, a member only theirs with their role there', async () => {
      const all = await api.request<{ name: string }[]>('GET', '/api/projects', { token: admin });
      expect(all.body.map((p) => p.name)).toEqual(expect.arrayContaining(['Default', 'Group A', 'Group B']));
      const mine = await api.request('GET', '/api/projects', { token: piA.token });
      expect(mine.body).toEqual([{ id: A.id, name: 'Group A', createdAt: expect.any(String), role: 'PI' }]);
      const members = await api.request<{ userId: string; role: string }[]>('GET', `/api/projects/${A.id}/members`, { token: memberA.token });
      expect(members.status).toBe(200);
      expect(members.body.map((m) => [m.userId, m.role]).sort()).toEqual(
        [
          [memberA.id, 'MEMBER'],
          [piA.id, 'PI'],
        ].sort(),
      );
      expect((await api.request('GET', `/api/projects/${A.id}/members`, { token: memberB.token })).status).toBe(404);
    });

    it('adding a member: unknown user 404 naming userId, unknown project 404, bad role 400; the role defaults from the global one', async () => {
      const unknownUser = await api.request('POST', `/api/projects/${B.id}/members`, {
        token: admin,
        body: { userId: '00000000-0000-4000-8000-000000000000' },
      });
      expect(unknownUser.status).toBe(404);
      expect(unknownUser.body.field).toBe('userId');
      const unknownProject = await api.request('POST', '/api/projects/00000000-0000-4000-8000-000000000000/members', {
        token: admin,
        body: { userId: memberB.id, role: 'MEMBER' },
      });
      expect(unknownProject.status).toBe(404);
      const badRole = await api.request('POST', `/api/projects/${B.id}/members`, { token: admin, body: { userId: memberB.id, role: 'ADMIN' } });
      expect(badRole.status).toBe(400);
      expect(JSON.stringify(badRole.body)).toContain('role');
      const pi = await newUser(api, admin, 'PI', null);
      const added = await api.request('POST', `/api/projects/${B.id}/members`, { token: admin, body: { userId: pi.id } });
      expect(added.status).toBe(200);
      expect(added.body).toEqual({ projectId: B.id, userId: pi.id, role: 'PI' });
      const gone = await api.request('DELETE', `/api/projects/${B.id}/members/${pi.id}`, { token: admin });
      expect(gone.status).toBe(204);
      expect((await api.request('DELETE', `/api/projects/${B.id}/members/${pi.id}`, { token: admin })).status).toBe(404);
      expect((await api.request('DELETE', `/api/projects/${B.id}/members/${pi.id}`, { token: memberB.token })).status).toBe(403);
    });
  });

  describe("another project's records answer 404, like records that do not exist", () => {
    type Ids = typeof a;
    const cases: [string, 'GET' | 'POST', (x: Ids) => string, ((x: Ids) => object)?][] = [
      ['sample', 'GET', (x) => `/api/samples/${x.pieceId}`],
      ['lineage', 'GET', (x) => `/api/samples/${x.pieceId}/lineage`],
      ['history', 'GET', (x) => `/api/samples/${x.pieceId}/history`],
      ["sample's measurements", 'GET', (x) => `/api/samples/${x.pieceId}/measurements`],
      ['cross-technique comparison', 'GET', (x) => `/api/samples/${x.pieceId}/cross-technique`],
      ['report SVG', 'GET', (x) => `/api/campaigns/${x.campaignId}/report.svg`],
      ['ribbon from the ingot', 'POST', (x) => `/api/samples/${x.ingotId}/ribbons`, () => ({ wheelSpeedMs: 40, thicknessUm: 25 })],
      ['treatment', 'POST', (x) => `/api/samples/${x.pieceId}/treatments`, () => anneal(453, 1)],
      ['measurement', 'GET', (x) => `/api/measurements/${x.measurementId}`],
      ['analysis', 'GET', (x) => `/api/analyses/${x.runId}`],
      ['analysis plot', 'GET', (x) => `/api/analyses/${x.runId}/plot`],
      ['analysis plot SVG', 'GET', (x) => `/api/analyses/${x.runId}/plot.svg`],
      ['analysis retry', 'POST', (x) => `/api/analyses/${x.runId}/retry`],
      ['file download', 'GET', (x) => `/api/files/${x.fileId}/raw`],
      ['measurement retraction', 'POST', (x) => `/api/measurements/${x.measurementId}/retract`, () => ({ reason: 'wrong piece' })],
      ['file retraction', 'POST', (x) => `/api/measurements/${x.measurementId}/files/${x.fileId}/retract`, () => ({ reason: 'wrong file' })],
      ['campaign', 'GET', (x) => `/api/campaigns/${x.campaignId}`],
      ['progress', 'GET', (x) => `/api/campaigns/${x.campaignId}/progress`],
      ['report', 'GET', (x) => `/api/campaigns/${x.campaignId}/report`],
      ['report CSV', 'GET', (x) => `/api/campaigns/${x.campaignId}/report.csv`],
      ['report HTML', 'GET', (x) => `/api/campaigns/${x.campaignId}/report.html`],
      ['candidates', 'GET', (x) => `/api/campaigns/${x.campaignId}/candidates`],
      ['assignment', 'POST', (x) => `/api/campaigns/${x.campaignId}/assignments`, (x) => ({ sampleId: x.pieceId, level: 0 })],
      ['share link', 'POST', (x) => `/api/campaigns/${x.campaignId}/share`, () => ({ expiresInDays: 1 })],
    ];
    it.each(cases.map(([what, method, path, body]) => ({ what, method, path, body })))('$what', async ({ method, path, body }) => {
      // The same answer a record that does not exist gets, with the real ids swapped for made-up ones.
      const missingId = '00000000-0000-4000-8000-000000000000';
      const fake = Object.fromEntries(Object.entries(a).map(([k, v]) => [k, k === 'pieceCode' ? v : missingId])) as Ids;
      const same = (r: { body: { message: string } }) => ({ ...r.body, message: r.body.message.replaceAll(/[0-9a-f-]{36}/g, 'ID') });
      for (const caller of [piB, memberB]) {
        const foreign = await api.request(method, path(a), { token: caller.token, body: body?.(a) });
        const missing = await api.request(method, path(fake), { token: caller.token, body: body?.(fake) });
        // A PI of B gets B's 404; a MEMBER of B may be refused first (403) by a PI-only route, for both alike.
        expect(foreign.status).toBe(caller === piB || foreign.status !== 403 ? 404 : 403);
        expect(missing.status).toBe(foreign.status);
        expect(same(foreign)).toEqual(same(missing));
      }
      // ADMIN sees every project.
      if (method === 'GET') expect((await api.request(method, path(a), { token: admin })).status).toBe(200);
    });

    it("a measurement on another project's sample is 404 naming sampleId; an upload to its measurement 404", async () => {
      const m = await api.request('POST', '/api/measurements', {
        token: memberB.token,
        body: { sampleId: a.pieceId, technique: 'MAGNETIC', instrument: 'virtual', conditions: {} },
      });
      expect(m.status).toBe(404);
      expect(m.body.field).toBe('sampleId');
      expect((await upload(api, memberB.token, a.measurementId, 'b.dat', 'other bytes\n')).status).toBe(404);
    });
  });

  describe('lists, matching and the audit log stay within the caller’s projects', () => {
    it("sample and campaign lists leave other projects' records out; ADMIN's hold them", async () => {
      const listB = await api.request('GET', '/api/samples?limit=200', { token: memberB.token });
      expect(listB.body.items).toEqual([]);
      const listA = await api.request<{ items: { projectId: string }[] }>('GET', '/api/samples?limit=200', { token: memberA.token });
      expect(listA.body.items.length).toBe(4);
      expect(new Set(listA.body.items.map((s) => s.projectId))).toEqual(new Set([A.id]));
      expect((await api.request('GET', `/api/samples?projectId=${A.id}`, { token: memberB.token })).body.items).toEqual([]);
      const byAdmin = await api.request<{ items: { id: string }[] }>('GET', `/api/samples?projectId=${A.id}&limit=200`, { token: admin });
      expect(byAdmin.body.items.length).toBe(4);
      expect((await api.request('GET', '/api/campaigns', { token: memberB.token })).body).toEqual([]);
      const campaignsA = await api.request<{ id: string; projectId: string }[]>('GET', '/api/campaigns', { token: memberA.token });
      expect(campaignsA.body.map((c) => [c.id, c.projectId])).toEqual([[a.campaignId, A.id]]);
      expect((await api.request<{ id: string }[]>('GET', '/api/campaigns', { token: admin })).body.map((c) => c.id)).toContain(a.campaignId);
    });

    it("bulk-upload matching never proposes another project's sample", async () => {
      const files = [{ fileName: `${a.pieceCode}_zfc.dat`, headBase64: Buffer.from('[Header]\n').toString('base64') }];
      const forB = await api.request('POST', '/api/uploads/match', { token: memberB.token, body: { files } });
      expect(forB.status).toBe(200);
      expect(forB.body.proposals[0].sampleId).toBeNull();
      const forA = await api.request('POST', '/api/uploads/match', { token: memberA.token, body: { files } });
      expect(forA.body.proposals[0].sampleId).toBe(a.pieceId);
    });

    it("the audit log shows a member their projects' rows only: no other project's, no user management", async () => {
      const forB = await api.request<{ entityId: string; action: string; projectId: string }[]>('GET', '/api/audit?limit=1000', { token: memberB.token });
      expect(forB.status).toBe(200);
      expect(forB.body).toEqual([]);
      const forA = await api.request<{ entityId: string; action: string; projectId: string }[]>('GET', '/api/audit?limit=1000', { token: memberA.token });
      expect(forA.body.map((r) => r.entityId)).toEqual(expect.arrayContaining([a.ingotId, a.measurementId, a.campaignId]));
      expect(new Set(forA.body.map((r) => r.projectId))).toEqual(new Set([A.id]));
      expect(forA.body.some((r) => r.action.startsWith('user.'))).toBe(false);
      expect((await api.request('GET', `/api/audit?entityId=${a.pieceId}`, { token: memberB.token })).body).toEqual([]);
      const forAdmin = await api.request<{ action: string }[]>('GET', '/api/audit?limit=1000', { token: admin });
      expect(forAdmin.body.some((r) => r.action === 'user.create')).toBe(true);
    });
  });

  describe('which project a new ingot or campaign goes to', () => {
    it('a caller in one project need not say; in several must (422 naming projectId); not in the named one 404 naming projectId; in none 422', async () => {
      const both = await newUser(api, admin, 'MEMBER', A.id);
      await addMember(api, admin, both.id, 'MEMBER', B.id);
      const ingot = { alloyId, massG: 5, melts: 5 };
      const unsaid = await api.request('POST', '/api/samples/ingots', { token: both.token, body: ingot });
      expect(unsaid.status).toBe(422);
      expect(unsaid.body.field).toBe('projectId');
      const inB = await api.request('POST', '/api/samples/ingots', { token: both.token, body: { ...ingot, projectId: B.id } });
      expect(inB.status).toBe(201);
      expect((await api.request('GET', `/api/samples/${inB.body.id}`, { token: memberB.token })).body.projectId).toBe(B.id);
      // Its ribbon and pieces inherit the project.
      const ribbon = await api.request('POST', `/api/samples/${inB.body.id}/ribbons`, { token: memberB.token, body: { wheelSpeedMs: 40, thicknessUm: 25 } });
      expect(ribbon.status).toBe(201);
      expect((await api.request('GET', `/api/samples/${ribbon.body.id}`, { token: memberB.token })).body.projectId).toBe(B.id);
      expect((await api.request('GET', `/api/samples/${ribbon.body.id}`, { token: memberA.token })).status).toBe(404);

      const notMine = await api.request('POST', '/api/samples/ingots', { token: memberA.token, body: { ...ingot, projectId: B.id } });
      expect(notMine.status).toBe(404);
      expect(notMine.body.field).toBe('projectId');
      const malformed = await api.request('POST', '/api/samples/ingots', { token: memberA.token, body: { ...ingot, projectId: 'B' } });
      expect(malformed.status).toBe(400);
      expect(JSON.stringify(malformed.body)).toContain('projectId');
      const nowhere = await newUser(api, admin, 'MEMBER', null);
      const none = await api.request('POST', '/api/samples/ingots', { token: nowhere.token, body: ingot });
      expect(none.status).toBe(422);
      expect(none.body.field).toBe('projectId');
      // ADMIN, with several projects in the database, names one.
      expect((await api.request('POST', '/api/samples/ingots', { token: admin, body: ingot })).body.field).toBe('projectId');
      const byAdmin = await api.request('POST', '/api/samples/ingots', { token: admin, body: { ...ingot, projectId: await defaultProjectId(api, admin) } });
      expect(byAdmin.status).toBe(201);
    });

    it("campaign names are unique within a project; a campaign takes only its own project's pieces", async () => {
      const dup = await api.request('POST', '/api/campaigns', { token: piA.token, body: CAMPAIGN('A anneal') });
      expect(dup.status).toBe(409);
      expect(dup.body.field).toBe('name');
      const sameNameInB = await api.request('POST', '/api/campaigns', { token: admin, body: CAMPAIGN('A anneal', B.id) });
      expect(sameNameInB.status).toBe(201);
      expect(sameNameInB.body.projectId).toBe(B.id);
      const cross = await api.request('POST', `/api/campaigns/${sameNameInB.body.id}/assignments`, { token: admin, body: { sampleId: a.pieceId, level: 0 } });
      expect(cross.status).toBe(422);
      expect(cross.body.field).toBe('sampleId');
      const own = await api.request('POST', `/api/campaigns/${a.campaignId}/assignments`, { token: piA.token, body: { sampleId: a.pieceId, level: 0 } });
      expect(own.status).toBe(201);
    });
  });

  describe('roles within projects', () => {
    it('a PI of project A who is a MEMBER of B cannot override the Tg guard, design a campaign or share a report in B; can in A', async () => {
      const pi = await newUser(api, admin, 'PI', A.id);
      await addMember(api, admin, pi.id, 'MEMBER', B.id);
      const lineageB = await newLineage(api, memberB.token, alloyId, 1);
      const lineageA = await newLineage(api, memberA.token, alloyId, 1);
      const above = anneal(480, 1, { override: { reason: 'supercooled-liquid test' } });
      const inB = await api.request('POST', `/api/samples/${lineageB.pieces[0].id}/treatments`, { token: pi.token, body: above });
      expect(inB.status).toBe(403);
      expect(inB.body.field).toBe('override');
      expect(inB.body.message).toContain('MEMBER');
      const inA = await api.request('POST', `/api/samples/${lineageA.pieces[0].id}/treatments`, { token: pi.token, body: above });
      expect(inA.status).toBe(201);
      expect(inA.body.step.flags).toContain('TG_OVERRIDE');
      const campaignB = await api.request('POST', '/api/campaigns', { token: pi.token, body: CAMPAIGN('B by A-PI', B.id) });
      expect(campaignB.status).toBe(403);
      const campaignA = await api.request('POST', '/api/campaigns', { token: pi.token, body: CAMPAIGN('A by A-PI', A.id) });
      expect(campaignA.status).toBe(201);
      expect((await api.request('POST', `/api/campaigns/${campaignA.body.id}/share`, { token: pi.token, body: { expiresInDays: 1 } })).status).toBe(201);
      // A global MEMBER made PI of a project has a PI's powers there.
      const promoted = await newUser(api, admin, 'MEMBER', B.id);
      await addMember(api, admin, promoted.id, 'PI', B.id);
      expect((await api.request('POST', '/api/campaigns', { token: promoted.token, body: CAMPAIGN('B by promoted') })).status).toBe(201);
    });

    it('a global demotion to MEMBER makes the user MEMBER in every project where they were PI; an ADMIN may give a PI role back', async () => {
      const pi = await newUser(api, admin, 'PI', A.id);
      await addMember(api, admin, pi.id, 'PI', B.id);
      const script = (await api.request('POST', '/api/auth/tokens', { token: pi.token, body: { name: 'script', scope: 'full' } })).body.token as string;
      // Used once, so its memberships (PI in A and B) sit in the cache.
      expect((await api.request('POST', '/api/campaigns', { token: script, body: CAMPAIGN('A before demotion', A.id) })).status).toBe(201);
      expect((await api.request('PATCH', `/api/users/${pi.id}`, { token: admin, body: { role: 'MEMBER' } })).status).toBe(200);
      const roles = async (projectId: string) =>
        (await api.request('GET', `/api/projects/${projectId}/members`, { token: admin })).body.find((m: { userId: string }) => m.userId === pi.id).role;
      expect([await roles(A.id), await roles(B.id)]).toEqual(['MEMBER', 'MEMBER']);
      expect((await api.request('POST', '/api/campaigns', { token: script, body: CAMPAIGN('A after demotion', A.id) })).status).toBe(403);
      for (const project of [A, B]) {
        const audit = await api.request<{ action: string; data: { userId?: string; role?: string; because?: string } }[]>(
          'GET',
          `/api/audit?entityId=${project.id}`,
          {
            token: admin,
          },
        );
        const lowered = audit.body.filter((e) => e.action === 'project.member-set' && e.data?.userId === pi.id).map((e) => [e.data.role, e.data.because]);
        expect(lowered).toContainEqual(['MEMBER', 'global role MEMBER']);
      }
      await addMember(api, admin, pi.id, 'PI', B.id);
      expect([await roles(A.id), await roles(B.id)]).toEqual(['MEMBER', 'PI']);
      expect((await api.request('POST', '/api/campaigns', { token: script, body: CAMPAIGN('B after re-grant', B.id) })).status).toBe(201);
    });

    it('a membership change takes effect on the next request: added, the records open; removed, they are 404 again', async () => {
      const user = await newUser(api, admin, 'MEMBER', B.id);
      const path = `/api/samples/${a.pieceId}`;
      expect((await api.request('GET', path, { token: user.token })).status).toBe(404);
      await addMember(api, admin, user.id, 'MEMBER', A.id);
      expect((await api.request('GET', path, { token: user.token })).status).toBe(200);
      const removed = await api.request('DELETE', `/api/projects/${A.id}/members/${user.id}`, { token: admin });
      expect(removed.status).toBe(204);
      expect((await api.request('GET', path, { token: user.token })).status).toBe(404);
      expect(
        (await api.request('GET', '/api/samples?limit=200', { token: user.token })).body.items.map((s: { projectId: string }) => s.projectId),
      ).not.toContain(A.id);
    });

    it("an API token acts within its user's projects", async () => {
      const made = await api.request('POST', '/api/auth/tokens', { token: memberB.token, body: { name: 'script', scope: 'READ' } });
      expect(made.status).toBe(201);
      expect((await api.request('GET', `/api/samples/${a.pieceId}`, { token: made.body.token })).status).toBe(404);
      const mine = await api.request('POST', '/api/auth/tokens', { token: memberA.token, body: { name: 'script', scope: 'READ' } });
      expect((await api.request('GET', `/api/samples/${a.pieceId}`, { token: mine.body.token })).status).toBe(200);
    });
  });

  describe('event streams', () => {
    let base: string;
    let redis: Redis;
    beforeAll(async () => {
      await api.app.listen(0, '127.0.0.1');
      base = `http://127.0.0.1:${(api.app.getHttpServer().address() as { port: number }).port}`;
      redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    });
    afterAll(() => redis?.quit());

    const channel = () => runEventsChannel(queuePrefix);
    const event = (runId: string, projectId: string) =>
      JSON.stringify({ runId, status: 'SUCCEEDED', measurementId: runId, projectId, analyzer: 'magnetic', at: new Date().toISOString() });

    /**
     * Opens a stream and collects the run ids of its events until `until` arrives (bounded). The API
     * subscribes to Redis in its own time after answering 200, so a probe event in a project the
     * caller sees is published until the stream shows it; only then are the events under test
     * published (Redis delivers one connection's messages in order), and probes are left out.
     */
    const collect = async (token: string, probeProjectId: string, until: string, publish: () => Promise<void>): Promise<string[]> => {
      const abort = new AbortController();
      const res = await fetch(`${base}/api/events`, { headers: { authorization: `Bearer ${token}` }, signal: abort.signal });
      expect(res.status).toBe(200);
      const reader = res.body!.getReader();
      const seen: string[] = [];
      let text = '';
      let primed = false;
      const probing = (async () => {
        while (!primed && !abort.signal.aborted) {
          await redis.publish(channel(), event('probe', probeProjectId));
          await new Promise((r) => setTimeout(r, 200));
        }
      })();
      const deadline = setTimeout(() => abort.abort(), 90_000);
      try {
        while (!seen.includes(until)) {
          const { value, done } = await reader.read();
          if (done) break;
          text += Buffer.from(value).toString();
          for (const m of text.matchAll(/^data: (.*)$/gm)) {
            const id = (JSON.parse(m[1]) as { runId: string }).runId;
            if (id === 'probe' && !primed) {
              primed = true;
              await probing;
              await publish();
            } else if (id !== 'probe' && !seen.includes(id)) seen.push(id);
          }
        }
      } catch (e) {
        if (!abort.signal.aborted) throw e;
      } finally {
        primed = true;
        clearTimeout(deadline);
        abort.abort();
        await probing;
      }
      return seen;
    };

    it("delivers a project's run events to its members and ADMIN only", async () => {
      // A's event is published first: when B's arrives on B's stream, A's has been through the filter.
      const send = async (tag: string) => {
        await redis.publish(channel(), event(`a-${tag}`, A.id));
        await redis.publish(channel(), event(`b-${tag}`, B.id));
      };
      expect(await collect(memberB.token, B.id, 'b-1', () => send('1'))).toEqual(['b-1']);
      expect(await collect(memberA.token, A.id, 'a-2', () => send('2'))).toEqual(['a-2']);
      expect(await collect(admin, A.id, 'b-3', () => send('3'))).toEqual(['a-3', 'b-3']);
    });
  });
});
