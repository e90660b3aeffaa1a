/**
 * The route × caller matrix (issue 12): for every operation of the OpenAPI document, the status
 * each caller must get, how to fill its path parameters from real records, and a valid body, so
 * the status says what authorization decided and not what validation did. A route that ships
 * without a row here fails route-matrix.e2e-spec.ts, and so does a row for a route that is gone.
 *
 * Rows that use up or destroy what they touch (logout, revoking, retracting, a password change, a
 * retry) get a throwaway record per caller from the fixture (`fresh*`), so the rows stay
 * independent of their order.
 */
import { randomUUID } from 'node:crypto';
import { anneal } from '../factories/sample.factory';

/** Who calls: nobody, a MEMBER, a PI, an ADMIN. */
export const CALLERS = ['anonymous', 'member', 'pi', 'admin'] as const;
export type Caller = (typeof CALLERS)[number];
export type SignedIn = Exclude<Caller, 'anonymous'>;

/** A small magnetometer-like text file; `tag` makes its bytes (and so its SHA-256) unique. */
export const sampleFile = (tag: string) => `; matrix file ${tag}\nTemperature (K),Moment (emu)\n2.0,-1.0e-4\n3.0,-5.0e-5\n4.0,1.0e-7\n`;

/** The records and helpers the rows draw on (built once by the spec, see route-matrix.e2e-spec.ts). */
export interface MatrixFixture {
  /** A login JWT per signed-in caller. */
  tokens: Record<SignedIn, string>;
  users: Record<SignedIn, { id: string; email: string; password: string }>;
  alloyId: string;
  ingotId: string;
  ribbonId: string;
  pieceId: string;
  measurementId: string;
  fileId: string;
  runId: string;
  campaignId: string;
  shareToken: string;
  /** A new login session of that caller (its own JWT). */
  freshLogin(caller: SignedIn): Promise<string>;
  /** A throwaway user (password `password-123`) and a login of theirs. */
  freshUser(role?: 'MEMBER' | 'PI' | 'ADMIN'): Promise<{ id: string; email: string; token: string }>;
  /** An API token of the caller's (an admin's for anonymous), to revoke. */
  freshApiToken(caller: Caller): Promise<string>;
  /** A measurement the member made on the fixture piece, with one uploaded file and its QUEUED run. */
  freshUpload(): Promise<{ measurementId: string; fileId: string; runId: string }>;
  /** A measurement the member made, with no file. */
  freshMeasurement(): Promise<string>;
  /** A run of a member's upload marked FAILED for a transient cause (what retry accepts). */
  freshFailedRun(): Promise<string>;
  /** A treatment step the member logged on the fixture piece. */
  freshStep(): Promise<string>;
  /** A new untreated piece cut by the member from the fixture ribbon. */
  freshPiece(): Promise<string>;
  /** A share link of the fixture campaign: its id. */
  freshShareLink(): Promise<string>;
  /** A first-administrator setup token naming an email that has no account yet. */
  freshSetupToken(): Promise<string>;
  /** An administrator's one-time password reset of a throwaway user. */
  freshResetToken(): Promise<string>;
}

export interface MatrixRow {
  /** The status each caller gets with the row's valid request. */
  expect: Record<Caller, number>;
  /** Path parameters by name ({id} → params.id). */
  params?: (f: MatrixFixture, caller: Caller) => Promise<Record<string, string>> | Record<string, string>;
  query?: string;
  body?: (f: MatrixFixture, caller: Caller) => unknown;
  /** Sent as multipart/form-data with one `file` field of these contents. */
  upload?: (f: MatrixFixture, caller: Caller) => string;
  /** Another credential for this caller than its fixture login (a throwaway session or user). */
  credential?: (f: MatrixFixture, caller: SignedIn) => Promise<string>;
  /** A server-sent event stream: only its status and headers are read. */
  stream?: true;
}

const statuses = (anonymous: number, member: number, pi: number, admin: number): Record<Caller, number> => ({ anonymous, member, pi, admin });
/** Public: everyone gets `s`. */
const everyone = (s: number) => statuses(s, s, s, s);
/** Signed in: any role gets `s`. */
const anyRole = (s: number) => statuses(401, s, s, s);
const piUp = (s: number) => statuses(401, 403, s, s);
const adminOnly = (s: number) => statuses(401, 403, 403, s);

const unique = () => randomUUID().slice(0, 8);
const reason = { reason: 'logged on the wrong piece (route matrix)' };

