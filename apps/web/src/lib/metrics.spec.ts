import { errorKeyOf, metricRows, unitOf } from './metrics';

describe('metric display', () => {
  it('reads units from key suffixes', () => {
    expect(unitOf('tcOnsetK')).toBe('K');
    expect(unitOf('q1InvA')).toBe('Å⁻¹');
    expect(unitOf('dhRelaxJPerG')).toBe('J g⁻¹');
    expect(unitOf('dCpJPerGK')).toBe('J g⁻¹ K⁻¹');
    expect(unitOf('hc2ZeroWhhT')).toBe('T');
    expect(unitOf('chiMass1p8K')).toBe('emu g⁻¹ Oe⁻¹');
    expect(unitOf('shieldingFraction1p8K')).toBe('');
    expect(unitOf('fcZfcRatio')).toBe('');
    expect(unitOf('slope')).toBe('');
  });

  it('pairs a value with its uncertainty key in both spellings', () => {
    expect(errorKeyOf('q1InvA')).toContain('q1ErrInvA');
    expect(errorKeyOf('slope')).toContain('slopeErr');
  });

  it('folds uncertainties into their value and leaves structured values out', () => {
    const rows = metricRows({ q1InvA: 1.9123, q1ErrInvA: 0.0004, slope: 3.98, slopeErr: 0.12, crystalline: false, braggPeaksInvA: [], tcOnsetK: null });
    expect(rows.map((r) => r.key)).toEqual(['q1InvA', 'slope', 'crystalline', 'tcOnsetK']);
    expect(rows[0]).toEqual({ key: 'q1InvA', label: 'Halo position q₁', value: '1.9123 ± 0.0004', unit: 'Å⁻¹' });
    expect(rows[1].value).toBe('3.98 ± 0.12');
    expect(rows[2].value).toBe('no');
    expect(rows[3]).toMatchObject({ value: '—', unit: 'K' });
  });
});
