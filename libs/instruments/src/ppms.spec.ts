import digamma from '@stdlib/math-base-special-digamma';
import { DEFAULT_FIELDS_T, DIRTY_LIMIT_RATIO, GLASS_RIBBON, reducedTcAtField, resistanceOhm, simulatePpms, tcAtFieldK } from './ppms';

/** Cells of the data rows (after the column line) of a MultiVu text, plus the header names. */
function table(text: string): { header: string[]; rows: string[][]; preamble: string[] } {
  const lines = text.split('\n');
  const at = lines.indexOf('[Data]');
  return {
    preamble: lines.slice(0, at),
    header: lines[at + 1].split(','),
    rows: lines
      .slice(at + 2)
      .filter((l) => l !== '')
      .map((l) => l.split(',')),
  };
}

describe('dirty-limit model', () => {
  it('puts Tc(H) on the digamma curve ln(1/t) = ψ(1/2 + x) − ψ(1/2), h = x·exp(−ψ(1/2 + x))', () => {
    for (const h of [0.01, 0.1, 0.3, 0.65, 0.9]) {
      const t = reducedTcAtField(h);
      // Recover x from h = t·x / e^ψ(1/2) and check the defining equation.
      const x = (h * Math.exp(digamma(0.5))) / t;
      expect(Math.log(1 / t)).toBeCloseTo(digamma(0.5 + x) - digamma(0.5), 9);
    }
    expect(reducedTcAtField(0)).toBe(1);
    expect(reducedTcAtField(1)).toBe(0);
  });

  it('has the WHH ratio Hc2(0) = 0.6927 Tc |dHc2/dT| at Tc', () => {
    expect(DIRTY_LIMIT_RATIO).toBeCloseTo(0.69267, 5);
    const h = 1e-4;
    const slopeNumeric = -(h * GLASS_RIBBON.hc2ZeroT) / (GLASS_RIBBON.tc0K * (1 - reducedTcAtField(h)));
    expect(simulatePpms().truth.dHc2dTTPerK).toBeCloseTo(slopeNumeric, 3);
  });

  it('gives R = R_n/2 at Tc(H) and R ≈ 0 well below', () => {
    const tc3 = tcAtFieldK(GLASS_RIBBON, 3);
    expect(tc3).toBeGreaterThan(2.1);
    expect(tc3).toBeLessThan(2.3);
    const rn = GLASS_RIBBON.normalOhm4K * (1 + GLASS_RIBBON.tcrPerK * (tc3 - 4));
    expect(resistanceOhm(GLASS_RIBBON, tc3, 3)).toBeCloseTo(rn / 2, 12);
    expect(resistanceOhm(GLASS_RIBBON, 3.55, 0)).toBeLessThan(1e-6 * GLASS_RIBBON.normalOhm4K);
    // Negative TCR: the normal state rises on cooling.
    expect(resistanceOhm(GLASS_RIBBON, 4, 0)).toBeGreaterThan(resistanceOhm(GLASS_RIBBON, 5, 0));
  });
});

describe('simulatePpms, Resistivity option', () => {
  const file = simulatePpms({ seed: 7 });
  const { header, rows, preamble } = table(file.text);

  it('writes the real header records and a 41-column header with 23-field rows', () => {
    expect(preamble[0]).toBe('[Header]');
    expect(preamble).toContain('BYAPP, Resistivity, 2.1, 1.0');
    expect(preamble).toContain('INFO, APPNAME, PPMS MultiVu Application, 1.5.11');
    expect(header).toHaveLength(41);
    expect(header).toContain('Bridge 1 Resistance (Ohms)');
    expect(rows.every((r) => r.length === 23)).toBe(true);
    expect(file.fileName).toMatch(/\.dat$/);
  });

  it('sweeps every field setpoint through its transition, with bridge 1 only', () => {
    const iT = header.indexOf('Temperature (K)');
    const iH = header.indexOf('Magnetic Field (Oe)');
    const iR = header.indexOf('Bridge 1 Resistance (Ohms)');
    for (const fieldT of DEFAULT_FIELDS_T) {
      const at = rows.filter((r) => Math.abs(Number(r[iH]) - fieldT * 1e4) < 5);
      const r = at.map((row) => Number(row[iR]));
      expect(at.length).toBeGreaterThan(100);
      expect(Math.max(...r)).toBeGreaterThan(0.14);
      expect(Math.min(...r)).toBeLessThan(0.001);
      expect(Math.min(...at.map((row) => Number(row[iT])))).toBeLessThan(tcAtFieldK(GLASS_RIBBON, fieldT));
    }
    expect(rows.every((r) => r[header.indexOf('Bridge 2 Resistance (Ohms)')] === '')).toBe(true);
  });

  it('reports the truth of the noise-free model', () => {
    expect(file.truth.tcK).toBe(3.6);
    expect(file.truth.width1090K).toBeLessThan(0.02);
    expect(file.truth.hc2ZeroT).toBe(5.8);
    expect(file.truth.xiNm).toBeCloseTo(7.533, 3);
  });

  it('is reproducible from its seed and differs between seeds', () => {
    expect(simulatePpms({ seed: 7 }).text).toBe(file.text);
    expect(simulatePpms({ seed: 8 }).text).not.toBe(file.text);
  });
});

describe('simulatePpms, AC Transport option', () => {
  const file = simulatePpms({ seed: 2, option: 'actransport' });
  const { header, rows, preamble } = table(file.text);

  it('writes the ACT banner, BYAPP and 60 fields per row', () => {
    expect(preamble[1]).toBe('; AC Transport Data File (default extension .dat)');
    expect(preamble).toContain('BYAPP,ACTRANSPORT,2.0,1.1');
    expect(header).toHaveLength(60);
    expect(rows.every((r) => r.length === 60)).toBe(true);
  });

  it('fills ch1 and ch2 on alternating rows, in ohm-cm', () => {
    const i1 = header.indexOf('Res. ch1 (ohm-cm)');
    const i2 = header.indexOf('Res. ch2 (ohm-cm)');
    const misplaced = rows.filter((r, k) => (r[i1] === '') !== (k % 2 === 1) || (r[i2] === '') !== (k % 2 === 0));
    expect(misplaced).toHaveLength(0);
    // ρ = R·A/L = 0.15 Ω × 3e-4 cm² / 0.3 cm at the top of the sweep.
    expect(Number(rows[0][i1])).toBeCloseTo(1.5e-4, 6);
  });
});
