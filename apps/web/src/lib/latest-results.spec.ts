import { formatWithError } from '../../../../libs/charts/src/format';
import { describeTechniques } from '../../../../libs/analysis/src/technique/describe';
import { TECHNIQUE_REGISTRY } from '../../../../libs/analysis/src/techniques';
import type { Schemas } from '../api/client';
import { latestResults } from './latest-results';

type Measurement = Schemas['MeasurementDetailResponse'];

/** The registry as GET /api/techniques serves it. */
const TECHNIQUES = describeTechniques(TECHNIQUE_REGISTRY) as Schemas['TechniqueInfoResponse'][];

let n = 0;
function measurement(
  technique: string,
  mode: string | null,
  runs: { metrics: object; finishedAt: string; status?: string; fileRetracted?: boolean }[],
  retracted = false,
) {
  const id = `m${++n}`;
  return {
    id,
    technique,
    conditions: mode ? { mode } : {},
    retracted,
    files: runs.map((r, i) => ({
      fileId: `${id}-f${i}`,
      fileName: `${id}-${i}.dat`,
      retracted: r.fileRetracted ?? false,
      latestAnalysis: { id: `${id}-r${i}`, status: r.status ?? 'SUCCEEDED', metrics: r.metrics, finishedAt: r.finishedAt, queuedAt: r.finishedAt },
    })),
  } as unknown as Measurement;
}

describe('latest results of a sample', () => {
  it('sums up the newest succeeded run per technique and mode with the summary metrics the registry declares, in its order', () => {
    const results = latestResults(
      [
        measurement('MAGNETIC', 'ZFC', [{ metrics: { tcOnsetK: 3.5, tcMidK: 3.4 }, finishedAt: '2026-12-01T10:00:00.000Z' }]),
        measurement('MAGNETIC', 'ZFC', [
          { metrics: { tcOnsetK: 3.61, tcDistribution: { muK: 3.41, muErrK: 0.004 }, fcZfcRatio: null }, finishedAt: '2026-12-02T10:00:00.000Z' },
        ]),
        measurement('MAGNETIC', 'FC', [{ metrics: { tcOnsetK: 3.58 }, finishedAt: '2026-12-02T11:00:00.000Z' }]),
        measurement('XRD', null, [{ metrics: { q1InvA: 1.9123, q1ErrInvA: 0.0004, crystalline: false }, finishedAt: '2026-12-02T09:00:00.000Z' }]),
      ],
      TECHNIQUES,
    );
    expect(results.map((r) => r.title)).toEqual(['MAGNETIC ZFC', 'MAGNETIC FC', 'XRD']);
    const [zfc, fc, xrd] = results;
    // The newer ZFC run; the metric that is null is left out; labels and units from the registry.
    expect(zfc.rows).toEqual([
      { key: 'tcOnsetK', label: 'Tc onset', value: '3.61', unit: 'K' },
      { key: 'tcDistribution.muK', label: expect.stringMatching(/μ/), value: formatWithError(3.41, 0.004), unit: 'K' },
    ]);
    expect(fc.rows.map((r) => r.value)).toEqual(['3.58']);
    expect(xrd.rows).toEqual([
      { key: 'q1InvA', label: expect.any(String), value: formatWithError(1.9123, 0.0004), unit: 'Å⁻¹' },
      { key: 'crystalline', label: expect.any(String), value: 'no', unit: '' },
    ]);
  });

  it('leaves out retracted measurements and file links and runs that did not succeed', () => {
    const results = latestResults(
      [
        measurement('DSC', null, [{ metrics: { tgOnsetK: 470 }, finishedAt: '2026-12-02T10:00:00.000Z' }], true),
        measurement('DSC', null, [
          { metrics: { tgOnsetK: 471 }, finishedAt: '2026-12-02T11:00:00.000Z', fileRetracted: true },
          { metrics: { tgOnsetK: 472 }, finishedAt: '2026-12-02T12:00:00.000Z', status: 'FAILED' },
          { metrics: { tgOnsetK: 473 }, finishedAt: '2026-12-01T12:00:00.000Z' },
        ]),
      ],
      TECHNIQUES,
    );
    expect(results.map((r) => [r.title, r.rows.map((x) => x.value)])).toEqual([['DSC', ['473']]]);
  });

  it('takes every label and unit from the descriptors it is given, so no key is hard-coded', () => {
    const toy = [
      {
        id: 'TOY',
        label: 'toy',
        formats: '',
        modes: [],
        metrics: [{ key: 'wK', kind: 'number', label: 'w', unit: 'K', uncertainty: null, description: null }],
        summary: ['wK'],
      },
    ];
    const results = latestResults([measurement('TOY', null, [{ metrics: { wK: 2 }, finishedAt: '2026-12-02T10:00:00.000Z' }])], toy as never);
    expect(results[0].rows).toEqual([{ key: 'wK', label: 'W', value: '2', unit: 'K' }]);
  });
});
