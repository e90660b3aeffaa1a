/** Reads, through the API, what the demo's study table needs (scripts/study-table.ts builds it). */
import type { DemoCampaigns } from './demo-campaigns';
import type { ApiClient } from './demo-client';
import type { StudyTableInput } from './study-table';

interface MeasurementView {
  technique: string;
  conditions: { mode?: string };
  retracted: boolean;
  files: { latestAnalysis: { status: string; metrics: unknown } | null }[];
}

/** The metrics of the sample's newest successful analysis of one technique (and mode), or null. */
async function latestMetrics<M>(api: ApiClient, sampleId: string, technique: string, mode?: string): Promise<M | null> {
  const measurements = (await api.call<MeasurementView[]>('GET', `/api/samples/${sampleId}/measurements`)).body;
  let found: M | null = null;
  for (const m of measurements) {
    if (m.retracted || m.technique !== technique || (mode !== undefined && m.conditions.mode !== mode)) continue;
    for (const f of m.files) if (f.latestAnalysis?.status === 'SUCCEEDED') found = f.latestAnalysis.metrics as M;
  }
  return found;
}

export async function studyTableInput(api: ApiClient, campaigns: DemoCampaigns, annealReport: StudyTableInput['anneal']): Promise<StudyTableInput> {
  const [cryo, crystallized, resistance, cross] = await Promise.all([
    api.call('GET', `/api/campaigns/${campaigns.cryoId}/report`).then((r) => r.body as StudyTableInput['cryo']),
    latestMetrics<StudyTableInput['crystallized']>(api, campaigns.crystalPieceId, 'MAGNETIC', 'ZFC'),
    latestMetrics<StudyTableInput['resistance']>(api, campaigns.glassPieceId, 'RESISTANCE'),
    api.call('GET', `/api/samples/${campaigns.glassPieceId}/cross-technique`).then((r) => r.body as StudyTableInput['crossTechnique']),
  ]);
  return { anneal: annealReport, cryo, crystallized, resistance, crossTechnique: cross };
}
