/**
 * Where a campaign report's time goes, measured in this process on the compiled application code
 * (the same classes the API runs, on its own Database and pool): the three queries of
 * CampaignsService.reportInput, the in-memory assembly (latestResults, progressMatrix),
 * buildCampaignReport, JSON serialisation, and the HTML render with its inline SVG figure.
 */
import { TECHNIQUE_REGISTRY } from '../libs/analysis/src/techniques';
import { loadEnv } from '../src/config/env';
import { Database } from '../src/infra/database/database';
import { latestResults, progressMatrix } from '../src/modules/campaigns/campaign-progress';
import { CampaignsRepository } from '../src/modules/campaigns/campaigns.repository';
import { SYSTEM_VIEWER } from '../src/modules/projects/project-access';
import { CampaignsService } from '../src/modules/campaigns/campaigns.service';
import { SamplesRepository } from '../src/modules/samples/samples.repository';
import { SamplesService } from '../src/modules/samples/samples.service';
import { renderReportHtml } from '../src/modules/reports/render/report-html';
import { renderReportSvg } from '../src/modules/reports/render/report-svg';
import { buildCampaignReport } from '../src/modules/reports/report-builder';
import type { CampaignFactor } from '../src/modules/reports/report.types';
import { fixed, printTable, spread } from './pipeline-common';

export interface StageTiming {
  stage: string;
  p50: number;
  p95: number;
  max: number;
  note?: string;
}

async function time<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const t = performance.now();
  const v = await fn();
  return [v, performance.now() - t];
}

/** Each stage run `warmup` times, then `iterations` times, in request order; returns per-stage spreads. */
export async function profileReport(url: string, campaignId: string, warmup: number, iterations: number): Promise<StageTiming[]> {
  const database = new Database(loadEnv({ DATABASE_URL: url }));
  try {
    const repo = new CampaignsRepository(database, TECHNIQUE_REGISTRY);
    // reportInput needs the repositories and the samples' totals (alloys, projects and audit serve other methods).
    const samplesService = new SamplesService(new SamplesRepository(database), undefined as never, undefined as never, database, undefined as never);
    const service = new CampaignsService(repo, samplesService, undefined as never, undefined as never, database, undefined as never);
    const samples: Record<string, number[]> = {};
    const notes: Record<string, string> = {};
    const add = (stage: string, ms: number) => (samples[stage] ??= []).push(ms);
    for (let i = 0; i < warmup + iterations; i++) {
      const keep = i >= warmup;
      const [c, tFind] = await time(() => repo.find(campaignId));
      const [pieces, tPieces] = await time(() => repo.pieces(campaignId));
      const [facts, tFacts] = await time(() => repo.measurementFacts(campaignId));
      const [, tParallel] = await time(() => Promise.all([repo.pieces(campaignId), repo.measurementFacts(campaignId)]));
      const factor = c!.factor as CampaignFactor;
      const techniques = c!.plannedTechniques;
      const [results, tLatest] = await time(() => latestResults(facts));
      const [progress, tProgress] = await time(() => progressMatrix(factor.levels, techniques, pieces, facts));
      const [input, tInput] = await time(() => service.reportInput(campaignId, SYSTEM_VIEWER));
      const [report, tBuild] = await time(() => buildCampaignReport(input));
      const [json, tJson] = await time(() => JSON.stringify(report));
      const [svg, tSvg] = await time(() => renderReportSvg(report));
      const [html, tHtml] = await time(() => renderReportHtml(report));
      if (!keep) continue;
      add('campaigns.find (1 query)', tFind);
      add('campaigns.pieces (assignments ⋈ samples)', tPieces);
      add('campaigns.measurementFacts (measurements + runs + file counts)', tFacts);
      add('pieces ∥ measurementFacts (as reportInput runs them)', tParallel);
      add('latestResults (JS)', tLatest);
      add('progressMatrix (JS)', tProgress);
      add('= CampaignsService.reportInput, whole', tInput);
      add('buildCampaignReport', tBuild);
      add('JSON.stringify(report)', tJson);
      add('renderReportHtml, whole', tHtml);
      add('  of which renderReportSvg (ECharts SSR, inlined in the HTML)', tSvg);
      notes['campaigns.measurementFacts (measurements + runs + file counts)'] =
        `${facts.length} measurements, ${facts.reduce((a, f) => a + f.runs.length, 0)} runs`;
      notes['latestResults (JS)'] = `${results.length} results`;
      notes['progressMatrix (JS)'] = `${progress.length} cells`;
      notes['JSON.stringify(report)'] = `${fixed(json.length / 1024)} KiB`;
      notes['renderReportHtml, whole'] = `${fixed(html.length / 1024)} KiB`;
      notes['  of which renderReportSvg (ECharts SSR, inlined in the HTML)'] = `${fixed(svg.length / 1024)} KiB`;
    }
    return Object.entries(samples).map(([stage, xs]) => {
      const s = spread(xs);
      return { stage, p50: s.p50, p95: s.p95, max: s.max, note: notes[stage] };
    });
  } finally {
    await database.onModuleDestroy();
  }
}

export function printProfile(rows: StageTiming[]): void {
  printTable(
    ['stage', 'p50 ms', 'p95 ms', 'max ms', ''],
    rows.map((r) => [r.stage, fixed(r.p50, 1), fixed(r.p95, 1), fixed(r.max, 1), r.note ?? '']),
  );
}
