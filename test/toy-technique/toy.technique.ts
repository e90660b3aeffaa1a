/**
 * A toy technique for tests: the smallest complete descriptor (what a technique folder under
 * libs/analysis/src/ holds), added to a registry with `TECHNIQUE_REGISTRY.with(TOY)` and nothing
 * else (toy-registry.ts). Its files are a one-line header and "wavelength, counts" rows of one
 * Gaussian line; it reports the line's position and area. writeToyFile makes such a file with
 * known truth, so unit tests and test/e2e/toy-technique.e2e-spec.ts (API, worker, report) can
 * check every reader.
 */
import { AnalysisError, fail, ok, ParseError } from '../../libs/analysis/src/core/errors';
import { splitLines } from '../../libs/analysis/src/core/text';
import type { MetricSpecs } from '../../libs/analysis/src/technique/metrics';
import { defineTechnique } from '../../libs/analysis/src/technique/technique';

const HEADER = '# vitrack toy spectrum v1';

/** What the toy technique stores. */
export interface ToyMetrics {
  /** Wavelength of the highest count, shifted by the offsetNm parameter, nm. */
  peakNm: number;
  /** Trapezoid area under the counts, counts·nm. */
  areaCountsNm: number;
  points: number;
  /** Whether the line sits inside the scanned range (not on its first or last point). */
  resolved: boolean;
}

export const TOY_METRICS: MetricSpecs<ToyMetrics> = {
  peakNm: { kind: 'number', unit: 'nm', label: 'line position', plausible: { min: 0 } },
  areaCountsNm: { kind: 'number', unit: 'counts nm', label: 'line area' },
  points: { kind: 'number', unit: '', label: 'points read' },
  resolved: { kind: 'flag', label: 'line inside the scan' },
};

export const TOY = defineTechnique({
  id: 'TOY',
  label: 'toy spectroscopy',
  formats: `text starting "${HEADER}"`,
  analyzer: { name: 'toy', version: '0.1.0' },
  parameters: { offsetNm: { kind: 'number', unit: 'nm', label: 'calibration offset', condition: { key: 'offsetNm' } } },
  metrics: TOY_METRICS,
  reportMetrics: [{ key: 'toyPeakNm', label: 'Toy line position', unit: 'nm', reads: ['peakNm'], value: ({ main }) => main?.peakNm ?? null }],
  detect: (sample) => (sample.text.startsWith(HEADER) ? { format: 'toy-v1', confidence: 1 } : undefined),
  parse(bytes) {
    const rows = splitLines(new TextDecoder().decode(bytes)).slice(1);
    const x: number[] = [];
    const y: number[] = [];
    for (let i = 0; i < rows.length; i++) {
      if (rows[i].trim() === '') continue;
      const [a, b] = rows[i].split(',').map(Number);
      if (!Number.isFinite(a) || !Number.isFinite(b)) return fail(new ParseError('BAD_NUMBER', `"${rows[i]}" is not two numbers`, i + 2));
      x.push(a);
      y.push(b);
    }
    return ok({ x, y });
  },
  analyze({ x, y }, { params }) {
    if (x.length < 3) return fail(new AnalysisError('NOT_ENOUGH_DATA', `only ${x.length} points`));
    let top = 0;
    let area = 0;
    for (let i = 1; i < x.length; i++) {
      if (y[i] > y[top]) top = i;
      area += 0.5 * (y[i] + y[i - 1]) * (x[i] - x[i - 1]);
    }
    const resolved = top > 0 && top < x.length - 1;
    return ok({
      format: 'toy-v1',
      metrics: { peakNm: x[top] + (params.offsetNm ?? 0), areaCountsNm: area, points: x.length, resolved },
      warnings: resolved ? [] : ['the line is at the edge of the scan'],
    });
  },
});

/** A toy file: one Gaussian line of `areaCountsNm` at `peakNm` (width σ), sampled every stepNm from fromNm. */
export function writeToyFile(truth: { peakNm: number; areaCountsNm: number; sigmaNm?: number; fromNm?: number; toNm?: number; stepNm?: number }): Uint8Array {
  const { peakNm, areaCountsNm, sigmaNm = 2, fromNm = peakNm - 20, toNm = peakNm + 20, stepNm = 0.25 } = truth;
  const rows = [HEADER];
  for (let x = fromNm; x <= toNm + 1e-9; x += stepNm) {
    const counts = (areaCountsNm / (sigmaNm * Math.sqrt(2 * Math.PI))) * Math.exp(-0.5 * ((x - peakNm) / sigmaNm) ** 2);
    rows.push(`${x.toFixed(4)},${counts.toFixed(6)}`);
  }
  return new TextEncoder().encode(rows.join('\n'));
}
