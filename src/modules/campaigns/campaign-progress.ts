import type { ReportInput, TechniqueName } from '../reports/report.types';
import type { AssignedPiece, MeasurementFacts } from './campaigns.repository';

const isJsonObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The level × technique matrix: per cell, pieces planned (assigned at that level), with at least
 * one uploaded file, with a successful analysis, and with only failed analyses.
 */
export function progressMatrix(levels: number[], techniques: TechniqueName[], pieces: AssignedPiece[], facts: MeasurementFacts[]): ReportInput['progress'] {
  const byPiece = new Map<string, MeasurementFacts[]>();
  for (const f of facts) {
    const own = byPiece.get(f.sampleId);
    if (own) own.push(f);
    else byPiece.set(f.sampleId, [f]);
  }
  const cells: ReportInput['progress'] = [];
  for (const level of levels) {
    const atLevel = pieces.filter((p) => p.level === level);
    for (const technique of techniques) {
      let uploaded = 0;
      let analysed = 0;
      let failed = 0;
      for (const p of atLevel) {
        const ms = (byPiece.get(p.sampleId) ?? []).filter((m) => m.technique === technique);
        const runs = ms.flatMap((m) => m.runs);
        if (ms.some((m) => m.fileCount > 0)) uploaded++;
        if (runs.some((r) => r.status === 'SUCCEEDED')) analysed++;
        else if (runs.some((r) => r.status === 'FAILED')) failed++;
      }
      cells.push({ level, technique, planned: atLevel.length, uploaded, analysed, failed });
    }
  }
  return cells;
}

/** The newest successful run of each (sample, technique, mode): what reports show. */
export function latestResults(facts: MeasurementFacts[]): ReportInput['results'] {
  const newest = new Map<string, ReportInput['results'][number] & { at: number }>();
  for (const m of facts) {
    for (const r of m.runs) {
      // Only a JSON object can hold metrics; the report decodes them per technique (decodeMetrics).
      if (r.status !== 'SUCCEEDED' || !isJsonObject(r.metrics)) continue;
      const key = `${m.sampleId}|${m.technique}|${m.mode}`;
      const at = r.createdAt.getTime();
      if ((newest.get(key)?.at ?? -1) < at)
        newest.set(key, {
          sampleId: m.sampleId,
          technique: m.technique,
          mode: m.mode,
          runId: r.id,
          analyzer: r.analyzer,
          analyzerVersion: r.analyzerVersion,
          metrics: r.metrics,
          at,
        });
    }
  }
  return [...newest.values()].map(({ at: _at, ...r }) => r);
}
