/**
 * The route × caller matrix (issue 12): for every operation of the OpenAPI document, the status
 * each caller must get (nobody, project A's MEMBER and PI, an ADMIN, and a MEMBER and a PI of
 * another project, B, to whom A's records must look like records that do not exist), how to fill its path parameters from real records, and a valid body, so
 * the status says what authorization decided and not what validation did. A route that ships
 * without a row here fails route-matrix.e2e-spec.ts, and so does a row for a route that is gone.
 *
 * Rows that use up or destroy what they touch (logout, revoking, retracting, a password change, a
 * retry) get a throwaway record per caller from the fixture (`fresh*`), so the rows stay
 * independent of their order.
 */
import { randomUUID } from 'node:crypto';
import { anneal } from '../factories/sample.factory';

/** Who calls: nobody; project A's MEMBER and PI; an ADMIN (in no project, sees all); project B's MEMBER and PI. */
export const CALLERS = ['anonymous', 'member', 'pi', 'admin', 'outsiderMember', 'outsiderPi'] as const;
export type Caller = (typeof CALLERS)[number];
export type SignedIn = Exclude<Caller, 'anonymous'>;
export const isOutsider = (c: Caller): boolean => c === 'outsiderMember' || c === 'outsiderPi';
/** The role a caller's throwaway users get. */
export const roleOf = (c: SignedIn): 'MEMBER' | 'PI' | 'ADMIN' => (c === 'admin' ? 'ADMIN' : c === 'pi' || c === 'outsiderPi' ? 'PI' : 'MEMBER');

/** A small magnetometer-like text file; `tag` makes its bytes (and so its SHA-256) unique. */
export const sampleFile = (tag: string) => `; matrix file ${tag}\nTemperature (K),Moment (emu)\n2.0,-1.0e-4\n3.0,-5.0e-5\n4.0,1.0e-7\n`;

/** The records and helpers the rows draw on (built once by the spec, see route-matrix.e2e-spec.ts). */
export interface MatrixFixture {
  /** A login JWT per signed-in caller. */
  tokens: Record<SignedIn, string>;
  users: Record<SignedIn, { id: string; email: string; password: string }>;
  /** Project A (the fixture's records) and B (the outsiders'). */
  projectId: string;
  otherProjectId: string;
  alloyId: string;
  ingotId: string;
  ribbonId: string;
  pieceId: string;
  pieceCode: string;
  measurementId: string;
  fileId: string;
  runId: string;
  campaignId: string;
  shareToken: string;
  /** A new login session of that caller (its own JWT). */
  freshLogin(caller: SignedIn): Promise<string>;
  /** A throwaway user (password `password-123`) in the project the caller is in, and a login of theirs. */
  freshUser(role?: 'MEMBER' | 'PI' | 'ADMIN', caller?: Caller): Promise<{ id: string; email: string; token: string }>;
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
  /** Ids of project A's records an outsider's successful answer must not mention (lists, audit, matching). */
  hidesFromOutsiders?: (f: MatrixFixture) => string[];
}

const statuses = (anonymous: number, member: number, pi: number, admin: number, outsiderMember: number, outsiderPi: number): Record<Caller, number> => ({
  anonymous,
  member,
  pi,
  admin,
  outsiderMember,
  outsiderPi,
});
/** Public: everyone gets `s`. */
const everyone = (s: number) => statuses(s, s, s, s, s, s);
/** Signed in, the caller's own things or their own project: any role gets `s`. */
const anyRole = (s: number) => statuses(401, s, s, s, s, s);
/** A PI of their own project (or ADMIN) gets `s`; MEMBERs 403. */
const piUp = (s: number) => statuses(401, 403, s, s, 403, s);
const adminOnly = (s: number) => statuses(401, 403, 403, s, 403, 403);
/** A record of project A: its members and ADMIN get `s`, another project's members 404 (as if it did not exist). */
const recordOfA = (s: number) => statuses(401, s, s, s, 404, 404);
/** A PI's action on a record of project A: A's MEMBER 403, B's MEMBER 403 (PI nowhere), B's PI 404. */
const piRecordOfA = (s: number) => statuses(401, 403, s, s, 403, 404);

