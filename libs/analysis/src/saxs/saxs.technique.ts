/**
 * SAXS: small-angle scattering profiles (q, I, σ tables, RKH/COLETTE). The power law on a flat
 * background, I = A·q^−n + B, and bumps above it (docs/analysis-definitions.md "SAXS").
 */
import { plotCurve } from '../core/numeric';
import { ok } from '../core/errors';
import { diffractionMatch } from '../diffraction-detect';
import type { MetricSpecs } from '../technique/metrics';
import { defineTechnique } from '../technique/technique';
import { analyzeSaxs, type SaxsResult } from './saxs.analyzer';
import { parseSaxs } from './saxs.parser';

/** Bump when outputs change: a starting worker then re-analyses every stored file. */
export const ANALYZER = { name: 'saxs', version: '1.1.0' } as const;

/** What the SAXS technique stores per profile. */
export type SaxsMetrics = Pick<
  SaxsResult,
  | 'powerLawN'
  | 'powerLawNErr'
  | 'prefactorA'
  | 'backgroundB'
  | 'backgroundBErr'
  | 'slope'
  | 'slopeErr'
  | 'bumps'
  | 'homogeneous'
  | 'reducedChi2'
  | 'sigmaSource'
>;

export const SAXS_METRICS: MetricSpecs<SaxsMetrics> = {
  powerLawN: {
    kind: 'number',
    unit: '',
    label: 'power-law exponent n',
    description: 'I = A·q^−n + B; Porod (sharp interfaces): 4',
    uncertainty: 'powerLawNErr',
    plausible: { min: 0, max: 7 },
  },
  powerLawNErr: { kind: 'number', unit: '', label: 'standard error of n', plausible: { min: 0 } },
  prefactorA: { kind: 'number', unit: '', label: 'prefactor A (power-law term at q = 1 Å⁻¹)' },
  backgroundB: { kind: 'number', unit: '', label: 'flat background B', description: "in the file's intensity unit", uncertainty: 'backgroundBErr' },
  backgroundBErr: { kind: 'number', unit: '', label: 'standard error of B', plausible: { min: 0 } },
  slope: { kind: 'number', unit: '', label: 'power-law slope −n', uncertainty: 'slopeErr', plausible: { min: -7, max: 0 } },
  slopeErr: { kind: 'number', unit: '', label: 'standard error of the slope', plausible: { min: 0 } },
  bumps: {
    kind: 'list',
    label: 'bumps above the power law + background (> 3σ)',
    item: { qInvA: { kind: 'number', unit: 'Å⁻¹', label: 'q of the largest excess' }, excessSigma: { kind: 'number', unit: 'σ', label: 'largest excess' } },
  },
  homogeneous: { kind: 'flag', label: 'no bumps' },
  reducedChi2: { kind: 'number', unit: '', label: 'χ² per degree of freedom' },
  sigmaSource: { kind: 'text', label: 'σ from', values: ['file', 'scatter'] },
};

export const SAXS = defineTechnique({
  id: 'SAXS',
  label: 'small-angle X-ray scattering',
  formats: 'q, I(, σ) tables, RKH/COLETTE',
  analyzer: ANALYZER,
  parameters: {},
  metrics: SAXS_METRICS,
  summary: ['powerLawN', 'backgroundB', 'homogeneous'],
  detect: (sample) => diffractionMatch(sample, 'SAXS'),
  parse: (bytes, { fileName }) => parseSaxs(bytes, fileName),
  /** See analyzeSaxs. Curves: the profile and the fitted power law + background. */
  analyze(profile) {
    const analyzed = analyzeSaxs(profile);
    if (!analyzed.ok) return analyzed;
    const r = analyzed.value;
    return ok({
      format: profile.format,
      metrics: {
        powerLawN: r.powerLawN,
        powerLawNErr: r.powerLawNErr,
        prefactorA: r.prefactorA,
        backgroundB: r.backgroundB,
        backgroundBErr: r.backgroundBErr,
        slope: r.slope,
        slopeErr: r.slopeErr,
        bumps: r.bumps,
        homogeneous: r.homogeneous,
        reducedChi2: r.reducedChi2,
        sigmaSource: r.sigmaSource,
      },
      warnings: [...profile.warnings, ...r.warnings],
      curves: {
        profile: plotCurve(r.qInvA, r.intensity, 'q (Å⁻¹)', 'I'),
        powerLaw: plotCurve(r.qInvA, r.fitIntensity, 'q (Å⁻¹)', 'A·q^−n + B'),
      },
    });
  },
});
