export interface LinearFit {
  slope: number;
  intercept: number;
  /** Standard errors from the residual variance s² = SSR/(n − 2). */
  slopeErr: number;
  interceptErr: number;
  r2: number;
}

/**
 * Ordinary least squares y = intercept + slope·x. Standard errors: slopeErr = s/√Sxx,
 * interceptErr = s·√(1/n + x̄²/Sxx) with s² = SSR/(n − 2); R² = 1 − SSR/SST.
 * Fewer than 2 points or all x equal → every field NaN (errors NaN for exactly 2 points).
 */
export function fitLinear(x: number[], y: number[]): LinearFit {
  const n = Math.min(x.length, y.length);
  const nan: LinearFit = { slope: NaN, intercept: NaN, slopeErr: NaN, interceptErr: NaN, r2: NaN };
  if (n < 2) return nan;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i] / n;
    my += y[i] / n;
  }
  let sxx = 0;
  let sxy = 0;
  let sst = 0;
  for (let i = 0; i < n; i++) {
    sxx += (x[i] - mx) ** 2;
    sxy += (x[i] - mx) * (y[i] - my);
    sst += (y[i] - my) ** 2;
  }
  if (!(sxx > 0)) return nan;
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  let ssr = 0;
  for (let i = 0; i < n; i++) ssr += (y[i] - intercept - slope * x[i]) ** 2;
  const s = n > 2 ? Math.sqrt(ssr / (n - 2)) : NaN;
  return {
    slope,
    intercept,
    slopeErr: s / Math.sqrt(sxx),
    interceptErr: s * Math.sqrt(1 / n + (mx * mx) / sxx),
    r2: sst > 0 ? 1 - ssr / sst : 1,
  };
}