/** The project a caller creates in: outsiders in theirs (B), everyone else in A. */
const projectOf = (f: MatrixFixture, c: Caller) => (isOutsider(c) ? f.otherProjectId : f.projectId);
/** Project A's records an outsider must never see listed. */
const aRecords = (f: MatrixFixture) => [f.pieceId, f.ingotId, f.ribbonId, f.measurementId, f.campaignId];

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
  // A throwaway user per caller: the change ends that user's other sessions.
  'POST /api/users/me/password': {
    expect: anyRole(204),
    credential: async (f, c) => (await f.freshUser(roleOf(c), c)).token,
    body: () => ({ currentPassword: 'password-123', newPassword: 'a-new-long-password' }),
  },
  'PATCH /api/users/{id}': { expect: adminOnly(200), params: async (f) => ({ id: (await f.freshUser()).id }), body: () => ({ name: 'Renamed by matrix' }) },
  'POST /api/users/{id}/password-reset': { expect: adminOnly(201), params: async (f) => ({ id: (await f.freshUser()).id }) },

  'POST /api/projects': { expect: adminOnly(201), body: () => ({ name: `Matrix project ${unique()}` }) },
  'GET /api/projects': { expect: anyRole(200), hidesFromOutsiders: (f) => [f.projectId] },
  'GET /api/projects/{id}/members': { expect: recordOfA(200), params: (f) => ({ id: f.projectId }) },
  'POST /api/projects/{id}/members': {
    expect: adminOnly(200),
    params: (f) => ({ id: f.projectId }),
    body: async (f) => ({ userId: (await f.freshUser('MEMBER', 'admin')).id, role: 'MEMBER' }),
  },
  'DELETE /api/projects/{id}/members/{userId}': {
    expect: adminOnly(204),
    params: async (f) => ({ id: f.projectId, userId: (await f.freshUser('MEMBER', 'member')).id }),
  },

  'POST /api/alloys': {
    expect: piUp(201),
    body: () => ({ name: `La75Al25-${unique()}`, composition: { La: 75, Al: 25 }, densityGCm3: 5.9, tgK: 474, txK: 493 }),
  },
  'GET /api/alloys': { expect: anyRole(200) },

  // Each caller arc-melts in its own project (outsiders in B; naming A is checked apart in the spec).
  'POST /api/samples/ingots': { expect: anyRole(201), body: (f, c) => ({ alloyId: f.alloyId, massG: 5, melts: 5, projectId: projectOf(f, c) }) },
  'POST /api/samples/{id}/ribbons': { expect: recordOfA(201), params: (f) => ({ id: f.ingotId }), body: () => ({ wheelSpeedMs: 40, thicknessUm: 25 }) },
  'POST /api/samples/{id}/pieces': { expect: recordOfA(201), params: (f) => ({ id: f.ribbonId }), body: () => ({ count: 1, lengthMm: 4, massMg: 1.2 }) },
  'GET /api/samples': { expect: anyRole(200), hidesFromOutsiders: aRecords },
  'GET /api/samples/{id}': { expect: recordOfA(200), params: (f) => ({ id: f.pieceId }) },
  'GET /api/samples/{id}/lineage': { expect: recordOfA(200), params: (f) => ({ id: f.pieceId }) },
  'GET /api/samples/{id}/history': { expect: recordOfA(200), params: (f) => ({ id: f.pieceId }) },
  'POST /api/samples/{id}/treatments': { expect: recordOfA(201), params: async (f) => ({ id: await f.freshPiece() }), body: () => anneal(453, 1) },
  'GET /api/audit': { expect: anyRole(200), hidesFromOutsiders: aRecords },

  'POST /api/measurements': {
    expect: recordOfA(201),
    body: (f) => ({ sampleId: f.pieceId, technique: 'MAGNETIC', instrument: 'virtual MPMS3', conditions: { mode: 'ZFC', fieldOe: 20 } }),
  },
  'POST /api/measurements/{id}/files': {
    expect: recordOfA(202),
    params: async (f) => ({ id: await f.freshMeasurement() }),
    upload: (_f, c) => sampleFile(`${c} ${unique()}`),
  },
  'GET /api/samples/{id}/measurements': { expect: recordOfA(200), params: (f) => ({ id: f.pieceId }) },
  'GET /api/samples/{id}/cross-technique': { expect: recordOfA(200), params: (f) => ({ id: f.pieceId }) },
  'GET /api/measurements/{id}': { expect: recordOfA(200), params: (f) => ({ id: f.measurementId }) },
  'GET /api/files/{id}/raw': { expect: recordOfA(200), params: (f) => ({ id: f.fileId }) },
  'GET /api/analyses/{id}': { expect: recordOfA(200), params: (f) => ({ id: f.runId }) },
  'GET /api/analyses/{id}/plot': { expect: recordOfA(200), params: (f) => ({ id: f.runId }) },
  'GET /api/analyses/{id}/plot.svg': { expect: recordOfA(200), params: (f) => ({ id: f.runId }) },
  // The uploader (A's member), a PI or an ADMIN may retry; each caller retries its own failed run.
  'POST /api/analyses/{id}/retry': { expect: recordOfA(202), params: async (f) => ({ id: await f.freshFailedRun() }) },
  'POST /api/analyses/rerun': { expect: anyRole(202), body: () => ({ analyzer: 'magnetic' }) },
  'GET /api/events': { expect: anyRole(200), stream: true },

  'POST /api/campaigns': {
    expect: piUp(201),
    body: (f, c) => ({
      name: `Matrix campaign ${unique()}`,
      alloyId: f.alloyId,
      hypothesis: 'annealing lowers shielding',
      factor: { kind: 'ANNEAL_HOLD_MIN', targetK: 453, levels: [0, 1, 5] },
      plannedTechniques: ['MAGNETIC'],
      projectId: projectOf(f, c),
    }),
  },
  'GET /api/campaigns': { expect: anyRole(200), hidesFromOutsiders: (f) => [f.campaignId] },
  'GET /api/campaigns/{id}': { expect: recordOfA(200), params: (f) => ({ id: f.campaignId }) },
  'POST /api/campaigns/{id}/assignments': {
    expect: piRecordOfA(201),
    params: (f) => ({ id: f.campaignId }),
    body: async (f) => ({ sampleId: await f.freshPiece(), level: 0 }),
  },
  'GET /api/campaigns/{id}/progress': { expect: recordOfA(200), params: (f) => ({ id: f.campaignId }) },
  'GET /api/campaigns/{id}/candidates': { expect: piRecordOfA(200), params: (f) => ({ id: f.campaignId }) },
  'GET /api/campaigns/{id}/report': { expect: recordOfA(200), params: (f) => ({ id: f.campaignId }) },
  'GET /api/campaigns/{id}/report.csv': { expect: recordOfA(200), params: (f) => ({ id: f.campaignId }) },
  'GET /api/campaigns/{id}/report.svg': { expect: recordOfA(200), params: (f) => ({ id: f.campaignId }) },
  'GET /api/campaigns/{id}/report.html': { expect: recordOfA(200), params: (f) => ({ id: f.campaignId }) },
  'GET /api/campaigns/{id}/report/transitions': { expect: recordOfA(200), params: (f) => ({ id: f.campaignId }) },
  'POST /api/campaigns/{id}/share': { expect: piRecordOfA(201), params: (f) => ({ id: f.campaignId }), body: () => ({ expiresInDays: 7 }) },
  'GET /api/campaigns/{id}/share': { expect: piRecordOfA(200), params: (f) => ({ id: f.campaignId }) },
  'DELETE /api/campaigns/{id}/share/{linkId}': {
    expect: piRecordOfA(204),
    params: async (f) => ({ id: f.campaignId, linkId: await f.freshShareLink() }),
  },
  // The link is the credential: whoever holds it reads that one report, signed in anywhere or not.
  'GET /api/shared/{token}/report': { expect: everyone(200), params: (f) => ({ token: f.shareToken }) },
  'GET /api/shared/{token}/report.html': { expect: everyone(200), params: (f) => ({ token: f.shareToken }) },
  'GET /api/shared/{token}/report/transitions': { expect: everyone(200), params: (f) => ({ token: f.shareToken }) },

  // A file named after A's piece: A's callers get it proposed, an outsider must not learn the sample exists.
  'POST /api/uploads/match': {
    expect: anyRole(200),
    body: (f) => ({ files: [{ fileName: `${f.pieceCode}_ZFC_20Oe_MPMS3.dat`, headBase64: Buffer.from(sampleFile('match')).toString('base64') }] }),
    hidesFromOutsiders: (f) => [f.pieceId],
  },
  'GET /api/techniques': { expect: anyRole(200) },

  // A's member logged each record, so A's member (its author), A's PI and an ADMIN may retract it;
  // to an outsider, even a MEMBER who could not retract it anyway, it does not exist.
  'POST /api/samples/{id}/steps/{stepId}/retract': {
    expect: recordOfA(200),
    params: async (f) => ({ id: f.pieceId, stepId: await f.freshStep() }),
    body: () => reason,
  },
  'POST /api/measurements/{id}/retract': { expect: recordOfA(200), params: async (f) => ({ id: await f.freshMeasurement() }), body: () => reason },
  'POST /api/measurements/{id}/files/{fileId}/retract': {
    expect: recordOfA(200),
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