/** Keyed `METHOD /path` exactly as the OpenAPI document spells the path. */
export const MATRIX: Record<string, MatrixRow> = {
  'GET /health': { expect: everyone(200) },
  'GET /metrics': { expect: everyone(200) },

  'POST /api/auth/login': { expect: everyone(200), body: (f) => ({ email: f.users.member.email, password: f.users.member.password }) },
  'POST /api/auth/logout': { expect: anyRole(204), credential: (f, c) => f.freshLogin(c) },
  'GET /api/auth/me': { expect: anyRole(200) },
  'POST /api/auth/setup': { expect: everyone(201), body: async (f) => ({ token: await f.freshSetupToken(), password: 'first-admin-password' }) },
  'POST /api/auth/password-reset': { expect: everyone(200), body: async (f) => ({ token: await f.freshResetToken(), newPassword: 'a-reset-password-1' }) },
  'POST /api/auth/tokens': { expect: anyRole(201), body: () => ({ name: `matrix ${unique()}`, scope: 'read' }) },
  'GET /api/auth/tokens': { expect: anyRole(200) },
  'DELETE /api/auth/tokens/{id}': { expect: anyRole(204), params: async (f, c) => ({ id: await f.freshApiToken(c) }) },

  'POST /api/users': {
    expect: adminOnly(201),
    body: () => ({ email: `matrix-${unique()}@test.local`, name: 'Matrix user', role: 'MEMBER', password: 'password-123' }),
  },
  'GET /api/users': { expect: adminOnly(200) },
  // Projects (added with the routes; the fixture has no project of its own yet, so the member routes use an unknown one).
  // The name taken by the Default project: a second project would make ADMIN's ingots and campaigns name theirs.
  'POST /api/projects': { expect: adminOnly(409), body: () => ({ name: 'Default' }) },
  'GET /api/projects': { expect: anyRole(200) },
  'GET /api/projects/{id}/members': { expect: statuses(401, 404, 404, 404), params: () => ({ id: randomUUID() }) },
  'POST /api/projects/{id}/members': {
    expect: statuses(401, 403, 403, 404),
    params: () => ({ id: randomUUID() }),
    body: (f) => ({ userId: f.users.member.id, role: 'MEMBER' }),
  },
  'DELETE /api/projects/{id}/members/{userId}': { expect: statuses(401, 403, 403, 404), params: (f) => ({ id: randomUUID(), userId: f.users.member.id }) },
  // A throwaway user per caller: the change ends that user's other sessions.
  'POST /api/users/me/password': {
    expect: anyRole(204),
    credential: async (f, c) => (await f.freshUser(c === 'member' ? 'MEMBER' : c === 'pi' ? 'PI' : 'ADMIN')).token,
    body: () => ({ currentPassword: 'password-123', newPassword: 'a-new-long-password' }),
  },
  'PATCH /api/users/{id}': { expect: adminOnly(200), params: async (f) => ({ id: (await f.freshUser()).id }), body: () => ({ name: 'Renamed by matrix' }) },
  'POST /api/users/{id}/password-reset': { expect: adminOnly(201), params: async (f) => ({ id: (await f.freshUser()).id }) },

  'POST /api/alloys': {
    expect: piUp(201),
    body: () => ({ name: `La75Al25-${unique()}`, composition: { La: 75, Al: 25 }, densityGCm3: 5.9, tgK: 474, txK: 493 }),
  },
  'GET /api/alloys': { expect: anyRole(200) },

  'POST /api/samples/ingots': { expect: anyRole(201), body: (f) => ({ alloyId: f.alloyId, massG: 5, melts: 5 }) },
  'POST /api/samples/{id}/ribbons': { expect: anyRole(201), params: (f) => ({ id: f.ingotId }), body: () => ({ wheelSpeedMs: 40, thicknessUm: 25 }) },
  'POST /api/samples/{id}/pieces': { expect: anyRole(201), params: (f) => ({ id: f.ribbonId }), body: () => ({ count: 1, lengthMm: 4, massMg: 1.2 }) },
  'GET /api/samples': { expect: anyRole(200) },
  'GET /api/samples/{id}': { expect: anyRole(200), params: (f) => ({ id: f.pieceId }) },
  'GET /api/samples/{id}/lineage': { expect: anyRole(200), params: (f) => ({ id: f.pieceId }) },
  'GET /api/samples/{id}/history': { expect: anyRole(200), params: (f) => ({ id: f.pieceId }) },
  'POST /api/samples/{id}/treatments': { expect: anyRole(201), params: async (f) => ({ id: await f.freshPiece() }), body: () => anneal(453, 1) },
  'GET /api/audit': { expect: anyRole(200) },

  'POST /api/measurements': {
    expect: anyRole(201),
    body: (f) => ({ sampleId: f.pieceId, technique: 'MAGNETIC', instrument: 'virtual MPMS3', conditions: { mode: 'ZFC', fieldOe: 20 } }),
  },
  'POST /api/measurements/{id}/files': {
    expect: anyRole(202),
    params: async (f) => ({ id: await f.freshMeasurement() }),
    upload: (_f, c) => sampleFile(`${c} ${unique()}`),
  },
  'GET /api/samples/{id}/measurements': { expect: anyRole(200), params: (f) => ({ id: f.pieceId }) },
  'GET /api/samples/{id}/cross-technique': { expect: anyRole(200), params: (f) => ({ id: f.pieceId }) },
  'GET /api/measurements/{id}': { expect: anyRole(200), params: (f) => ({ id: f.measurementId }) },
  'GET /api/files/{id}/raw': { expect: anyRole(200), params: (f) => ({ id: f.fileId }) },
  'GET /api/analyses/{id}': { expect: anyRole(200), params: (f) => ({ id: f.runId }) },
  'GET /api/analyses/{id}/plot': { expect: anyRole(200), params: (f) => ({ id: f.runId }) },
  'GET /api/analyses/{id}/plot.svg': { expect: anyRole(200), params: (f) => ({ id: f.runId }) },
  // The uploader (the member), a PI or an ADMIN may retry; each caller retries its own failed run.
  'POST /api/analyses/{id}/retry': { expect: anyRole(202), params: async (f) => ({ id: await f.freshFailedRun() }) },
  'POST /api/analyses/rerun': { expect: anyRole(202), body: () => ({ analyzer: 'magnetic' }) },
  'GET /api/events': { expect: anyRole(200), stream: true },

  'POST /api/campaigns': {
    expect: piUp(201),
    body: (f) => ({
      name: `Matrix campaign ${unique()}`,
      alloyId: f.alloyId,
      hypothesis: 'annealing lowers shielding',
      factor: { kind: 'ANNEAL_HOLD_MIN', targetK: 453, levels: [0, 1, 5] },
      plannedTechniques: ['MAGNETIC'],
    }),
  },
  'GET /api/campaigns': { expect: anyRole(200) },
  'GET /api/campaigns/{id}': { expect: anyRole(200), params: (f) => ({ id: f.campaignId }) },
  'POST /api/campaigns/{id}/assignments': {
    expect: piUp(201),
    params: (f) => ({ id: f.campaignId }),
    body: async (f) => ({ sampleId: await f.freshPiece(), level: 0 }),
  },
  'GET /api/campaigns/{id}/progress': { expect: anyRole(200), params: (f) => ({ id: f.campaignId }) },
  'GET /api/campaigns/{id}/candidates': { expect: piUp(200), params: (f) => ({ id: f.campaignId }) },
  'GET /api/campaigns/{id}/report': { expect: anyRole(200), params: (f) => ({ id: f.campaignId }) },
  'GET /api/campaigns/{id}/report.csv': { expect: anyRole(200), params: (f) => ({ id: f.campaignId }) },
  'GET /api/campaigns/{id}/report.svg': { expect: anyRole(200), params: (f) => ({ id: f.campaignId }) },
  'GET /api/campaigns/{id}/report.html': { expect: anyRole(200), params: (f) => ({ id: f.campaignId }) },
  'POST /api/campaigns/{id}/share': { expect: piUp(201), params: (f) => ({ id: f.campaignId }), body: () => ({ expiresInDays: 7 }) },
  'GET /api/campaigns/{id}/share': { expect: piUp(200), params: (f) => ({ id: f.campaignId }) },
  'DELETE /api/campaigns/{id}/share/{linkId}': { expect: piUp(204), params: async (f) => ({ id: f.campaignId, linkId: await f.freshShareLink() }) },
  'GET /api/shared/{token}/report': { expect: everyone(200), params: (f) => ({ token: f.shareToken }) },
  'GET /api/shared/{token}/report.html': { expect: everyone(200), params: (f) => ({ token: f.shareToken }) },

  'POST /api/uploads/match': {
    expect: anyRole(200),
    body: () => ({ files: [{ fileName: 'I0001-R1-P01_ZFC_20Oe_MPMS3.dat', headBase64: Buffer.from(sampleFile('match')).toString('base64') }] }),
  },
  'GET /api/techniques': { expect: anyRole(200) },

  // The member logged each record, so the member (its author), a PI and an ADMIN may retract it.
  'POST /api/samples/{id}/steps/{stepId}/retract': {
    expect: anyRole(200),
    params: async (f) => ({ id: f.pieceId, stepId: await f.freshStep() }),
    body: () => reason,
  },
  'POST /api/measurements/{id}/retract': { expect: anyRole(200), params: async (f) => ({ id: await f.freshMeasurement() }), body: () => reason },
  'POST /api/measurements/{id}/files/{fileId}/retract': {
    expect: anyRole(200),
    params: async (f) => {
      const up = await f.freshUpload();
      return { id: up.measurementId, fileId: up.fileId };
    },
    body: () => reason,
  },
};

/** Paths outside the OpenAPI document that still answer, checked the same way. */
export const OUTSIDE_OPENAPI: Record<string, MatrixRow> = {
  'GET /docs-json': { expect: everyone(200) },
  'GET /admin/queues': { expect: adminOnly(200) },
  'GET /admin/queues/api/queues': { expect: adminOnly(200) },
};
