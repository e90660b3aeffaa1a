/** Magnetic analyzer: Tc onset/mid, transition widths, χ and shielding at 1.8 K, FC/ZFC ratio. */
export const ANALYZER = { name: 'magnetic', version: '1.0.0' } as const;

export { analyzeMagnetic } from './analyze-magnetic';
export type { MagneticAnalysis, MagneticMetrics, MagneticParams } from './magnetic.types';
