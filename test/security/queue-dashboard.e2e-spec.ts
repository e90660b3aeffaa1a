import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { QueueName } from '../../src/infra/queue/queue.constants';
import { newUser } from '../factories/user.factory';
import { TestApi } from '../setup/test-api';

/**
 * The queue dashboard is ADMIN-only whatever spelling of its path the client sends: the router
 * decodes %XX, so a guard that compares raw URL strings is bypassed (issue 12, finding 1).
 */
const Q = QueueName.Analysis;
const ACTIONS: Array<['GET' | 'PUT' | 'DELETE' | 'POST', string]> = [
  ['GET', '/admin/queues'],
  ['GET', `/admin/queues/queue/${Q}`],
  ['GET', '/admin/queues/static/main.js'],
  ['GET', '/admin/queues/api/queues'],
  ['GET', `/admin/queues/api/queues/${Q}/dashboard-probe`],
  ['PUT', `/admin/queues/api/queues/${Q}/pause`],
  ['PUT', '/admin/queues/api/queues/pause'],
  ['PUT', `/admin/queues/api/queues/${Q}/resume`],
  ['PUT', `/admin/queues/api/queues/${Q}/clean/delayed`],
  ['PUT', `/admin/queues/api/queues/${Q}/empty`],
  ['PUT', `/admin/queues/api/queues/${Q}/obliterate`],
  ['PUT', `/admin/queues/api/queues/${Q}/dashboard-probe/promote`],
  ['DELETE', `/admin/queues/api/queues/${Q}/dashboard-probe`],
];

/** Spellings a router or proxy may treat as the same path. */
const VARIANTS: Array<[string, (path: string) => string]> = [
  ['plain', (p) => p],
  ['first letter encoded', (p) => p.replace('/admin', '/%61dmin')],
  ['segment encoded', (p) => p.replace('/queues', '/%71%75eues')],
  ['upper-case encoding', (p) => p.replace('/admin', '/%41DMIN')],
  ['encoded slash', (p) => p.replace('/admin/queues', '/admin%2Fqueues')],
  ['doubled slash', (p) => `/${p}`],
  ['doubled inner slash', (p) => p.replace('/admin/queues', '/admin//queues')],
  ['mixed case', (p) => p.replace('/admin/queues', '/Admin/QUEUES')],
  ['trailing dot', (p) => p.replace('/admin/queues', '/admin./queues.')],
  ['semicolon', (p) => p.replace('/admin/queues', '/admin;x=1/queues;y')],
  ['trailing slash', (p) => `${p}/`],
  ['dot segment', (p) => p.replace('/admin/queues', '/x/../admin/./queues')],
];

describe('queue dashboard: ADMIN only on every spelling of its path', () => {
  let api: TestApi;
  let member: { token: string };
  /** Holds a delayed job that must survive every refused clean/empty/obliterate/delete, with data nobody unauthorised may read. */
  let queue: Queue;

  beforeAll(async () => {
    api = await TestApi.start();
    member = await newUser(api, await api.login(), 'MEMBER');
    queue = api.app.get<Queue>(getQueueToken(Q));
  });
  afterAll(() => api?.close());

  // Each variant starts from a running queue holding the probe job, so one bypass fails one test only.
  beforeEach(async () => {
    await queue.resume();
    if (!(await queue.getJob('dashboard-probe'))) await queue.add('probe', { secret: 'job-data-secret' }, { jobId: 'dashboard-probe', delay: 3_600_000 });
  });

  for (const [variant, spell] of VARIANTS) {
    it(`${variant}: 401 without a token, 403 for a MEMBER, and nothing happens`, async () => {
      const seen: string[] = [];
      for (const [method, path] of ACTIONS) {
        const url = spell(path);
        const anonymous = await api.app.inject({ method, url });
        const asMember = await api.app.inject({ method, url, headers: { authorization: `Bearer ${member.token}` } });
        const leaked = (anonymous.body + asMember.body).includes('job-data-secret') ? ' leaked job data' : '';
        seen.push(`${method} ${url} → ${anonymous.statusCode}/${asMember.statusCode}${leaked}`);
      }
      expect(seen).toEqual(ACTIONS.map(([method, path]) => `${method} ${spell(path)} → 401/403`));
      expect(await queue.isPaused()).toBe(false);
      expect(await queue.getJobState('dashboard-probe')).toBe('delayed');
    });
  }

  it('an ADMIN reaches the dashboard and its API', async () => {
    const admin = await api.login();
    const page = await api.app.inject({ method: 'GET', url: '/admin/queues', headers: { authorization: `Bearer ${admin}` } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    const queues = await api.app.inject({ method: 'GET', url: '/admin/queues/api/queues', headers: { authorization: `Bearer ${admin}` } });
    expect(queues.statusCode).toBe(200);
    expect(JSON.parse(queues.body).queues.map((q: { name: string }) => q.name)).toContain(Q);
    // The same encoded spelling that is refused above really acts for an ADMIN: the refusals are not a 404 in disguise.
    const pause = await api.app.inject({ method: 'PUT', url: `/%61dmin/queues/api/queues/${Q}/pause`, headers: { authorization: `Bearer ${admin}` } });
    expect(pause.statusCode).toBe(200);
    expect(await queue.isPaused()).toBe(true);
  });
});
