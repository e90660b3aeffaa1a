/** Magnetic analyzer: Tc onset/mid, transition widths, χ and shielding at 1.8 K, FC/ZFC ratio. */
export { ANALYZER, MAGNETIC } from './magnetic.technique';
export { MAGNETIC_METRICS } from './magnetic.metrics';
export { analyzeMagnetic } from './analyze-magnetic';
export type { MagneticAnalysis, MagneticFileMetrics, MagneticMetrics, MagneticParams } from './magnetic.types';
