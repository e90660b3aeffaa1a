/**
 * What the magnetic analyzer stores and how it is described: units, labels and plausible ranges of
 * every metric (the registry validates and labels stored metrics from these specs).
 */
import type { MetricSpecs } from '../technique/metrics';
import { MEASUREMENT_MODES } from '../technique/parameters';
import type { MagneticFileMetrics, MagneticSegment } from './magnetic.types';
import { MODE_SOURCES } from './segments';
import type { SplitNormalFit } from './split-normal-fit';
import type { TcDistribution } from './tc-distribution';

export const K = 'K';
export const CHI = 'emu g⁻¹ Oe⁻¹';

/** The skewed (split-normal) alternative to the Gaussian local-Tc fit (split-normal-fit.ts). */
const SPLIT_NORMAL: MetricSpecs<SplitNormalFit> = {
  modeK: { kind: 'number', unit: K, label: 'split-normal mode', uncertainty: 'modeErrK' },
  modeErrK: { kind: 'number', unit: K, label: 'standard error of the mode', plausible: { min: 0 } },
  sigmaLowK: { kind: 'number', unit: K, label: 'width below the mode', uncertainty: 'sigmaLowErrK', plausible: { min: 0 } },
  sigmaLowErrK: { kind: 'number', unit: K, label: 'standard error of the width below the mode', plausible: { min: 0 } },
  sigmaHighK: { kind: 'number', unit: K, label: 'width above the mode', uncertainty: 'sigmaHighErrK', plausible: { min: 0 } },
  sigmaHighErrK: { kind: 'number', unit: K, label: 'standard error of the width above the mode', plausible: { min: 0 } },
  meanK: { kind: 'number', unit: K, label: 'split-normal mean' },
  stdK: { kind: 'number', unit: K, label: 'split-normal standard deviation', plausible: { min: 0 } },
  chi2PerDof: { kind: 'number', unit: '', label: 'χ²/dof of the split-normal fit', plausible: { min: 0 } },
  fStatistic: { kind: 'number', unit: '', label: 'F statistic against the Gaussian', plausible: { min: 0 } },
  fTestP: { kind: 'number', unit: '', label: 'F-test p-value', plausible: { min: 0, max: 1 } },
  deltaAic: { kind: 'number', unit: '', label: 'AIC(split normal) − AIC(Gaussian)', description: 'below −10: strong evidence for the skew' },
  preferred: { kind: 'text', label: 'form the data support', values: ['gaussian', 'split-normal'] },
};

/** The local-Tc distribution of one χ(T) sweep (tc-distribution.ts). */
const TC_DISTRIBUTION: MetricSpecs<TcDistribution> = {
  meanK: { kind: 'number', unit: K, label: 'mean of P(T) = −df/dT over the observed range' },
  stdK: { kind: 'number', unit: K, label: 'standard deviation of P(T) over the observed range', plausible: { min: 0 } },
  q10K: { kind: 'number', unit: K, label: 'P(T) 10 % quantile' },
  q25K: { kind: 'number', unit: K, label: 'P(T) 25 % quantile' },
  q50K: { kind: 'number', unit: K, label: 'P(T) median' },
  q75K: { kind: 'number', unit: K, label: 'P(T) 75 % quantile' },
  q90K: { kind: 'number', unit: K, label: 'P(T) 90 % quantile' },
  muK: { kind: 'number', unit: K, label: 'local-Tc μ (Gaussian fit to χ(T))', uncertainty: 'muErrK' },
  muErrK: { kind: 'number', unit: K, label: 'standard error of μ', plausible: { min: 0 } },
  sigmaK: { kind: 'number', unit: K, label: 'local-Tc σ (Gaussian fit to χ(T))', uncertainty: 'sigmaErrK', plausible: { min: 0 } },
  sigmaErrK: { kind: 'number', unit: K, label: 'standard error of σ', plausible: { min: 0 } },
  amplitudeEmuPerGOe: { kind: 'number', unit: CHI, label: 'fitted full shielding amplitude', description: 'χ_signal as T → 0 (negative)' },
  chi2PerDof: { kind: 'number', unit: '', label: 'χ²/dof of the Gaussian fit', description: 'residuals over the normal-state noise', plausible: { min: 0 } },
  observedFraction: {
    kind: 'number',
    unit: '',
    label: 'share of the fitted distribution above the lowest temperature',
    plausible: { min: 0, max: 1 },
  },
  truncated: { kind: 'flag', label: 'sweep stops before the transition is complete', description: 'under 98 % of the fitted distribution observed' },
  fitPoints: { kind: 'number', unit: '', label: 'points in the fit' },
  skewed: { kind: 'group', label: 'skewed alternative (split normal)', fields: SPLIT_NORMAL },
};

