/** A 1D small-angle scattering profile, q always in Å⁻¹. */
export interface SaxsProfile {
  qInvA: number[];
  intensity: number[];
  /** Standard uncertainty of each intensity; undefined when the file has none (or its meaning is ambiguous). */
  sigma?: number[];
  /** e.g. 'q-i-sigma', 'q-i', 'q-i-4col', 'rkh-colette'. */
  format: string;
  metadata: Record<string, string | number>;
  warnings: string[];
}
