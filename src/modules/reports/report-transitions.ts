/**
 * Which pieces the report's transitions figure (Fig. 4(c)) shows, and the runs whose curves it
 * needs: pure, from the report input. The service loads the curves and libs/charts draws them.
 */
import type { TransitionPiece, XYCurve } from '../../../libs/charts/src/transition-figure';
import type { ReportInput } from './report.types';

export interface FigurePiece {
  sampleId: string;
  code: string;
  level: number;
  /** Run ids of its newest ZFC and FC magnetic runs and its newest resistance run. */
  runs: { zfc?: string; fc?: string; resistance?: string };
}

/**
 * The requested pieces in the order asked (codes not assigned to the campaign in `unknown`), or by
 * default the first piece by code of each level that has a ZFC run, preferring one that also has a
 * resistance run.
 */
export function figurePieces(input: ReportInput, requested?: readonly string[]): { pieces: FigurePiece[]; unknown: string[] } {
  const runsOf = (sampleId: string): FigurePiece['runs'] => {
    const runs: FigurePiece['runs'] = {};
    for (const r of input.results) {
      if (r.sampleId !== sampleId) continue;
      if (r.technique === 'MAGNETIC' && (r.mode === 'ZFC' || r.mode === null)) runs.zfc ??= r.runId;
      else if (r.technique === 'MAGNETIC' && r.mode === 'FC') runs.fc ??= r.runId;
      else if (r.technique === 'RESISTANCE') runs.resistance ??= r.runId;
    }
    return runs;
  };
  const all = [...input.pieces].sort((a, b) => a.level - b.level || a.code.localeCompare(b.code));
  if (requested && requested.length > 0) {
    const byCode = new Map(all.map((p) => [p.code.toUpperCase(), p]));
    const unknown = requested.filter((c) => !byCode.has(c.toUpperCase()));
    const pieces = [...new Set(requested.map((c) => c.toUpperCase()))].flatMap((c) => {
      const p = byCode.get(c);
      return p ? [{ sampleId: p.sampleId, code: p.code, level: p.level, runs: runsOf(p.sampleId) }] : [];
    });
    return { pieces, unknown };
  }
  const pieces: FigurePiece[] = [];
  for (const level of [...new Set(all.map((p) => p.level))]) {
    const candidates = all.filter((p) => p.level === level).map((p) => ({ sampleId: p.sampleId, code: p.code, level: p.level, runs: runsOf(p.sampleId) }));
    const pick = candidates.find((p) => p.runs.zfc && p.runs.resistance) ?? candidates.find((p) => p.runs.zfc);
    if (pick) pieces.push(pick);
  }
  return { pieces, unknown: [] };
}

const isCurve = (v: unknown): v is XYCurve => typeof v === 'object' && v !== null && Array.isArray((v as XYCurve).x) && Array.isArray((v as XYCurve).y);

/** The R(T) curve at the lowest field of a resistance run's stored curves (`R(T) <field> T`, the headline channel). */
function lowestFieldResistance(curves: Record<string, unknown>): XYCurve | undefined {
  const fields = Object.keys(curves)
    .map((key) => ({ key, m: /^R\(T\) ([\d.eE+-]+) T$/.exec(key) }))
    .flatMap(({ key, m }) => (m && isCurve(curves[key]) ? [{ key, fieldT: Number(m[1]) }] : []))
    .sort((a, b) => a.fieldT - b.fieldT);
  return fields.length ? (curves[fields[0].key] as XYCurve) : undefined;
}

/** A figure piece with the curves its runs stored (a run without curves, or with other ones, adds nothing). */
export function transitionPiece(piece: FigurePiece, curvesByRun: ReadonlyMap<string, unknown>, levelUnit: string): TransitionPiece {
  const stored = (id: string | undefined): Record<string, unknown> => {
    const c = id === undefined ? undefined : curvesByRun.get(id);
    return c && typeof c === 'object' ? (c as Record<string, unknown>) : {};
  };
  const zfc = stored(piece.runs.zfc).dChiDt;
  const fc = stored(piece.runs.fc).dChiDt;
  const resistance = lowestFieldResistance(stored(piece.runs.resistance));
  return {
    code: piece.code,
    subtitle: `level ${piece.level}${levelUnit ? ` ${levelUnit}` : ''}`,
    ...(isCurve(zfc) && { zfcDerivative: zfc }),
    ...(isCurve(fc) && { fcDerivative: fc }),
    ...(resistance && { resistance }),
  };
}
