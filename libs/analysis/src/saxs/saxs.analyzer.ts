/**
 * SAXS analyzer: power-law decay I ∝ q^slope fitted in log–log, and bumps (local excess above
 * the fitted decay beyond 3σ) as a sign of nanoscale heterogeneity.
 */
import { AnalysisError, fail, ok, Result } from '../core/errors';
import { fitLine, type LineFit, median, robustStd } from '../core/numeric';
import { SaxsProfile } from './saxs.types';

const BUMP_SIGMA = 3;

export interface SaxsBump {
  qInvA: number;
  /** Largest pointwise excess (I − I_fit)/σ in the bump. */
  excessSigma: number;
}

export interface SaxsResult {
  /** d log I / d log q of the fitted power law (negative for a decay). */
  slope: number;
  slopeErr: number;
  /** I_fit(q) = prefactor · q^slope, q in Å⁻¹. */
  prefactor: number;
  bumps: SaxsBump[];
  homogeneous: boolean;
  /** χ² per degree of freedom of the power law over the points kept in the fit. */
  reducedChi2: number;
  /** Whether σ came from the file or was estimated from the scatter about the fit. */
  sigmaSource: 'file' | 'scatter';
  warnings: string[];
  qInvA: number[];
  intensity: number[];
  fitIntensity: number[];
}

/**
 * Fit log10 I = log10 A + slope · log10 q by weighted least squares, σ_log = σ / (I ln 10). Points
 * more than 3σ above the line are excluded and the fit repeated (up to 10 times), so a bump
 * does not drag the decay up. Without σ in the file, σ_log is the robust scatter (1.4826 × MAD)
 * of the log residuals. slopeErr = sqrt(var) × max(1, sqrt(χ²_red)). A bump is a run of ≥ 2
 * consecutive points each more than 3σ above the fitted decay (a single point is noise-level:
 * p ≈ 0.13 % each); it is reported at its largest excess. Homogeneous = no bumps.
 */
export function analyzeSaxs(profile: SaxsProfile): Result<SaxsResult, AnalysisError> {
  const warnings: string[] = [];
  const idx: number[] = [];
  for (let i = 0; i < profile.qInvA.length; i++) {
    if (profile.qInvA[i] > 0 && profile.intensity[i] > 0 && Number.isFinite(profile.intensity[i])) idx.push(i);
  }
  const skipped = profile.qInvA.length - idx.length;
  if (skipped > 0) warnings.push(`${skipped} point(s) with I ≤ 0 left out of the log–log fit`);
  if (idx.length < 8) return fail(new AnalysisError('NOT_ENOUGH_DATA', `only ${idx.length} points with q > 0 and I > 0`));
  const q = idx.map((i) => profile.qInvA[i]);
  const inten = idx.map((i) => profile.intensity[i]);
  const x = q.map(Math.log10);
  const y = inten.map(Math.log10);
  const fileSigma = profile.sigma ? idx.map((i) => profile.sigma![i]) : undefined;
  let sigmaLog: number[];
  const sigmaSource: 'file' | 'scatter' = fileSigma ? 'file' : 'scatter';
  if (fileSigma) {
    const good = fileSigma.map((s, k) => s / (inten[k] * Math.LN10)).filter((s) => s > 0 && Number.isFinite(s));
    const fallback = good.length ? median(good) : 0.01;
    sigmaLog = fileSigma.map((s, k) => {
      const v = s / (inten[k] * Math.LN10);
      return v > 0 && Number.isFinite(v) ? v : fallback;
    });
  } else {
    sigmaLog = y.map(() => 1);
  }
  let used = y.map(() => true);
  /** Weighted least squares of log I on log q over the points in use, w = 1/σ_log². */
  const fitUsed = (): LineFit | undefined => {
    const sel = used.map((u, k) => (u ? k : -1)).filter((k) => k >= 0);
    const f = fitLine(
      sel.map((k) => x[k]),
      sel.map((k) => y[k]),
      { weights: sel.map((k) => 1 / sigmaLog[k] ** 2) },
    );
    return Number.isFinite(f.slope) ? f : undefined;
  };
  let line: LineFit | undefined;
  for (let it = 0; it < 10; it++) {
    line = fitUsed();
    if (!line) return fail(new AnalysisError('FIT_FAILED', 'degenerate log–log fit (all q equal?)'));
    const current = line;
    if (!fileSigma) {
      const scatter = robustStd(
        used.flatMap((u, k) => (u ? [y[k] - current.intercept - current.slope * x[k]] : [])),
        0,
      );
      sigmaLog = y.map(() => (scatter > 0 ? scatter : 1e-12));
    }
    const next = y.map((v, k) => (v - current.intercept - current.slope * x[k]) / sigmaLog[k] <= BUMP_SIGMA);
    if (next.filter(Boolean).length < 5) break;
    if (next.every((u, k) => u === used[k])) break;
    used = next;
  }
  if (!fileSigma) {
    // Refit with the final scatter estimate so the slope's variance is in the right units.
    line = fitUsed();
    if (!line) return fail(new AnalysisError('FIT_FAILED', 'degenerate log–log fit'));
  }
  const fit = line!;
  const z = y.map((v, k) => (v - fit.intercept - fit.slope * x[k]) / sigmaLog[k]);
  const kept = used.map((u, k) => (u ? k : -1)).filter((k) => k >= 0);
  const chi2 = kept.reduce((s, k) => s + z[k] * z[k], 0);
  const reducedChi2 = chi2 / Math.max(1, kept.length - 2);
  const slopeErr = fit.slopeErrKnownSigma * (fileSigma ? Math.max(1, Math.sqrt(reducedChi2)) : 1);

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
  const excludedFraction = 1 - kept.length / z.length;
  if ((fileSigma && reducedChi2 > 5) || excludedFraction > 0.1) {
    warnings.push(
      `the profile is not a single power law (${(100 * excludedFraction).toFixed(0)} % of points above the fit by > 3σ, χ²/dof = ${reducedChi2.toFixed(1)} on the rest): the slope is an average over the q range and bumps may reflect shape, not fluctuations`,
    );
  }
  if (bumps.length > 3) warnings.push(`${bumps.length} bumps: more likely a non-power-law profile than isolated heterogeneities`);
  if (!fileSigma) warnings.push('σ estimated from the scatter about the fit (none in the file)');
  const prefactor = 10 ** fit.intercept;
  return ok({
    slope: fit.slope,
    slopeErr,
    prefactor,
    bumps,
    homogeneous: bumps.length === 0,
    reducedChi2,
    sigmaSource,
    warnings,
    qInvA: q,
    intensity: inten,
    fitIntensity: q.map((v) => prefactor * v ** fit.slope),
  });
}
