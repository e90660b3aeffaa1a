/**
 * The local-Tc distribution against the virtual magnetometer's known distribution: a sharp
 * crystallized-type transition near the top of the sweep, a sweep truncated before the transition
 * completes (the study's case), and standard errors that match the scatter over noise draws.
 */
import { GLASS_RIBBON_MODEL, localTcMoments, modelTruth, simulateSweep, type SuperconductorModel, type SweepPlan } from '../../../instruments/src/mpms';
import { createRng } from '../../../instruments/src/rng';
import { analyzeMagnetic } from './analyze-magnetic';

/** The everyday glass ribbon with a symmetric local-Tc distribution and a sloping normal-state background. */
const BASE: SuperconductorModel = {
  ...GLASS_RIBBON_MODEL,
  localTc: { meanK: 3.45, sigmaLowK: 0.1, sigmaHighK: 0.1 },
  backgroundSlopeEmuPerGOeK: -2e-8,
};
const MASS_MG = 2;

function run(model: SuperconductorModel, plan: Partial<SweepPlan>, seed: number) {
  const full: SweepPlan = { mode: 'ZFC', direction: 'up', fieldOe: 20, massMg: MASS_MG, noiseEmu: 5e-8, stepK: 0.01, ...plan };
  const sweep = simulateSweep(model, full, createRng(seed));
  const r = analyzeMagnetic({ ...sweep, momentColumn: 'Moment (emu)' }, { massG: MASS_MG / 1000 });
  if (!r.ok) throw r.error;
  const minK = Math.min(...sweep.temperatureK);
  const maxK = Math.max(...sweep.temperatureK);
  return { r: r.value, truth: modelTruth(model, { mode: 'ZFC', minK, maxK, noiseEmu: full.noiseEmu, fieldOe: full.fieldOe, massMg: MASS_MG }) };
}

describe('a sharp crystallized-type transition near the top of the sweep', () => {
  // Tc ≈ 4.3 K, 10–90 % width ≈ 0.1 K (σ = 0.04 K), swept 1.8–5 K: the first baseline window
  // (top 30 %, above 4.04 K) used to take in the transition itself and end in NO_TRANSITION.
  const sharp: SuperconductorModel = { ...BASE, localTc: { meanK: 4.3, sigmaLowK: 0.04, sigmaHighK: 0.04 } };

  it.each([0.01, 0.004])('is found at step %s K: Tc,mid, width and the distribution within the truths', (stepK) => {
    const { r, truth } = run(sharp, { startK: 1.8, endK: 5, stepK }, 21);
    const m = r.metrics;
    expect(Math.abs(m.tcMidK! - truth.tcMidK!)).toBeLessThan(0.01);
    expect(Math.abs(m.width1090K! / truth.width1090K! - 1)).toBeLessThan(0.1);
    expect(Math.abs(m.chiMass1p8K! / truth.chiMass1p8K - 1)).toBeLessThan(0.02);
    expect(Math.abs(m.tcDistribution.muK! - 4.3)).toBeLessThan(0.03);
    expect(Math.abs(m.tcDistribution.sigmaK! / 0.04 - 1)).toBeLessThan(0.1);
    expect(m.tcDistribution.truncated).toBe(false);
  });
});

describe('a sweep that stops before the transition is complete', () => {
  const low: SuperconductorModel = { ...BASE, localTc: { meanK: 2.1, sigmaLowK: 0.25, sigmaHighK: 0.25 } };
  const { r } = run(low, { startK: 1.8, endK: 5 }, 4);
  const d = r.metrics.tcDistribution;

  it('is fitted through the truncation and flagged', () => {
    expect(d.truncated).toBe(true);
    // 88 % of a Gaussian lies above μ − 1.2 σ.
    expect(d.observedFraction!).toBeCloseTo(0.885, 2);
    expect(Math.abs(d.muK! - 2.1)).toBeLessThan(0.03);
    expect(Math.abs(d.sigmaK! / 0.25 - 1)).toBeLessThan(0.1);
    expect(r.warnings.join('\n')).toMatch(/stops before the transition is complete: only 88 %/);
  });

  it('where the observed-range moments are biased (they renormalise what the sweep saw)', () => {
    expect(d.meanK - 2.1).toBeGreaterThan(0.03);
    expect(d.stdK / 0.25).toBeLessThan(0.9);
  });
});

