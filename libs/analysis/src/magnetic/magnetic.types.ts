import type { Curves, MagneticSweep } from '../core/types';
import type { ModeSource, SegmentDirection, SegmentKind, SegmentMode } from './segments';
import type { TcDistribution } from './tc-distribution';

/** What the magnetic analyzer reports for one ZFC sweep (with its optional FC partner). */
export interface MagneticMetrics {
  /** Diamagnetic onset: baseline-subtracted χ first falls below −5 × noise coming down in T, K. */
  tcOnsetK: number | null;
  /** Where the baseline-subtracted χ reaches half its value at the lowest temperature, K. */
  tcMidK: number | null;
  /** FWHM of the smoothed dχ/dT peak, K. */
  widthFwhmK: number | null;
  /** T(10 %) − T(90 %) of the low-temperature signal, K. */
  width1090K: number | null;
  /** χ_mass = m/(H·mass) at 1.8 K, signed (negative when shielding), emu g⁻¹ Oe⁻¹. */
  chiMass1p8K: number | null;
  /** f = −4π ρ χ_mass (1 − N) at 1.8 K; null without density. */
  shieldingFraction1p8K: number | null;
  /** χ_FC(1.8 K) / χ_ZFC(1.8 K); null without an FC sweep. */
  fcZfcRatio: number | null;
  /** Residual std of the normal-state baseline, emu g⁻¹ Oe⁻¹. */
  noiseEmuPerGOe: number;
  /** Field used to normalise the moment, Oe. */
  fieldOe: number;
  /** The local-Tc distribution of the ZFC sweep (observed moments and the Gaussian fit to χ(T)). */
  tcDistribution: TcDistribution;
  /** The same for the FC partner; null without one or when its transition is not found. */
  fcTcDistribution: TcDistribution | null;
  /** σ_FC / σ_ZFC of the fitted distributions; null without both fits. */
  fcZfcWidthRatio: number | null;
  fcZfcWidthRatioErr: number | null;
}

export interface MagneticParams {
  massG: number;
  /** Overrides the field column, Oe. */
  fieldOe?: number;
  densityGCm3?: number;
  /** Demagnetising factor, 0 ≤ N < 1 (default 0: field parallel to a long ribbon). */
  demagN?: number;
  /** The field-cooled partner sweep, for the FC/ZFC ratio. */
  fc?: MagneticSweep;
}

export interface MagneticAnalysis {
  metrics: MagneticMetrics;
  warnings: string[];
  curves?: Curves;
}

/** One segment of a file (see splitSegments), with its own analysis when it is a χ(T) sweep. */
export interface MagneticSegment {
  /** 1-based, in time order. */
  index: number;
  kind: SegmentKind;
  mode: SegmentMode | null;
  modeFrom: ModeSource | null;
  direction: SegmentDirection;
  /** 'headline': the metrics above; 'partner': the FC sweep of the FC/ZFC ratio. */
  role: 'headline' | 'partner' | 'other';
  points: number;
  /** 1-based data rows (after the column line) of its first and last point. */
  firstRow: number;
  lastRow: number;
  /** Median, lowest and highest field, Oe; null without a field column. */
  fieldOe: number | null;
  fieldMinOe: number | null;
  fieldMaxOe: number | null;
  tMinK: number;
  tMaxK: number;
  tcOnsetK: number | null;
  tcMidK: number | null;
  width1090K: number | null;
  chiMass1p8K: number | null;
  tcDistribution: TcDistribution | null;
  /** Why a χ(T) segment gave no metrics. */
  failure: string | null;
}

/** What the magnetic technique stores per file: the analyzer's metrics and where its inputs came from. */
export interface MagneticFileMetrics extends MagneticMetrics {
  /** Every segment of the file, in time order. */
  segments: MagneticSegment[];
  /** Sample mass used, g. */
  inputMassG: number;
  massSource: 'parameter' | 'header';
  /** The moment column used, e.g. "Moment (emu)" or "DC Moment Free Ctr (emu)". */
  momentColumn: string;
}
