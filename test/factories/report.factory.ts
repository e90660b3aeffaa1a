/**
 * Test fixtures (specs and the Chromium e2e only). analysedAnnealCampaign: a ReportInput whose magnetic results come from
 * really analysing the virtual MPMS files of the paper-shaped anneal campaign, as the worker would.
 */
import { analyzeFile } from '../../libs/analysis/src/analyze-file';
import { ANALYZER as MAGNETIC_ANALYZER } from '../../libs/analysis/src/magnetic/index';
import { GLASS_DENSITY_G_CM3, magneticCampaign, type CampaignGenerating, type CampaignItem } from '../../libs/instruments/src/campaign';
import type { ReportInput } from '../../src/modules/reports/report.types';

export interface AnalysedCampaign {
  input: ReportInput;
  generating: CampaignGenerating;
  items: CampaignItem[];
}

const encoder = new TextEncoder();

function analyse(text: string, massMg: number, fcText?: string): Record<string, unknown> {
  const r = analyzeFile(encoder.encode(text), {
    massG: massMg / 1000,
    densityGCm3: GLASS_DENSITY_G_CM3,
    ...(fcText !== undefined && { fc: encoder.encode(fcText) }),
  });
  if (!r.ok) throw r.error;
  return r.value.metrics;
}

/**
 * The 453 K anneal campaign (levels 0, 0.5, 1, 5, 8, 10 min; two pieces each), every ZFC and FC
 * file analysed. `zfcWithFc(item)` decides whether the ZFC run was given its FC partner (then it
 * carries its own fcZfcRatio); by default only the first piece of each level is. Progress: MAGNETIC
 * complete except level 8 (3 planned, 1 failed); XRD planned 2 per level with none analysed.
 */
export function analysedAnnealCampaign(zfcWithFc: (item: CampaignItem) => boolean = (item) => item.piece === 1): AnalysedCampaign {
  const campaign = magneticCampaign('ANNEAL_453K');
  const results: ReportInput['results'] = [];
  const pieces: ReportInput['pieces'] = [];
  for (const item of campaign.items) {
    const sampleId = `sample-${item.sampleCode}`;
    pieces.push({ sampleId, code: item.sampleCode, level: item.level });
    const common = { sampleId, technique: 'MAGNETIC' as const, analyzer: 'magnetic', analyzerVersion: MAGNETIC_ANALYZER.version };
    results.push({
      ...common,
      mode: 'ZFC',
      runId: `run-${item.sampleCode}-zfc`,
      metrics: analyse(item.zfc.text, item.massMg, zfcWithFc(item) ? item.fc.text : undefined),
    });
    results.push({ ...common, mode: 'FC', runId: `run-${item.sampleCode}-fc`, metrics: analyse(item.fc.text, item.massMg) });
  }
  const progress: ReportInput['progress'] = campaign.levels.flatMap((level) => [
    level === 8
      ? { level, technique: 'MAGNETIC' as const, planned: 3, uploaded: 3, analysed: 2, failed: 1 }
      : { level, technique: 'MAGNETIC' as const, planned: 2, uploaded: 2, analysed: 2, failed: 0 },
    { level, technique: 'XRD' as const, planned: 2, uploaded: level === 0 ? 1 : 0, analysed: 0, failed: 0 },
  ]);
  const input: ReportInput = {
    campaign: {
      id: 'campaign-anneal-453k',
      name: 'La75Al25 anneal at 453 K',
      hypothesis:
        'Annealing below Tg relaxes the liquid-like regions, so the Meissner shielding falls exponentially with hold time while Tc drops only slightly.',
      factor: { kind: 'ANNEAL_HOLD_MIN', targetK: 453, levels: campaign.levels },
      plannedTechniques: ['MAGNETIC', 'XRD'],
    },
    pieces,
    results,
    progress,
  };
  return { input, generating: campaign.generating, items: campaign.items };
}

/**
 * A small hand-made anneal input (no file analysis, instant): 3 pieces at each of 4 levels with
 * |χ| on k·exp(−t/1.2) + y0 (±1 %), Tc onset falling linearly, FC/ZFC from FC runs, one piece with
 * nothing measured, and one open gap (level 5 · MAGNETIC, 1 failed).
 */
export function handMadeAnnealInput(name = 'Hand-made anneal'): ReportInput {
  const levels = [0, 1, 5, 10];
  const pieces: ReportInput['pieces'] = [];
  const results: ReportInput['results'] = [];
  levels.forEach((level, li) => {
    for (let p = 1; p <= 3; p++) {
      const sampleId = `s-${li}-${p}`;
      pieces.push({ sampleId, code: `HM-${level}-P${p}`, level });
      const chi = (0.0064 * Math.exp(-level / 1.2) + 0.0031) * (1 + 0.01 * (p - 2));
      const run = { sampleId, technique: 'MAGNETIC' as const, analyzer: 'magnetic', analyzerVersion: MAGNETIC_ANALYZER.version };
      results.push({
        ...run,
        mode: 'ZFC',
        runId: `${sampleId}-zfc`,
        metrics: {
          tcOnsetK: 3.6 - 0.02 * level + 0.001 * p,
          tcMidK: 3.4 - 0.02 * level,
          chiMass1p8K: -chi,
          shieldingFraction1p8K: 0.7 * (chi / 0.0095),
          fcZfcRatio: null,
        },
      });
      results.push({ ...run, mode: 'FC', runId: `${sampleId}-fc`, metrics: { chiMass1p8K: -0.25 * chi } });
    }
  });
  pieces.push({ sampleId: 's-empty', code: 'HM-5-P4', level: 5 });
  return {
    campaign: {
      id: 'c-hand',
      name,
      hypothesis: 'Shielding decays with hold time.',
      factor: { kind: 'ANNEAL_HOLD_MIN', targetK: 453, levels },
      plannedTechniques: ['MAGNETIC'],
    },
    pieces,
    results,
    progress: levels.map((level) =>
      level === 5
        ? { level, technique: 'MAGNETIC' as const, planned: 4, uploaded: 4, analysed: 3, failed: 1 }
        : { level, technique: 'MAGNETIC' as const, planned: 3, uploaded: 3, analysed: 3, failed: 0 },
    ),
  };
}

/** The campaign factor hand-made inputs default to: a 453 K anneal held 0, 1 and 5 min. */
const HAND_MADE_FACTOR: ReportInput['campaign']['factor'] = { kind: 'ANNEAL_HOLD_MIN', targetK: 453, levels: [0, 1, 5] };

/** A hand-made report input (no file analysis): the pieces and results given, on a campaign planning MAGNETIC, no progress rows unless given. */
export function reportInput(
  partial: Partial<ReportInput> & Pick<ReportInput, 'pieces' | 'results'>,
  factor: ReportInput['campaign']['factor'] = HAND_MADE_FACTOR,
): ReportInput {
  return {
    campaign: { id: 'c1', name: 'hand-made', hypothesis: 'h', factor, plannedTechniques: ['MAGNETIC'] },
    progress: [],
    ...partial,
  };
}

/** One analysed run of a hand-made report input; its analyzer is the technique's name in lower case. */
export function reportRun(
  sampleId: string,
  technique: ReportInput['results'][number]['technique'],
  mode: 'ZFC' | 'FC' | null,
  runId: string,
  metrics: Record<string, unknown> = {},
  analyzerVersion = '1.0.0',
): ReportInput['results'][number] {
  return { sampleId, technique, mode, runId, analyzer: technique.toLowerCase(), analyzerVersion, metrics };
}
