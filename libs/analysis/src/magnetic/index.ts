/** Magnetic analyzer: Tc onset/mid, transition widths, χ and shielding at 1.8 K, FC/ZFC ratio. */
export { ANALYZER, MAGNETIC, MAGNETIC_METRICS } from './magnetic.technique';
export { analyzeMagnetic } from './analyze-magnetic';
export type { MagneticAnalysis, MagneticFileMetrics, MagneticMetrics, MagneticParams } from './magnetic.types';
