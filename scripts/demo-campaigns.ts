/**
 * The demo's measured campaigns: the paper-shaped virtual-instrument files (libs/instruments)
 * uploaded through the real API exactly as a lab member's script would.
 */
import { magneticCampaign, type CampaignItem } from '../libs/instruments/src/campaign';
import { simulatePpms } from '../libs/instruments/src/ppms';
import { plotSpecimens } from '../libs/instruments/src/plot-specimens';
import { laAlXrdModel, virtualXrd } from '../libs/instruments/src/xrd';
import { ApiClient } from './demo-client';

const anneal = (holdMin: number) => ({ kind: 'ANNEAL', targetK: 453, heatingRateKPerMin: 20, holdMin, atmosphere: 'Ar', cooling: 'water quench' });
const cryo = (cycles: number) => ({ kind: 'CRYO_CYCLE', lowK: 77, highK: 293, cycles, dwellLowS: 60, dwellHighS: 60, media: 'liquid nitrogen / air' });

async function uploadFile(api: ApiClient, measurementId: string, fileName: string, text: string): Promise<string[]> {
  const form = new FormData();
  form.append('file', new Blob([text]), fileName);
  const res = await fetch(`${api.baseUrl}/api/measurements/${measurementId}/files`, {
    method: 'POST',
    headers: { authorization: `Bearer ${api.token}` },
    body: form,
  });
  if (res.status !== 202) throw new Error(`upload of ${fileName} → ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { analysisRunIds: string[] }).analysisRunIds;
}

const INSTRUMENTS: Record<string, string> = {
  MAGNETIC: 'virtual MPMS3',
  XRD: 'virtual Cu Kα diffractometer',
  RESISTANCE: 'virtual PPMS',
  DSC: 'virtual DSC',
  SAXS: 'virtual SAXS camera',
};

async function measure(api: ApiClient, sampleId: string, technique: string, conditions: object, fileName: string, text: string): Promise<string[]> {
  const m = (
    await api.call('POST', '/api/measurements', {
      sampleId,
      technique,
      instrument: INSTRUMENTS[technique] ?? 'virtual instrument',
      conditions,
    })
  ).body;
  return uploadFile(api, m.id, fileName, text);
}

/**
 * One piece per campaign item: cut at the item's mass, treated to its level, assigned, measured
 * (ZFC and FC; XRD and a PPMS R(T) run at several fields when asked).
 */
async function logItem(
  member: ApiClient,
  pi: ApiClient,
  ribbonId: string,
  campaignId: string | undefined,
  item: CampaignItem,
  extra: { xrd: boolean; resistance?: boolean },
): Promise<{ pieceId: string; runIds: string[] }> {
  const [piece] = (await member.call('POST', `/api/samples/${ribbonId}/pieces`, { count: 1, lengthMm: 4, massMg: item.massMg })).body as {
    id: string;
    code: string;
  }[];
  if (item.kind === 'CRYSTALLIZED') await member.call('POST', `/api/samples/${piece.id}/treatments`, { kind: 'CRYSTALLIZE', targetK: 513, holdMin: 30 });
  else if (item.level > 0)
    await member.call('POST', `/api/samples/${piece.id}/treatments`, item.kind === 'CRYO_CYCLES' ? cryo(item.level) : anneal(item.level));
  if (campaignId) await pi.call('POST', `/api/campaigns/${campaignId}/assignments`, { sampleId: piece.id, level: item.level });
  const runs = [
    ...(await measure(member, piece.id, 'MAGNETIC', { mode: 'ZFC', fieldOe: item.zfc.fieldOe, demagN: 0 }, item.zfc.fileName, item.zfc.text)),
    ...(await measure(member, piece.id, 'MAGNETIC', { mode: 'FC', fieldOe: item.fc.fieldOe, demagN: 0 }, item.fc.fileName, item.fc.text)),
  ];
  if (extra.xrd) {
    const annealed = item.kind === 'ANNEAL_453K' && item.level > 0;
    const xrd = virtualXrd(laAlXrdModel({ q1ShiftPct: annealed ? 0.16 : 0, fwhmChangePct: annealed ? -3.8 : 0, crystallized: item.kind === 'CRYSTALLIZED' }), {
      seed: Math.round(item.level * 100) + item.piece,
      name: piece.code,
    });
    runs.push(...(await measure(member, piece.id, 'XRD', { wavelengthA: 1.5406 }, xrd.fileName, xrd.text)));
  }
  if (extra.resistance) {
    // The as-quenched ribbon's R(T) at seven fields (virtual PPMS: Tc 3.6 K, μ0Hc2(0) 5.8 T).
    const ppms = simulatePpms({ seed: 2020 });
    runs.push(...(await measure(member, piece.id, 'RESISTANCE', {}, `${piece.code}.ppms.dat`, ppms.text)));
  }
  return { pieceId: piece.id, runIds: runs };
}

export interface DemoCampaigns {
  annealId: string;
  cryoId: string;
  runIds: string[];
  /** The as-quenched piece with ZFC, FC, XRD and resistance runs, and the crystallized control. */
  glassPieceId: string;
  crystalPieceId: string;
  /** The piece measured with every technique (its page shows every kind of plot). */
  everyTechniqueCode: string;
}

/** One more piece, measured once with every technique: a ZFC+FC magnetic file, two-channel R(T), XRD, DSC, SAXS. */
async function logEveryTechnique(member: ApiClient, ribbonId: string): Promise<{ code: string; runIds: string[] }> {
  const [piece] = (await member.call('POST', `/api/samples/${ribbonId}/pieces`, { count: 1, lengthMm: 4, massMg: 2 })).body as { id: string; code: string }[];
  const runIds: string[] = [];
  for (const s of plotSpecimens()) runIds.push(...(await measure(member, piece.id, s.technique, s.conditions, s.fileName, s.text)));
  return { code: piece.code, runIds };
}

export async function logCampaigns(member: ApiClient, pi: ApiClient, ribbonId: string, alloyId: string): Promise<DemoCampaigns> {
  const annealCampaign = (
    await pi.call('POST', '/api/campaigns', {
      name: `Anneal at 453 K (${new Date().toISOString().slice(0, 16)})`,
      alloyId,
      hypothesis:
        'Sub-Tg annealing relaxes the glass: the weak-pinning, liquid-like regions shrink, so the nominal Meissner shielding falls as k·exp(−t/τ) + y0 and Tc drops slightly.',
      factor: { kind: 'ANNEAL_HOLD_MIN', targetK: 453, levels: [0, 0.5, 1, 5, 8, 10] },
      plannedTechniques: ['MAGNETIC', 'XRD', 'DSC'],
    })
  ).body;
  const cryoCampaign = (
    await pi.call('POST', '/api/campaigns', {
      name: `Cryo-cycling 77/293 K (${new Date().toISOString().slice(0, 16)})`,
      alloyId,
      hypothesis: 'Thermal cycling between 77 K and 293 K rejuvenates the glass and raises Tc and the shielding fraction.',
      factor: { kind: 'CRYO_CYCLES', lowK: 77, highK: 293, levels: [0, 27, 50] },
      plannedTechniques: ['MAGNETIC'],
    })
  ).body;
  const runIds: string[] = [];
  let glassPieceId = '';
  let crystalPieceId = '';
  for (const item of magneticCampaign('ANNEAL_453K').items) {
    const asQuenched = item.level === 0 && item.piece === 1;
    const logged = await logItem(member, pi, ribbonId, annealCampaign.id, item, { xrd: item.piece === 1, resistance: asQuenched });
    if (asQuenched) glassPieceId = logged.pieceId;
    runIds.push(...logged.runIds);
  }
  for (const item of magneticCampaign('CRYO_CYCLES').items) runIds.push(...(await logItem(member, pi, ribbonId, cryoCampaign.id, item, { xrd: false })).runIds);
  for (const item of magneticCampaign('CRYSTALLIZED', { piecesPerLevel: 1 }).items) {
    const logged = await logItem(member, pi, ribbonId, undefined, item, { xrd: true });
    crystalPieceId = logged.pieceId;
    runIds.push(...logged.runIds);
  }
  const every = await logEveryTechnique(member, ribbonId);
  runIds.push(...every.runIds);
  return { annealId: annealCampaign.id, cryoId: cryoCampaign.id, runIds, glassPieceId, crystalPieceId, everyTechniqueCode: every.code };
}

/** Waits until every run has finished; returns how many succeeded and failed. */
export async function waitForAnalyses(api: ApiClient, runIds: string[], timeoutMs = 120_000): Promise<{ succeeded: number; failed: number }> {
  const deadline = Date.now() + timeoutMs;
  const status = new Map<string, string>();
  while (Date.now() < deadline) {
    for (const id of runIds.filter((r) => !status.has(r))) {
      const run = (await api.call<{ status: string }>('GET', `/api/analyses/${id}`)).body;
      if (run.status === 'SUCCEEDED' || run.status === 'FAILED') status.set(id, run.status);
    }
    if (status.size === runIds.length) break;
    await new Promise((r) => setTimeout(r, 300));
  }
  const values = [...status.values()];
  return { succeeded: values.filter((s) => s === 'SUCCEEDED').length, failed: values.filter((s) => s === 'FAILED').length };
}
