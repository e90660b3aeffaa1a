import { describeTechniques } from '../../../../libs/analysis/src/technique/describe';
import { TECHNIQUE_REGISTRY } from '../../../../libs/analysis/src/techniques';
import { metricRows } from './metrics';

/** The specs as GET /api/techniques serves them. */
const specsOf = (id: string) => describeTechniques(TECHNIQUE_REGISTRY).find((t) => t.id === id)!.metrics;

describe('metric display from the registry descriptors', () => {
  it('labels and units come from the technique registry, in its order', () => {
    const rows = metricRows({ fieldOe: 20, tcOnsetK: 3.612, chiMass1p8K: -0.012, massSource: 'header' }, specsOf('MAGNETIC'));
    expect(rows).toEqual([
      { key: 'tcOnsetK', label: 'Tc onset', value: '3.612', unit: 'K' },
      { key: 'chiMass1p8K', label: 'χ_mass at 1.8 K', value: '−0.012', unit: specsOf('MAGNETIC').find((m) => m.key === 'chiMass1p8K')!.unit },
      { key: 'fieldOe', label: 'Field', value: '20', unit: 'Oe' },
      { key: 'massSource', label: 'Mass from', value: 'header', unit: '' },
    ]);
  });

  it('folds a declared uncertainty into its value and leaves lists out', () => {
    const xrd = specsOf('XRD');
    const withErr = xrd.find((m) => m.kind === 'number' && m.uncertainty)!;
    const list = xrd.find((m) => m.kind === 'list' || m.kind === 'numbers');
    const rows = metricRows({ [withErr.key]: 1.9123, [withErr.uncertainty!]: 0.0004, ...(list && { [list.key]: [] }) }, xrd);
    expect(rows).toEqual([{ key: withErr.key, label: expect.any(String), value: '1.9123 ± 0.0004', unit: withErr.unit }]);
  });

  it('shows a missing value as a dash and ignores keys the registry does not declare', () => {
    expect(metricRows({ tcOnsetK: null, somethingElse: 5 }, specsOf('MAGNETIC'))).toEqual([{ key: 'tcOnsetK', label: 'Tc onset', value: '—', unit: 'K' }]);
  });

  it('shows a group’s fitted parameters with their errors: the local-Tc μ and σ of the ZFC sweep and its FC partner', () => {
    const tc = { muK: 3.4066, muErrK: 0.00047, sigmaK: 0.0915, sigmaErrK: 0.00066, meanK: 3.4 };
    const rows = metricRows({ tcDistribution: tc, fcTcDistribution: null }, specsOf('MAGNETIC'));
    expect(rows.map((r) => [r.key, r.value, r.unit])).toEqual([
      ['tcDistribution.muK', '3.4066 ± 0.0005', 'K'],
      ['tcDistribution.sigmaK', '0.0915 ± 0.0007', 'K'],
    ]);
    expect(rows[0].label).toBe('Local-Tc distribution (this sweep): local-Tc μ (Gaussian fit to χ(T))');
  });

  it('reads a group inside a group: the skewed local-Tc fit’s mode with its error', () => {
    const skewed = { modeK: 3.41, modeErrK: 0.002, deltaAic: -3 };
    const rows = metricRows({ tcDistribution: { muK: 3.4066, muErrK: 0.00047, skewed } }, specsOf('MAGNETIC'));
    expect(rows.map((r) => [r.key, r.value])).toEqual([
      ['tcDistribution.muK', '3.4066 ± 0.0005'],
      ['tcDistribution.skewed.modeK', '3.410 ± 0.002'],
    ]);
  });
});
