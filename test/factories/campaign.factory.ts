import { CampaignItem } from '../../libs/instruments/src/campaign';
import { anneal, cryo } from './sample.factory';
import { newMeasurement, upload } from './upload.factory';
import { TestApi } from '../setup/test-api';

/**
 * Logs one virtual-instrument campaign item through the real API: a piece of the item's mass cut
 * from `ribbonId`, treated to its level, assigned, and its ZFC and FC files uploaded.
 */
export async function logCampaignItem(api: TestApi, tokens: { member: string; pi: string }, ribbonId: string, campaignId: string, item: CampaignItem) {
  const cut = await api.request('POST', `/api/samples/${ribbonId}/pieces`, { token: tokens.member, body: { count: 1, lengthMm: 4, massMg: item.massMg } });
  const piece = cut.body[0] as { id: string; code: string };
  if (item.level > 0) {
    const treatment = item.kind === 'CRYO_CYCLES' ? cryo(item.level) : anneal(453, item.level);
    const t = await api.request('POST', `/api/samples/${piece.id}/treatments`, { token: tokens.member, body: treatment });
    if (t.status !== 201) throw new Error(`treatment failed: ${JSON.stringify(t.body)}`);
  }
  const a = await api.request('POST', `/api/campaigns/${campaignId}/assignments`, { token: tokens.pi, body: { sampleId: piece.id, level: item.level } });
  if (a.status !== 201) throw new Error(`assignment failed: ${JSON.stringify(a.body)}`);
  const runIds: string[] = [];
  for (const [mode, file] of [
    ['ZFC', item.zfc],
    ['FC', item.fc],
  ] as const) {
    const m = await newMeasurement(api, tokens.member, piece.id, 'MAGNETIC', { mode, fieldOe: file.fieldOe, demagN: 0 });
    const up = await upload(api, tokens.member, m.id, file.fileName, file.text);
    if (up.status !== 202) throw new Error(`upload failed: ${JSON.stringify(up.body)}`);
    runIds.push(...up.body.analysisRunIds);
  }
  return { piece, runIds };
}
