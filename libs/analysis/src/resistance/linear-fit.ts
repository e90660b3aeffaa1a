import { fitLinear } from '../trends/linear-fit';

/** The trends fit in the shape the resistance code wants: null instead of NaN for degenerate input. */
export interface LinearFit {
  slope: number;
  intercept: number;
  /** null below 3 points. */
  slopeErr: number | null;
  n: number;
}

/** Straight-line least squares (trends/fitLinear); null when fewer than 2 points or all x are equal. */
export function linearFit(x: readonly number[], y: readonly number[]): LinearFit | null {
  const n = Math.min(x.length, y.length);
  const f = fitLinear(x as number[], y as number[]);
  if (!Number.isFinite(f.slope)) return null;
  return { slope: f.slope, intercept: f.intercept, slopeErr: Number.isFinite(f.slopeErr) ? f.slopeErr : null, n };
}
