/**
 * XRD: 1D diffraction patterns (.xy/.chi/.csv in 2θ or q, pyFAI, Fit2D, PANalytical XRDML). The
 * principal halo's q1 and FWHM, crystallinity, and the change against a reference pattern
 * (docs/analysis-definitions.md "XRD").
 */
import { plotCurve } from '../core/numeric';
import { ok } from '../core/errors';
import { diffractionMatch } from '../diffraction-detect';
import type { MetricSpecs } from '../technique/metrics';
import { COMMON_PARAMETERS } from '../technique/parameters';
import { defineTechnique } from '../technique/technique';
import { analyzeXrd, type XrdParams } from './xrd.analyzer';
import { parseXrd } from './xrd.parser';

/** Bump when outputs change: a starting worker then re-analyses every stored file. */
export const ANALYZER = { name: 'xrd', version: '1.3.0' } as const;

/** What the XRD technique stores per pattern. */
export interface XrdMetrics {
  q1InvA: number;
  q1ErrInvA: number;
  fwhmInvA: number;
  fwhmErrInvA: number;
  crystalline: boolean;
  braggPeaksInvA: number[];
  q1ShiftPct: number | null;
  fwhmChangePct: number | null;
  densityChangePct: number | null;
  eta: number;
  wavelengthA: number | null;
  fitWindowInvA: [number, number];
  patternPoints: number;
  fitPoints: number;
  decimationFactor: number;
}

const Q = 'Å⁻¹';

export const XRD_METRICS: MetricSpecs<XrdMetrics> = {
  // A glass's first diffraction peak lies between ≈ 1 Å⁻¹ (oxide network glasses) and ≈ 3.3 Å⁻¹ (metallic glasses).
  q1InvA: { kind: 'number', unit: Q, label: 'q₁ (principal halo)', uncertainty: 'q1ErrInvA', plausible: { min: 0.5, max: 6 } },
  q1ErrInvA: { kind: 'number', unit: Q, label: 'standard error of q₁', plausible: { min: 0, max: 0.5 } },
  fwhmInvA: { kind: 'number', unit: Q, label: 'FWHM of the principal halo', uncertainty: 'fwhmErrInvA', plausible: { min: 0.01, max: 3 } },
  fwhmErrInvA: { kind: 'number', unit: Q, label: 'standard error of the FWHM', plausible: { min: 0 } },
  crystalline: { kind: 'flag', label: 'narrow Bragg peaks present' },
  braggPeaksInvA: { kind: 'numbers', unit: Q, label: 'Bragg peak positions' },
  q1ShiftPct: { kind: 'number', unit: '%', label: 'q₁ shift against the reference' },
  fwhmChangePct: { kind: 'number', unit: '%', label: 'FWHM change against the reference' },
  densityChangePct: { kind: 'number', unit: '%', label: 'Δρ/ρ ≈ 3 Δq₁/q₁' },
  eta: { kind: 'number', unit: '', label: 'Lorentzian fraction η of the pseudo-Voigt', plausible: { min: 0, max: 1 } },
  wavelengthA: { kind: 'number', unit: 'Å', label: 'wavelength used', plausible: { min: 0.01, max: 100 } },
  fitWindowInvA: { kind: 'numbers', unit: Q, label: 'fit window' },
  // A long pattern's halo is fitted on bin averages (MAX_FIT_POINTS): these say so, and how.
  patternPoints: { kind: 'number', unit: '', label: 'points in the pattern', plausible: { min: 20 } },
  fitPoints: { kind: 'number', unit: '', label: 'points the halo was fitted on (bins when decimated)', plausible: { min: 1 } },
  decimationFactor: { kind: 'number', unit: '', label: 'pattern points per fitted bin (1: none averaged)', plausible: { min: 1 } },
};

export const XRD = defineTechnique({
  id: 'XRD',
  label: 'X-ray diffraction',
  formats: '.xy/.chi/.csv patterns in 2θ or q (pyFAI, Fit2D, DIOPTAS), PANalytical .xrdml',
  analyzer: ANALYZER,
  parameters: { wavelengthA: COMMON_PARAMETERS.wavelengthA, reference: COMMON_PARAMETERS.reference },
  metrics: XRD_METRICS,
  summary: ['q1InvA', 'fwhmInvA', 'crystalline', 'densityChangePct'],
  reportMetrics: [
    { key: 'q1InvA', label: 'XRD q₁', unit: Q, reads: ['q1InvA'], value: ({ main }) => main?.q1InvA ?? null },
    { key: 'q1FwhmInvA', label: 'XRD halo FWHM', unit: Q, reads: ['fwhmInvA'], value: ({ main }) => main?.fwhmInvA ?? null },
  ],
  detect: (sample) => diffractionMatch(sample, 'XRD'),
  parse: (bytes, { fileName }) => parseXrd(bytes, fileName),
  /**
   * See analyzeXrd for the definitions. wavelengthA (Å) overrides the header; reference holds the
   * reference pattern's bytes (its parse failure becomes a warning and null change metrics).
   */
  analyze(pattern, { params }) {
    const warnings = [...pattern.warnings];
    const xrdParams: XrdParams = { wavelengthA: params.wavelengthA };
    if (params.reference) {
      const ref = parseXrd(params.reference);
      if (ref.ok) xrdParams.reference = ref.value;
      else warnings.push(`reference file not read: ${ref.error.message}`);
    }
    const analyzed = analyzeXrd(pattern, xrdParams);
    if (!analyzed.ok) return analyzed;
    const r = analyzed.value;
    return ok({
      format: pattern.format,
      metrics: {
        q1InvA: r.q1InvA,
        q1ErrInvA: r.q1ErrInvA,
        fwhmInvA: r.fwhmInvA,
        fwhmErrInvA: r.fwhmErrInvA,
        crystalline: r.crystalline,
        braggPeaksInvA: r.braggPeaksInvA,
        q1ShiftPct: r.q1ShiftPct,
        fwhmChangePct: r.fwhmChangePct,
        densityChangePct: r.densityChangePct,
        eta: r.eta,
        wavelengthA: r.wavelengthA ?? null,
        fitWindowInvA: r.fitWindowInvA,
        patternPoints: r.patternPoints,
        fitPoints: r.fitPoints,
        decimationFactor: r.decimationFactor,
      },
      warnings: [...warnings, ...r.warnings],
      curves: {
        pattern: plotCurve(r.q, r.intensity, 'q (Å⁻¹)', 'intensity'),
        haloFit: plotCurve(r.fitQ, r.fitIntensity, 'q (Å⁻¹)', 'pseudo-Voigt + background'),
        haloBackground: plotCurve(r.fitQ, r.fitBackground, 'q (Å⁻¹)', 'background under the halo'),
        ...(r.snipBackground.length > 0 && { snipBackground: plotCurve(r.analysedQ, r.snipBackground, 'q (Å⁻¹)', 'SNIP background') }),
      },
    });
  },
});
