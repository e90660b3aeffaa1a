/**
 * SAXS analyzer: the profile of a homogeneous glass is a power law on a flat background,
 * I = A·q^−n + B; bumps (local excess above that model beyond 3σ) are a sign of nanoscale
 * heterogeneity.
 */
import { AnalysisError, fail, ok, Result } from '../core/errors';
import { MAD_TO_STD, median } from '../core/numeric';
import { fitPowerLawBackground, powerLawAt, type PowerLawFit } from './power-law-fit';
import { SaxsProfile } from './saxs.types';

const BUMP_SIGMA = 3;

export interface SaxsBump {
  qInvA: number;
  /** Largest pointwise excess (I − I_fit)/σ in the bump. */
  excessSigma: number;
}

export interface SaxsResult {
  /** Power-law exponent n of I = A·q^−n + B (positive for a decay; Porod: 4). */
  powerLawN: number;
  powerLawNErr: number;
  /** A: the power-law term at q = 1 Å⁻¹. */
  prefactorA: number;
  /** B: the flat background, in the file's intensity unit (≥ 0). */
  backgroundB: number;
  /** Null when B sits on its bound 0. */
  backgroundBErr: number | null;
  /** −n, the log–log slope of the power-law term (kept for readers of older results). */
  slope: number;
  slopeErr: number;
  bumps: SaxsBump[];
  homogeneous: boolean;
  /** χ² per degree of freedom of the model over the points kept in the fit. */
  reducedChi2: number;
  /** Whether σ came from the file or was estimated from the scatter about the fit. */
  sigmaSource: 'file' | 'scatter';
  warnings: string[];
  qInvA: number[];
  intensity: number[];
  fitIntensity: number[];
}

/**
 * Relative point-to-point noise: 1.4826 · median |ρ_k − ρ_{k−1}| / √2 of ρ = (I − I_fit)/I_fit. From
 * successive differences, so a smooth misfit (a bump, a shape the model lacks) does not pass for noise.
 */
function relativeNoise(inten: readonly number[], model: readonly number[]): number {
  const rho = inten.map((v, k) => (model[k] > 0 ? (v - model[k]) / model[k] : NaN));
  const d: number[] = [];
  for (let k = 1; k < rho.length; k++) if (Number.isFinite(rho[k]) && Number.isFinite(rho[k - 1])) d.push(Math.abs(rho[k] - rho[k - 1]));
  const r = d.length > 0 ? (MAD_TO_STD * median(d)) / Math.SQRT2 : 0;
  return r > 0 ? r : 1e-12;
}

/**
 * Fit I = A·q^−n + B by weighted least squares (fitPowerLawBackground), σ from the file or, without
 * one, a relative noise r·I_fit with r from the point-to-point scatter of (I − I_fit)/I_fit (see relativeNoise).
 * Points more than 3σ above the model are excluded and the fit repeated (up to 10 times), so a bump
 * does not drag the model up. n ± σ_n and B ± σ_B from the covariance, scaled by max(1, sqrt(χ²/dof))
 * when σ came from the file. A bump is a run of ≥ 2 consecutive points each more than 3σ above the
 * model (a single point is noise-level: p ≈ 0.13 % each); it is reported at its largest excess.
 * Homogeneous = no bumps. Errors: NOT_ENOUGH_DATA (< 8 points with q > 0 and I > 0), FIT_FAILED
 * (degenerate, or n, B or their errors not finite).
 */
