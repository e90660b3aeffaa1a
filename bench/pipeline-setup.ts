/**
 * Setup for the pipeline benchmark: the distinct MPMS3 files it uploads, and the users, piece and
 * MAGNETIC measurements they go to, logged through the real API as the demo does.
 */
import { magneticCampaign } from '../libs/instruments/src/campaign';
import { writeMpms3Vsm } from '../libs/instruments/src/mpms';
import { ApiClient, joinDefaultProject } from '../scripts/demo-client';

export interface UploadFile {
  fileName: string;
  blob: Blob;
  sizeBytes: number;
}

/** The as-quenched piece of the 453 K anneal campaign: its model, mass and field. */
function campaignPiece() {
  const item = magneticCampaign('ANNEAL_453K', { piecesPerLevel: 1 }).items[0];
  return { model: item.model, massMg: item.massMg, fieldOe: item.zfc.fieldOe };
}

/**
 * `count` ZFC warming sweeps of `points` points in the MPMS3 VSM dialect, each with its own noise
 * seed so that every upload is new bytes (a repeated file would be deduplicated, not analysed).
 */
export function generateFiles(count: number, points: number, firstSeed = 1): { files: UploadFile[]; massMg: number; fieldOe: number } {
  const { model, massMg, fieldOe } = campaignPiece();
  const files: UploadFile[] = [];
  for (let i = 0; i < count; i++) {
    const seed = firstSeed + i;
    const f = writeMpms3Vsm(model, { seed, mode: 'ZFC', direction: 'up', points, fieldOe, massMg, noiseEmu: 5e-8, sampleName: `BENCH-${seed}` });
    files.push({ fileName: `bench-zfc-${seed}.dat`, blob: new Blob([f.text]), sizeBytes: Buffer.byteLength(f.text) });
  }
  return { files, massMg, fieldOe };
}

export interface PipelineFixture {
  member: ApiClient;
  /** Measurements the measured uploads rotate over. */
  measurementIds: string[];
  /** A separate measurement for warm-up uploads, so they never enter the figures. */
  warmupMeasurementId: string;
}

/** Admin → a PI and a MEMBER; the PI adds the alloy; the member logs ingot → ribbon → pieces and a ZFC measurement per piece. */
export async function createFixture(
  baseUrl: string,
  admin: { email: string; password: string },
  measurements: number,
  massMg: number,
  fieldOe: number,
): Promise<PipelineFixture> {
  const root = new ApiClient(baseUrl);
  await root.login(admin.email, admin.password);
  const password = 'bench-user-password';
  for (const role of ['PI', 'MEMBER']) {
    await root.call('POST', '/api/users', { email: `bench-${role.toLowerCase()}@vitrack.local`, name: `Bench ${role}`, role, password }, [201]);
  }
  await joinDefaultProject(root, [
    { email: 'bench-pi@vitrack.local', role: 'PI' },
    { email: 'bench-member@vitrack.local', role: 'MEMBER' },
  ]);
  const pi = new ApiClient(baseUrl);
  await pi.login('bench-pi@vitrack.local', password);
  const member = new ApiClient(baseUrl);
  await member.login('bench-member@vitrack.local', password);

  const alloy = (
    await pi.call<{ id: string }>('POST', '/api/alloys', { name: 'La75Al25', composition: { La: 75, Al: 25 }, densityGCm3: 5.9, tgK: 474, txK: 493 })
  ).body;
  const ingot = (await member.call<{ id: string }>('POST', '/api/samples/ingots', { alloyId: alloy.id, massG: 5, melts: 5 })).body;
  const ribbon = (await member.call<{ id: string }>('POST', `/api/samples/${ingot.id}/ribbons`, { wheelSpeedMs: 40, thicknessUm: 25, widthMm: 1.5 })).body;
  const pieces = (await member.call<{ id: string }[]>('POST', `/api/samples/${ribbon.id}/pieces`, { count: measurements + 1, lengthMm: 4, massMg })).body;
  const ids: string[] = [];
  for (const piece of pieces) {
    const m = (
      await member.call<{ id: string }>('POST', '/api/measurements', {
        sampleId: piece.id,
        technique: 'MAGNETIC',
        instrument: 'virtual MPMS3',
        conditions: { mode: 'ZFC', fieldOe, demagN: 0 },
      })
    ).body;
    ids.push(m.id);
  }
  return { member, measurementIds: ids.slice(0, measurements), warmupMeasurementId: ids[measurements] };
}

export interface UploadOutcome {
  status: number;
  runId?: string;
  duplicate?: boolean;
  error?: string;
}

/** One multipart upload, as a lab script would send it; never throws. */
export async function upload(baseUrl: string, token: string, measurementId: string, file: UploadFile): Promise<UploadOutcome> {
  try {
    const form = new FormData();
    form.append('file', file.blob, file.fileName);
    const res = await fetch(`${baseUrl}/api/measurements/${measurementId}/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    const text = await res.text();
    if (res.status !== 202) return { status: res.status, error: text.slice(0, 300) };
    const body = JSON.parse(text) as { analysisRunIds: string[]; duplicate: boolean };
    if (body.analysisRunIds.length !== 1) return { status: res.status, error: `expected one run id, got ${JSON.stringify(body.analysisRunIds)}` };
    return { status: res.status, runId: body.analysisRunIds[0], duplicate: body.duplicate };
  } catch (e) {
    return { status: 0, error: (e as Error).message };
  }
}
