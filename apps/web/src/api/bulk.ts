/** Bulk upload: proposals for many files (POST /api/uploads/match, in batches the route accepts), then one measurement and one upload per file. */
import { headBase64, type PickedFile } from '../lib/bulk-files';
import { api, unwrap, type Schemas } from './client';
import { uploadFile, type UploadResult } from './upload';

export type Proposal = Schemas['UploadProposalResponse'];
/** The route takes at most this many files per request. */
const MATCH_BATCH = 40;

export async function matchFiles(files: PickedFile[]): Promise<Proposal[]> {
  const out: Proposal[] = [];
  for (let i = 0; i < files.length; i += MATCH_BATCH) {
    const batch = await Promise.all(files.slice(i, i + MATCH_BATCH).map(async (f) => ({ fileName: f.path, headBase64: await headBase64(f.file) })));
    out.push(...(await unwrap(api.POST('/api/uploads/match', { body: { files: batch } }))).proposals);
  }
  return out;
}

/** The id of the sample with exactly this code, or undefined. */
export async function sampleIdByCode(code: string): Promise<string | undefined> {
  const upper = code.trim().toUpperCase();
  if (!/^[A-Z0-9-]+$/.test(upper)) return undefined;
  const page = await unwrap(api.GET('/api/samples', { params: { query: { codePrefix: upper, limit: 1 } } }));
  return page.items.find((s) => s.code === upper)?.id;
}

export interface BulkItem {
  file: File;
  sampleId: string;
  technique: Schemas['Technique'];
  instrument: string;
  conditions: Schemas['ConditionsDto'];
}

/** Creates the measurement, then uploads the file to it. */
export async function createAndUpload(item: BulkItem, onProgress: (fraction: number) => void): Promise<{ measurementId: string; upload: UploadResult }> {
  const m = await unwrap(
    api.POST('/api/measurements', { body: { sampleId: item.sampleId, technique: item.technique, instrument: item.instrument, conditions: item.conditions } }),
  );
  return { measurementId: m.id, upload: await uploadFile(m.id, item.file, onProgress) };
}
