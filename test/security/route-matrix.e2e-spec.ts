import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { anneal, newAlloy, newLineage } from '../factories/sample.factory';
import { multipart, newMeasurement, upload } from '../factories/upload.factory';
import { newUser } from '../factories/user.factory';
import { ADMIN, ApiResponse, TestApi } from '../setup/test-api';
import { newProject } from '../factories/project.factory';
import { CALLERS, Caller, isOutsider, MATRIX, MatrixFixture, MatrixRow, OUTSIDE_OPENAPI, sampleFile, SignedIn } from './route-matrix.table';

/**
 * Every operation of the OpenAPI document, as every caller (issue 12, "Done when"): nobody,
 * project A's MEMBER and PI, an ADMIN, and project B's MEMBER and PI; the statuses in
 * route-matrix.table.ts, against the real API on its own database. B's callers must meet A's
 * records as records that do not exist (404), and lists, the audit log and file matching must not
 * mention them. The document is the one the
 * app under test serves at /docs-json, so a new route without a row, or a row whose route is gone,
 * fails here. One app, fixtures made once, requests in sequence.
 */
describe('route × role matrix', () => {
  let api: TestApi;
  let base: string;
  let f: MatrixFixture;
  let db: Client;
  let documented: string[];

  const ok = (res: ApiResponse, status: number, what: string) => {
    if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  beforeAll(async () => {
    // Logins are rate-limited per address; the matrix signs in dozens of times from one.
    api = await TestApi.start({ LOGIN_MAX_PER_ADDRESS_PER_MIN: '100000', LOGIN_MAX_FAILURES_PER_ACCOUNT: '100000' });
    await api.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(api.app.getHttpServer().address() as { port: number }).port}`;
    db = new Client({ connectionString: api.databaseUrl });
    await db.connect();

    const adminToken = await api.login();
    const adminId = ok(await api.request('GET', '/api/auth/me', { token: adminToken }), 200, 'me').id as string;
    const projectA = (await newProject(api, adminToken, 'Matrix group A')).id;
    const projectB = (await newProject(api, adminToken, 'Matrix group B')).id;
    const member = await newUser(api, adminToken, 'MEMBER', projectA);
    const pi = await newUser(api, adminToken, 'PI', projectA);
    const outsiderMember = await newUser(api, adminToken, 'MEMBER', projectB);
    const outsiderPi = await newUser(api, adminToken, 'PI', projectB);
    const tokens: Record<SignedIn, string> = {
      member: member.token,
      pi: pi.token,
      admin: adminToken,
      outsiderMember: outsiderMember.token,
      outsiderPi: outsiderPi.token,
    };
    const account = (u: { id: string; email: string }) => ({ id: u.id, email: u.email, password: 'password-123' });
    const users: MatrixFixture['users'] = {
      member: account(member),
      pi: account(pi),
      admin: { id: adminId, email: ADMIN.email, password: ADMIN.password },
      outsiderMember: account(outsiderMember),
      outsiderPi: account(outsiderPi),
    };
    const alloyId = (await newAlloy(api, pi.token)).id as string;
    const lineage = await newLineage(api, member.token, alloyId, 1);

    const freshMeasurement = async () => (await newMeasurement(api, member.token, lineage.pieces[0].id, 'MAGNETIC', { mode: 'ZFC', fieldOe: 20 })).id;
    const freshUpload = async () => {
      const measurementId = await freshMeasurement();
      const up = await upload(api, member.token, measurementId, 'matrix.dat', sampleFile(randomUUID()));
      if (up.status !== 202) throw new Error(`upload: ${up.status} ${JSON.stringify(up.body)}`);
      return { measurementId, fileId: up.body.fileId as string, runId: up.body.analysisRunIds[0] as string };
    };
    const first = await freshUpload();
    const campaignId = ok(
      await api.request('POST', '/api/campaigns', {
        token: pi.token,
        body: {
          name: `Matrix ${randomUUID()}`,
          alloyId,
          hypothesis: 'annealing lowers shielding',
          factor: { kind: 'ANNEAL_HOLD_MIN', targetK: 453, levels: [0, 1, 5] },
          plannedTechniques: ['MAGNETIC'],
        },
      }),
      201,
      'campaign',
    ).id as string;
    const share = () => api.request('POST', `/api/campaigns/${campaignId}/share`, { token: pi.token, body: { expiresInDays: 7 } });
    const jwt = api.app.get(JwtService);

    f = {
      tokens,
      users,
      projectId: projectA,
      otherProjectId: projectB,
      alloyId,
      ingotId: lineage.ingot.id,
      ribbonId: lineage.ribbon.id,
      pieceId: lineage.pieces[0].id,
      pieceCode: lineage.pieces[0].code,
      measurementId: first.measurementId,
      fileId: first.fileId,
      runId: first.runId,
      campaignId,
      shareToken: ok(await share(), 201, 'share').token,
      freshLogin: (c) => api.login(users[c].email, users[c].password),
      freshUser: (role = 'MEMBER', caller: Caller = 'member') => newUser(api, adminToken, role, isOutsider(caller) ? projectB : projectA),
      freshApiToken: async (c) => {
        const owner = c === 'anonymous' ? adminToken : tokens[c];
        return ok(await api.request('POST', '/api/auth/tokens', { token: owner, body: { name: `revoke ${randomUUID()}` } }), 201, 'api token').id;
      },
      freshUpload,
      freshMeasurement,
      freshFailedRun: async () => {
        const { runId } = await freshUpload();
        // No worker runs here: fail the QUEUED run as a lost database connection would have.
        await db.query(`UPDATE analysis_runs SET status = 'FAILED', "failureKind" = 'TRANSIENT', error = 'connection lost' WHERE id = $1`, [runId]);
        return runId;
      },
      freshStep: async () =>
        ok(await api.request('POST', `/api/samples/${lineage.pieces[0].id}/treatments`, { token: member.token, body: anneal(453, 1) }), 201, 'step').step.id,
      freshPiece: async () =>
        ok(
          await api.request('POST', `/api/samples/${lineage.ribbon.id}/pieces`, { token: member.token, body: { count: 1, lengthMm: 4, massMg: 1.2 } }),
          201,
          'cut',
        )[0].id,
      freshShareLink: async () => ok(await share(), 201, 'share').id,
      freshSetupToken: () => jwt.signAsync({ purpose: 'admin-setup', email: `first-admin-${randomUUID()}@test.local` }, { expiresIn: 600 }),
      freshResetToken: async () => {
        const user = await newUser(api, adminToken, 'MEMBER', projectA);
        return ok(await api.request('POST', `/api/users/${user.id}/password-reset`, { token: adminToken }), 201, 'reset').token;
      },
    };
    documented = Object.entries((ok(await api.request('GET', '/docs-json'), 200, 'docs-json') as { paths: Record<string, object> }).paths).flatMap(
      ([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
  });
  afterAll(async () => {
    await db?.end();
    await api?.close();
  });

  /** One request of `row` as `caller`: its status and body text; `invalid` sends a malformed id and an unknown body field instead of the valid ones. */
  async function call(operation: string, row: MatrixRow, caller: Caller, invalid = false): Promise<{ status: number; text: string }> {
    const [method, template] = operation.split(' ') as ['GET' | 'POST' | 'PATCH' | 'DELETE', string];
    const params = row.params ? await row.params(f, caller) : {};
    const url = template.replace(/\{(\w+)\}/g, (_, name: string) => (invalid ? 'not-a-uuid' : encodeURIComponent(params[name]))) + (row.query ?? '');
    const token = caller === 'anonymous' ? undefined : row.credential ? await row.credential(f, caller) : f.tokens[caller];
    const authorization: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    if (row.stream) {
      const abort = new AbortController();
      const res = await fetch(`${base}${url}`, { headers: authorization, signal: abort.signal });
      abort.abort();
      return { status: res.status, text: '' };
    }
    if (row.upload && !invalid) {
      const { body, contentType } = multipart('matrix.dat', row.upload(f, caller));
      const res = await api.app.inject({ method, url, headers: { ...authorization, 'content-type': contentType }, payload: body });
      return { status: res.statusCode, text: res.body };
    }
    const body = invalid ? { matrixUnknownField: true } : row.body ? await row.body(f, caller) : undefined;
    const res = await api.app.inject({
      method,
      url,
      headers: authorization,
      ...(body !== undefined ? { payload: body as object } : {}),
    });
    return { status: res.statusCode, text: res.body };
  }

  it('lists every operation of the OpenAPI document, and no operation the document lacks', () => {
    const listed = Object.keys(MATRIX);
    expect({ missingRows: documented.filter((op) => !listed.includes(op)), rowsForNoRoute: listed.filter((op) => !documented.includes(op)) }).toEqual({
      missingRows: [],
      rowsForNoRoute: [],
    });
    expect(documented.length).toBeGreaterThan(40);
  });

  it('lets no outsider create in project A: naming it is a 404 naming projectId, as for a project that does not exist', async () => {
    const ingot = { alloyId: f.alloyId, massG: 5, melts: 5, projectId: f.projectId };
    const campaign = {
      name: `Outsider ${randomUUID()}`,
      alloyId: f.alloyId,
      hypothesis: 'h',
      factor: { kind: 'ANNEAL_HOLD_MIN', targetK: 453, levels: [0, 1] },
      plannedTechniques: ['MAGNETIC'],
      projectId: f.projectId,
    };
    const got: Record<string, [number, string]> = {};
    for (const caller of ['outsiderMember', 'outsiderPi'] as const) {
      const i = await api.request('POST', '/api/samples/ingots', { token: f.tokens[caller], body: ingot });
      got[`${caller} ingot`] = [i.status, i.body.field];
    }
    const c = await api.request('POST', '/api/campaigns', { token: f.tokens.outsiderPi, body: campaign });
    got['outsiderPi campaign'] = [c.status, c.body.field];
    const unknown = await api.request('POST', '/api/samples/ingots', { token: f.tokens.outsiderPi, body: { ...ingot, projectId: randomUUID() } });
    got['outsiderPi ingot in no project'] = [unknown.status, unknown.body.field];
    expect(got).toEqual({
      'outsiderMember ingot': [404, 'projectId'],
      'outsiderPi ingot': [404, 'projectId'],
      'outsiderPi campaign': [404, 'projectId'],
      'outsiderPi ingot in no project': [404, 'projectId'],
    });
  });

  describe.each(Object.entries({ ...MATRIX, ...OUTSIDE_OPENAPI }))('%s', (operation, row) => {
    it('answers each caller with its status', async () => {
      const got: Record<string, number> = {};
      const leaked: Record<string, string[]> = {};
      for (const caller of CALLERS) {
        const res = await call(operation, row, caller);
        got[caller] = res.status;
        const seen = row.hidesFromOutsiders?.(f).filter((id) => res.text.includes(id)) ?? [];
        if (isOutsider(caller) && seen.length > 0) leaked[caller] = seen;
        // Not vacuous: project A's own member does see them in the same answer.
        if (caller === 'member' && row.hidesFromOutsiders && seen.length === 0) leaked.member = ['(none of the records shown to their own member)'];
      }
      expect(got).toEqual(row.expect);
      expect(leaked).toEqual({});
    });

    // Guards run before pipes: a caller refused by role or credentials is refused the same way
    // whatever the body or id, so a 400 can never hide a missing guard, nor tell an outsider what the route validates.
    const refused = CALLERS.filter((c) => row.expect[c] === 401 || row.expect[c] === 403);
    const hasInput = !!(row.params || row.body || row.upload) && !row.stream;
    if (refused.length > 0 && hasInput)
      it(`refuses ${refused.join(', ')} before validating the request`, async () => {
        const got: Record<string, number> = {};
        for (const caller of refused) got[caller] = (await call(operation, row, caller, true)).status;
        expect(got).toEqual(Object.fromEntries(refused.map((c) => [c, row.expect[c]])));
      });
  });
});