export function analyzeSaxs(profile: SaxsProfile): Result<SaxsResult, AnalysisError> {
  const warnings: string[] = [];
  const idx: number[] = [];
  for (let i = 0; i < profile.qInvA.length; i++) {
    if (profile.qInvA[i] > 0 && profile.intensity[i] > 0 && Number.isFinite(profile.intensity[i])) idx.push(i);
  }
  const skipped = profile.qInvA.length - idx.length;
  if (skipped > 0) warnings.push(`${skipped} point(s) with q ≤ 0 or I ≤ 0 left out of the fit`);
  if (idx.length < 8) return fail(new AnalysisError('NOT_ENOUGH_DATA', `only ${idx.length} points with q > 0 and I > 0`));
  const q = idx.map((i) => profile.qInvA[i]);
  const inten = idx.map((i) => profile.intensity[i]);
  const fileSigma = profile.sigma ? idx.map((i) => profile.sigma![i]) : undefined;
  const sigmaSource: 'file' | 'scatter' = fileSigma ? 'file' : 'scatter';
  let sigma: number[];
  if (fileSigma) {
    const good = fileSigma.map((s, k) => s / inten[k]).filter((r) => r > 0 && Number.isFinite(r));
    const fallback = good.length ? median(good) : 0.01;
    sigma = fileSigma.map((s, k) => (s > 0 && Number.isFinite(s) ? s : fallback * inten[k]));
  } else {
    // Relative weights to start with; replaced by the scatter about the first fit.
    sigma = inten.slice();
  }
  let used = inten.map(() => true);
  let fit: PowerLawFit | undefined;
  for (let it = 0; it < 10; it++) {
    fit = fitPowerLawBackground(q, inten, sigma, used);
    if (!fit) return fail(new AnalysisError('FIT_FAILED', 'the power law + background fit is degenerate (too few distinct q?)'));
    const current = fit;
    const model = q.map((v) => powerLawAt(current, v));
    if (!fileSigma) {
      const r = relativeNoise(inten, model);
      sigma = model.map((m, k) => r * (m > 0 ? m : inten[k]));
    }
    const next = inten.map((v, k) => (v - model[k]) / sigma[k] <= BUMP_SIGMA);
    if (next.filter(Boolean).length < 8) break;
    if (next.every((u, k) => u === used[k])) break;
    used = next;
  }
  if (!fileSigma) {
    // Refit with the final scatter estimate so the errors are in the right units.
    fit = fitPowerLawBackground(q, inten, sigma, used);
  }
  if (!fit) return fail(new AnalysisError('FIT_FAILED', 'the power law + background fit is degenerate'));
  const f = fit;
  const reducedChi2 = f.chi2 / Math.max(1, f.dof);
  const errScale = fileSigma ? Math.max(1, Math.sqrt(reducedChi2)) : 1;
  const nErr = f.nErr * errScale;
  const bErr = f.bErr * errScale;
  if (![f.n, f.a, f.b, nErr].every(Number.isFinite) || (!f.bAtZero && !Number.isFinite(bErr))) {
    return fail(new AnalysisError('FIT_FAILED', `the power law + background fit did not converge to finite values (n = ${f.n}, B = ${f.b})`));
  }
  if (f.nAtEdge) {
    return fail(
      new AnalysisError('FIT_FAILED', `the profile is not a power law on a flat background: the exponent n ran to the end of its range (${f.n.toFixed(2)})`),
    );
  }
  const model = q.map((v) => powerLawAt(f, v));
  const z = inten.map((v, k) => (v - model[k]) / sigma[k]);

  const bumps: SaxsBump[] = [];
  for (let k = 0; k < z.length;) {
    if (z[k] <= BUMP_SIGMA) {
      k++;
      continue;
    }
    let end = k;
    while (end + 1 < z.length && z[end + 1] > BUMP_SIGMA) end++;
    if (end > k) {
      let best = k;
      for (let j = k; j <= end; j++) if (z[j] > z[best]) best = j;
      bumps.push({ qInvA: q[best], excessSigma: z[best] });
    }
    k = end + 1;
  }
  const kept = used.filter(Boolean).length;
  const excludedFraction = 1 - kept / z.length;
  if ((fileSigma && reducedChi2 > 5) || excludedFraction > 0.1) {
    warnings.push(
      `the profile is not a single power law on a flat background (${(100 * excludedFraction).toFixed(0)} % of points above the fit by > 3σ, χ²/dof = ${reducedChi2.toFixed(1)} on the rest): n is an average over the q range and bumps may reflect shape, not fluctuations`,
    );
  }
  if (f.bAtZero) warnings.push('the background came out at its bound B = 0 (background already subtracted?): n is that of a bare power law');
  if (bumps.length > 3) warnings.push(`${bumps.length} bumps: more likely a profile of another shape than isolated heterogeneities`);
  if (!fileSigma) warnings.push('σ estimated from the scatter about the fit (none in the file)');
  return ok({
    powerLawN: f.n,
    powerLawNErr: nErr,
    prefactorA: f.a,
    backgroundB: f.b,
    backgroundBErr: f.bAtZero ? null : bErr,
    slope: -f.n,
    slopeErr: nErr,
    bumps,
    homogeneous: bumps.length === 0,
    reducedChi2,
    sigmaSource,
    warnings,
    qInvA: q,
    intensity: inten,
    fitIntensity: model,
  });
}
