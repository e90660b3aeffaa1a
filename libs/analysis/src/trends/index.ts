/** Campaign trends: per-level statistics and fits of a metric against the treatment level. */
export { fitExponentialDecay, type ExponentialDecayFit } from './exponential-fit';
export { levelStats, type LevelStat } from './level-stats';
export { fitLine, type LineFit } from '../core/numeric';
