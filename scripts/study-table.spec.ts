import { formatStudyTable, studyTable, type ReportLike, type StudyTableInput } from './study-table';

type Levels = Record<number, { mean: number; changePct: number; n?: number }>;
const metric = (levels: Levels) => ({
  levels: Object.entries(levels).map(([level, l]) => ({ level: Number(level), mean: l.mean, std: 0.01, n: l.n ?? 2, changePct: l.changePct })),
});

const anneal: ReportLike = {
  metrics: {
    tcOnsetK: metric({ 0: { mean: 3.6012, changePct: 0 }, 1: { mean: 3.51, changePct: -2.5 } }),
    tcMidK: metric({ 0: { mean: 3.2, changePct: 0 }, 1: { mean: 3.12, changePct: -2.47 } }),
    chiAbs1p8KEmuPerGOe: metric({ 0: { mean: 0.0095, changePct: 0 }, 1: { mean: 0.0059, changePct: -38.04 } }),
    fcZfcRatio: metric({ 0: { mean: 0.2501, changePct: 0 } }),
    tcSigmaK: metric({ 0: { mean: 0.18, changePct: 0 } }),
    q1InvA: metric({ 0: { mean: 2.2, changePct: 0, n: 1 }, 1: { mean: 2.2035, changePct: 0.15, n: 1 }, 10: { mean: 2.2036, changePct: 0.17, n: 1 } }),
    q1FwhmInvA: metric({ 0: { mean: 0.5, changePct: 0, n: 1 }, 1: { mean: 0.48, changePct: -3.7, n: 1 }, 10: { mean: 0.48, changePct: -3.9, n: 1 } }),
  },
};
const cryo: ReportLike = {
  metrics: {
    tcMidK: metric({ 0: { mean: 3.2, changePct: 0 }, 27: { mean: 3.22, changePct: 0.8 }, 50: { mean: 3.23, changePct: 1.03 } }),
    chiAbs1p8KEmuPerGOe: metric({ 0: { mean: 0.0095, changePct: 0 }, 27: { mean: 0.0102, changePct: 6.7 }, 50: { mean: 0.0103, changePct: 8.6 } }),
  },
};
const full: StudyTableInput = {
  anneal,
  cryo,
  crystallized: { tcOnsetK: 4.2987, tcDistribution: { sigmaK: 0.03 } },
  resistance: { tcK: 3.6004, width1090K: 0.0121, hc2ZeroWhhT: 5.81, hc2ZeroMdgT: 5.74, xiNm: 7.53 },
  crossTechnique: { tcResistiveZ: 2.46, shieldingAtTcResistiveFraction: 0.0071, widthRatio: 38.2 },
};
const byQuantity = (input: StudyTableInput) => Object.fromEntries(studyTable(input).map((r) => [r.quantity, r]));

describe('studyTable', () => {
  it('puts each study value beside the value read from the analyses', () => {
    const t = byQuantity(full);
    expect(t['Diamagnetic onset, as-quenched glass']).toEqual({
      quantity: 'Diamagnetic onset, as-quenched glass',
      study: '≈ 3.6 K',
      vitrack: '3.601 K (mean of 2)',
    });
    expect(t['Diamagnetic onset, crystallized control'].vitrack).toBe('4.299 K');
    expect(t['Transition width, glass / crystallized (σ of the local-Tc distribution)'].vitrack).toBe('6.00 (σ 0.180 / 0.0300 K)');
    expect(t['Resistive Tc, as-quenched glass (10–90 % width)'].vitrack).toBe('3.600 K (0.0121 K wide)');
    expect(t['Resistive Tc in the χ distribution: (Tc_R − μ)/σ; 1.8 K shielding present at Tc_R'].vitrack).toBe('z = +2.46; 0.71 %; χ/R width 38×');
    expect(t['μ0Hc2(0), WHH / Maki–de Gennes']).toMatchObject({ study: '5.8 / 5.7 T', vitrack: '5.81 / 5.74 T' });
    expect(t['Coherence length ξ(0)'].vitrack).toBe('7.53 nm');
    expect(t['FC/ZFC shielding at 1.8 K, as quenched'].vitrack).toBe('25.0 % (mean of 2)');
    expect(t['Tc (mid) after 1 min at 453 K'].vitrack).toBe('−2.5 %');
    expect(t['Nominal shielding |χ|(1.8 K) after 1 min at 453 K'].vitrack).toBe('−38.0 %');
    expect(t['XRD q1 shift on annealing'].vitrack).toBe('+0.160 % (mean over 2 annealed levels)');
    expect(t['XRD halo width (FWHM) on annealing'].vitrack).toBe('−3.80 % (mean over 2 annealed levels)');
    expect(t['Density change Δρ/ρ ≈ 3 Δq1/q1'].vitrack).toBe('+0.48 %');
    expect(t['Cryo-cycling 77/293 K, 27 cycles'].vitrack).toBe('Tc +0.80 %, shielding +6.7 %');
    expect(t['Cryo-cycling 77/293 K, 50 cycles'].vitrack).toBe('Tc +1.03 %, shielding +8.6 %');
  });

  it('says "not measured in the demo" and why for every quantity the demo’s files did not give', () => {
    const rows = studyTable({ anneal: null, cryo: null, crystallized: null, resistance: null, crossTechnique: null });
    expect(rows).toHaveLength(15);
    for (const r of rows) expect(r.vitrack).toMatch(/^not measured in the demo: \S/);
    const t = byQuantity({ ...full, resistance: null, crossTechnique: null });
    expect(t['μ0Hc2(0), WHH / Maki–de Gennes'].vitrack).toBe('not measured in the demo: the demo uploaded no resistance run');
    expect(t['Diamagnetic onset, as-quenched glass'].vitrack).toBe('3.601 K (mean of 2)');
  });

  it('formats an aligned plain-text table with a header', () => {
    const text = formatStudyTable(studyTable(full));
    const lines = text.split('\n');
    expect(lines).toHaveLength(17);
    expect(lines[0]).toMatch(/^Quantity\s+Study\s+Vitrack \(from the demo’s files\)$/);
    const column = lines[0].indexOf('Study');
    expect([...lines[2]].slice(column, column + 7).join('')).toBe('≈ 3.6 K');
  });
});
