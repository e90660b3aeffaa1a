import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { anneal, newAlloy, newLineage } from '../factories/sample.factory';
import { multipart, newMeasurement, upload } from '../factories/upload.factory';
import { newUser } from '../factories/user.factory';
import { ADMIN, ApiResponse, TestApi } from '../setup/test-api';
import { CALLERS, Caller, MATRIX, MatrixFixture, MatrixRow, OUTSIDE_OPENAPI, sampleFile, SignedIn } from './route-matrix.table';

/**
 * Every operation of the OpenAPI document, as every caller (issue 12, "Done when"): the statuses
 * in route-matrix.table.ts, against the real API on its own database. The document is the one the
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
    const member = await newUser(api, adminToken, 'MEMBER');
    const pi = await newUser(api, adminToken, 'PI');
    const tokens: Record<SignedIn, string> = { member: member.token, pi: pi.token, admin: adminToken };
    const users: MatrixFixture['users'] = {
      member: { id: member.id, email: member.email, password: 'password-123' },
      pi: { id: pi.id, email: pi.email, password: 'password-123' },
      admin: { id: adminId, email: ADMIN.email, password: ADMIN.password },
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
      alloyId,
      ingotId: lineage.ingot.id,
      ribbonId: lineage.ribbon.id,
      pieceId: lineage.pieces[0].id,
      measurementId: first.measurementId,
      fileId: first.fileId,
      runId: first.runId,
      campaignId,
      shareToken: ok(await share(), 201, 'share').token,
      freshLogin: (c) => api.login(users[c].email, users[c].password),
      freshUser: (role = 'MEMBER') => newUser(api, adminToken, role),
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
        const user = await newUser(api, adminToken, 'MEMBER');
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

  /** One request of `row` as `caller`; `invalid` sends a malformed id and an unknown body field instead of the valid ones. */
  async function call(operation: string, row: MatrixRow, caller: Caller, invalid = false): Promise<number> {
    const [method, template] = operation.split(' ') as ['GET' | 'POST' | 'PATCH' | 'DELETE', string];
    const params = row.params ? await row.params(f, caller) : {};
    const url = template.replace(/\{(\w+)\}/g, (_, name: string) => (invalid ? 'not-a-uuid' : encodeURIComponent(params[name]))) + (row.query ?? '');
    const token = caller === 'anonymous' ? undefined : row.credential ? await row.credential(f, caller) : f.tokens[caller];
    const authorization: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    if (row.stream) {
      const abort = new AbortController();
      const res = await fetch(`${base}${url}`, { headers: authorization, signal: abort.signal });
      abort.abort();
      return res.status;
    }
    if (row.upload && !invalid) {
      const { body, contentType } = multipart('matrix.dat', row.upload(f, caller));
      return (await api.app.inject({ method, url, headers: { ...authorization, 'content-type': contentType }, payload: body })).statusCode;
    }
    const body = invalid ? { matrixUnknownField: true } : row.body ? await row.body(f, caller) : undefined;
    return (await api.request(method, url, { token, body })).status;
  }

  it('lists every operation of the OpenAPI document, and no operation the document lacks', () => {
    const listed = Object.keys(MATRIX);
    expect({ missingRows: documented.filter((op) => !listed.includes(op)), rowsForNoRoute: listed.filter((op) => !documented.includes(op)) }).toEqual({
      missingRows: [],
      rowsForNoRoute: [],
    });
    expect(documented.length).toBeGreaterThan(40);
  });

  describe.each(Object.entries({ ...MATRIX, ...OUTSIDE_OPENAPI }))('%s', (operation, row) => {
    it('answers each caller with its status', async () => {
      const got: Record<string, number> = {};
      for (const caller of CALLERS) got[caller] = await call(operation, row, caller);
      expect(got).toEqual(row.expect);
    });

    // Guards run before pipes: a caller refused by role or credentials is refused the same way
    // whatever the body or id, so a 400 can never hide a missing guard, nor tell an outsider what the route validates.
    const refused = CALLERS.filter((c) => row.expect[c] === 401 || row.expect[c] === 403);
    const hasInput = !!(row.params || row.body || row.upload) && !row.stream;
    if (refused.length > 0 && hasInput)
      it(`refuses ${refused.join(', ')} before validating the request`, async () => {
        const got: Record<string, number> = {};
        for (const caller of refused) got[caller] = await call(operation, row, caller, true);
        expect(got).toEqual(Object.fromEntries(refused.map((c) => [c, row.expect[c]])));
      });
  });
});
