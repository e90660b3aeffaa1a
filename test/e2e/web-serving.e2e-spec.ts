import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WEB_APP_CSP } from '../../apps/api/web-app';
import { TestApi } from '../setup/test-api';

/** The API serves the built web app at / without shadowing its own routes. */
describe('web app served by the API', () => {
  let api: TestApi;
  let unbuilt: TestApi;
  const dir = mkdtempSync(join(tmpdir(), 'vitrack-web-'));
  const INDEX = '<!doctype html><html><head><script type="module" src="/assets/app-1234.js"></script></head><body><div id="root"></div></body></html>';

  beforeAll(async () => {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), INDEX);
    writeFileSync(join(dir, 'assets', 'app-1234.js'), 'console.log("app")');
    writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    api = await TestApi.start({}, { webDir: dir });
    unbuilt = await TestApi.start({}, { webDir: join(dir, 'missing') });
  });

  afterAll(async () => {
    await api?.close();
    await unbuilt?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    '/',
    '/login',
    '/samples',
    '/samples/I0001-R1-P03',
    '/campaigns',
    '/campaigns/8a1b0f3e-5f0e-4f55-9d2a-000000000000',
    '/shared/8a1b0f3e-5f0e-4f55-9d2a-000000000000.signature',
    '/labels?codes=A,B',
    '/admin/users',
  ])('%s answers with the app page under a strict same-origin CSP', async (url) => {
    const res = await api.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toBe(INDEX);
    expect(res.headers['content-security-policy']).toBe(WEB_APP_CSP);
    expect(WEB_APP_CSP).toContain("script-src 'self'");
    expect(WEB_APP_CSP).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
  });

  it('serves hashed assets with a long cache, and 404 for missing ones', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/assets/app-1234.js' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('console.log("app")');
    expect(res.headers['cache-control']).toContain('immutable');
    expect((await api.app.inject({ method: 'GET', url: '/assets/nope.js' })).statusCode).toBe(404);
  });

  it('leaves the API, docs, health and the queue dashboard as they were', async () => {
    expect((await api.request('GET', '/health')).status).toBe(200);
    const unknown = await api.request('GET', '/api/nothing-here');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ statusCode: 404 });
    expect((await api.request('GET', '/api/samples')).status).toBe(401);
    expect((await api.request('GET', '/docs-json')).body.paths['/api/samples/{id}']).toBeDefined();
    expect((await api.request('GET', '/admin/queues')).status).toBe(401);
    // A path the app does not route is not answered with the app page.
    expect((await api.app.inject({ method: 'GET', url: '/somewhere/else' })).statusCode).toBe(404);
  });

  it('says how to build the app when it is not built', async () => {
    const res = await unbuilt.app.inject({ method: 'GET', url: '/samples' });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('npm run build');
    expect((await unbuilt.request('GET', '/health')).status).toBe(200);
  });
});
