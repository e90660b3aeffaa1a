/**
 * What the local-Tc Gaussian (tc-distribution.ts) and its split-normal alternative
 * (split-normal-fit.ts) share: the binning their solvers run on, and Marquardt's damping rule.
 * The solvers themselves stay written out per parameter count (3×3 and 4×4) for speed.
 */

const { max } = Math;

export interface Bins {
  x: number[];
  y: number[];
  weight: number[];
}

/** Points with T ≤ upToK averaged into consecutive bins at most `widthK` wide (each at its mean T, weighted by its count). */
export function binPoints(t: ArrayLike<number>, y: ArrayLike<number>, upToK: number, widthK: number): Bins {
  const out: Bins = { x: [], y: [], weight: [] };
  let i = 0;
  while (i < t.length && t[i] <= upToK) {
    const edge = t[i] + widthK;
    let sx = 0;
    let sy = 0;
    let k = 0;
    while (i < t.length && t[i] <= upToK && t[i] < edge) {
      sx += t[i];
      sy += y[i];
      k++;
      i++;
    }
    out.x.push(sx / k);
    out.y.push(sy / k);
    out.weight.push(k);
  }
  return out;
}

/**
 * Marquardt's damping rule after one trial step: the step is kept only when it lowers the residual
 * sum of squares; λ falls tenfold on a kept step (floor 1e-9) and rises tenfold on a refused one.
 * `stop` when a kept step gained less than 1e-10 of the residual, or λ passed 1e8.
 */
export function marquardtUpdate(currentRss: number, trialRss: number, lambda: number): { accept: boolean; lambda: number; stop: boolean } {
  if (trialRss < currentRss) {
    const gain = (currentRss - trialRss) / currentRss;
    return { accept: true, lambda: max(lambda / 10, 1e-9), stop: gain < 1e-10 };
  }
  const raised = lambda * 10;
  return { accept: false, lambda: raised, stop: raised > 1e8 };
}
