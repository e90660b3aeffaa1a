/**
 * What the local-Tc Gaussian (tc-distribution.ts) and its split-normal alternative
 * (split-normal-fit.ts) share: the binning their solvers run on, the Levenberg–Marquardt loop with
 * Marquardt's damping rule, and the Gauss–Newton polish on the points. The model's normal
 * equations and the linear solves stay written out per parameter count (3×3 and 4×4) for speed:
 * each fit passes its own to the loops here.
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

/** JᵀJ (row-major), Jᵀr and the residual sum of squares of a least-squares problem at some parameters. */
export interface NormalEquations {
  jtj: number[];
  jtr: number[];
  rss: number;
}

/**
 * Levenberg–Marquardt from `start` (λ = 1e-3): Marquardt's scaled damping of JᵀJ's diagonal, a
 * step kept only when it lowers the residual (marquardtUpdate), at most `iterations` steps.
 * `step(damped, jtr, p)` solves the damped equations and returns the next parameters (held inside
 * their bounds), or null when they are singular: the loop then ends with `singular`.
 */
export function levenbergMarquardt<P extends number[]>(
  start: P,
  iterations: number,
  evaluate: (p: P) => NormalEquations,
  step: (damped: number[], jtr: number[], p: P) => P | null,
): { p: P; singular: boolean } {
  const size = start.length;
  let p = start;
  let current = evaluate(p);
  let lambda = 1e-3;
  for (let iteration = 0; iteration < iterations; iteration++) {
    const damped = current.jtj.slice();
    for (let k = 0; k < size; k++) damped[k * (size + 1)] *= 1 + lambda;
    const next = step(damped, current.jtr, p);
    if (!next) return { p, singular: true };
    const trial = evaluate(next);
    const update = marquardtUpdate(current.rss, trial.rss, lambda);
    lambda = update.lambda;
    if (update.accept) {
      p = next;
      current = trial;
    }
    if (update.stop) break;
  }
  return { p, singular: false };
}

/**
 * Up to `steps` undamped Gauss–Newton steps from `p`, whose normal equations are `pass`: each is
 * kept only when `valid` and lowering the residual, else the polish ends. Returns the parameters
 * and their last pass (its residuals and JᵀJ give the standard errors).
 */
export function gaussNewtonPolish<P extends number[], E extends NormalEquations>(
  p: P,
  pass: E,
  steps: number,
  evaluate: (p: P) => E,
  step: (jtj: number[], jtr: number[], p: P) => P | null,
  valid: (p: P) => boolean,
): { p: P; pass: E } {
  for (let k = 0; k < steps; k++) {
    const next = step(pass.jtj, pass.jtr, p);
    if (!next || !valid(next)) break;
    const trial = evaluate(next);
    if (!(trial.rss < pass.rss)) break;
    p = next;
    pass = trial;
  }
  return { p, pass };
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