describe('standard errors', () => {
  it('μ and σ scatter over noise draws as their standard errors say (within a factor 2)', () => {
    const fits = Array.from({ length: 12 }, (_, k) => run(BASE, { noiseEmu: 1e-6 }, 100 + k).r.metrics.tcDistribution);
    const spread = (xs: number[]) => {
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      return Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1));
    };
    const meanErr = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const muRatio = spread(fits.map((f) => f.muK!)) / meanErr(fits.map((f) => f.muErrK!));
    const sigmaRatio = spread(fits.map((f) => f.sigmaK!)) / meanErr(fits.map((f) => f.sigmaErrK!));
    expect(muRatio).toBeGreaterThan(0.5);
    expect(muRatio).toBeLessThan(2);
    expect(sigmaRatio).toBeGreaterThan(0.5);
    expect(sigmaRatio).toBeLessThan(2);
    for (const f of fits) {
      expect(f.chi2PerDof!).toBeGreaterThan(0.7);
      expect(f.chi2PerDof!).toBeLessThan(1.4);
    }
  });

  it('the Gaussian recovers the mean and standard deviation of a skewed (split-normal) distribution', () => {
    const skewed: SuperconductorModel = { ...BASE, localTc: { meanK: 3.45, sigmaLowK: 0.12, sigmaHighK: 0.06 } };
    const truth = localTcMoments(skewed.localTc);
    const d = run(skewed, {}, 9).r.metrics.tcDistribution;
    expect(Math.abs(d.meanK - truth.meanK)).toBeLessThan(0.03);
    expect(Math.abs(d.stdK / truth.stdK - 1)).toBeLessThan(0.1);
    expect(Math.abs(d.muK! - truth.meanK)).toBeLessThan(0.03);
    expect(Math.abs(d.sigmaK! / truth.stdK - 1)).toBeLessThan(0.1);
  });
});

describe('the skewed alternative (split normal) beside the Gaussian', () => {
  it('on a symmetric distribution: no better than the Gaussian, equal widths, the Gaussian preferred', () => {
    const s = run(BASE, {}, 31).r.metrics.tcDistribution.skewed!;
    expect(s.preferred).toBe('gaussian');
    expect(s.deltaAic).toBeGreaterThan(-10);
    expect(s.fTestP).toBeGreaterThan(0.001);
    expect(Math.abs(s.sigmaLowK / 0.1 - 1)).toBeLessThan(0.1);
    expect(Math.abs(s.sigmaHighK / 0.1 - 1)).toBeLessThan(0.1);
    expect(Math.abs(s.modeK - 3.45)).toBeLessThan(0.03);
  });

  it('on a skewed one (σ_low = 2 σ_high): recovers mode and both widths, fits to the noise and is preferred', () => {
    const skewed: SuperconductorModel = { ...BASE, localTc: { meanK: 3.45, sigmaLowK: 0.12, sigmaHighK: 0.06 } };
    const d = run(skewed, {}, 9).r.metrics.tcDistribution;
    const s = d.skewed!;
    expect(s.preferred).toBe('split-normal');
    expect(s.deltaAic).toBeLessThan(-100);
    expect(s.fTestP).toBeLessThan(1e-6);
    expect(Math.abs(s.modeK - 3.45)).toBeLessThan(0.03);
    expect(Math.abs(s.sigmaLowK / 0.12 - 1)).toBeLessThan(0.1);
    expect(Math.abs(s.sigmaHighK / 0.06 - 1)).toBeLessThan(0.1);
    expect(s.chi2PerDof).toBeLessThan(1.4);
    expect(d.chi2PerDof!).toBeGreaterThan(10 * s.chi2PerDof);
    const truth = localTcMoments(skewed.localTc);
    expect(Math.abs(s.meanK - truth.meanK)).toBeLessThan(0.01);
    expect(Math.abs(s.stdK / truth.stdK - 1)).toBeLessThan(0.05);
  });
});
