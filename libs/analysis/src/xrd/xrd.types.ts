/** Shapes shared by the XRD parsers, analyzer and file entry point. */

export type XrdXKind = 'twoThetaDeg' | 'qInvA' | 'unknown';

/** A 1D diffraction pattern as read from a file; x in the file's own unit (2θ in degrees, or q in Å⁻¹). */
export interface XrdPattern {
  x: number[];
  intensity: number[];
  xKind: XrdXKind;
  /** Wavelength in Å from the file header (pyFAI metres and nm converted), when stated. */
  wavelengthA?: number;
  /** q = 4π sin θ / λ in Å⁻¹, when computable (x is q, or x is 2θ and the wavelength is known). */
  q?: number[];
  /** e.g. 'xy', 'pyfai-xy', 'fit2d-chi', 'csv', 'xrdml-1.6'. */
  format: string;
  metadata: Record<string, string | number>;
  warnings: string[];
}

/** q = 4π sin(θ) / λ for 2θ in degrees and λ in Å, giving Å⁻¹. */
export function twoThetaDegToQInvA(twoThetaDeg: number, wavelengthA: number): number {
  return (4 * Math.PI * Math.sin((twoThetaDeg * Math.PI) / 360)) / wavelengthA;
}

/** Inverse of twoThetaDegToQInvA; NaN when q is beyond the 2θ = 180° limit 4π/λ. */
export function qInvAToTwoThetaDeg(qInvA: number, wavelengthA: number): number {
  const s = (qInvA * wavelengthA) / (4 * Math.PI);
  return Math.abs(s) > 1 ? NaN : (360 / Math.PI) * Math.asin(s);
}
