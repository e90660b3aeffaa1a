/** Ordinary least squares y = intercept + slope·x, with the slope's standard error (null below 3 points). */
export interface LinearFit {
  slope: number;
  intercept: number;
  slopeErr: number | null;
  n: number;
}

/**
 * Straight-line least-squares fit. Returns null when fewer than 2 points or all x are equal,
 * so callers never divide by zero on degenerate sweeps.
 */
export function linearFit(x: readonly number[], y: readonly number[]): LinearFit | null {
  const n = Math.min(x.length, y.length);
  if (n < 2) return null;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (x[i] - mx) ** 2;
    sxy += (x[i] - mx) * (y[i] - my);
  }
  if (!(sxx > 0)) return null;
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  if (n < 3) return { slope, intercept, slopeErr: null, n };
  let ssr = 0;
  for (let i = 0; i < n; i++) ssr += (y[i] - intercept - slope * x[i]) ** 2;
  return { slope, intercept, slopeErr: Math.sqrt(ssr / (n - 2) / sxx), n };
}