const SEGMENT: MetricSpecs<MagneticSegment> = {
  index: { kind: 'number', unit: '', label: 'segment (time order)' },
  kind: { kind: 'text', label: 'segment kind', values: ['M(T)', 'M(H)', 'hold'] },
  mode: { kind: 'text', label: 'ZFC or FC', values: MEASUREMENT_MODES },
  modeFrom: { kind: 'text', label: 'mode told by', values: MODE_SOURCES },
  direction: { kind: 'text', label: 'sweep direction', values: ['up', 'down', 'none'] },
  role: { kind: 'text', label: 'role', values: ['headline', 'partner', 'other'] },
  points: { kind: 'number', unit: '', label: 'points' },
  firstRow: { kind: 'number', unit: '', label: 'first data row' },
  lastRow: { kind: 'number', unit: '', label: 'last data row' },
  fieldOe: { kind: 'number', unit: 'Oe', label: 'field (median)' },
  fieldMinOe: { kind: 'number', unit: 'Oe', label: 'lowest field' },
  fieldMaxOe: { kind: 'number', unit: 'Oe', label: 'highest field' },
  tMinK: { kind: 'number', unit: K, label: 'lowest temperature' },
  tMaxK: { kind: 'number', unit: K, label: 'highest temperature' },
  tcOnsetK: { kind: 'number', unit: K, label: 'Tc onset' },
  tcMidK: { kind: 'number', unit: K, label: 'Tc mid' },
  width1090K: { kind: 'number', unit: K, label: 'transition width (10–90 %)' },
  chiMass1p8K: { kind: 'number', unit: CHI, label: 'χ_mass at 1.8 K' },
  tcDistribution: { kind: 'group', label: 'local-Tc distribution', fields: TC_DISTRIBUTION },
  failure: { kind: 'text', label: 'why no metrics' },
};

export const MAGNETIC_METRICS: MetricSpecs<MagneticFileMetrics> = {
  tcOnsetK: { kind: 'number', unit: K, label: 'Tc onset', description: 'baseline-subtracted χ first below −5 × noise, coming down in T' },
  tcMidK: { kind: 'number', unit: K, label: 'Tc mid', description: 'half of the signal at the lowest temperature' },
  widthFwhmK: { kind: 'number', unit: K, label: 'transition width (FWHM of dχ/dT)' },
  width1090K: { kind: 'number', unit: K, label: 'transition width (10–90 %)' },
  chiMass1p8K: { kind: 'number', unit: CHI, label: 'χ_mass at 1.8 K', description: 'signed: negative when shielding' },
  shieldingFraction1p8K: { kind: 'number', unit: '', label: 'shielding fraction at 1.8 K', description: '−4π ρ χ_mass (1 − N); null without density' },
  fcZfcRatio: { kind: 'number', unit: '', label: 'FC/ZFC at 1.8 K', description: 'null without the FC partner' },
  noiseEmuPerGOe: { kind: 'number', unit: CHI, label: 'normal-state noise (residual std)' },
  fieldOe: { kind: 'number', unit: 'Oe', label: 'field' },
  // The file's own sweep: a ZFC file's distribution is ZFC's, an FC file's is FC's (fcTcDistribution is a ZFC run's FC partner).
  tcDistribution: { kind: 'group', label: 'local-Tc distribution (this sweep)', fields: TC_DISTRIBUTION },
  fcTcDistribution: { kind: 'group', label: 'local-Tc distribution (FC partner)', fields: TC_DISTRIBUTION },
  fcZfcWidthRatio: { kind: 'number', unit: '', label: 'σ_FC / σ_ZFC', uncertainty: 'fcZfcWidthRatioErr', plausible: { min: 0 } },
  fcZfcWidthRatioErr: { kind: 'number', unit: '', label: 'standard error of σ_FC / σ_ZFC', plausible: { min: 0 } },
  segments: { kind: 'list', label: 'segments of the file', item: SEGMENT },
  inputMassG: { kind: 'number', unit: 'g', label: 'sample mass used' },
  massSource: { kind: 'text', label: 'mass from', values: ['parameter', 'header'] },
  momentColumn: { kind: 'text', label: 'moment column' },
};
