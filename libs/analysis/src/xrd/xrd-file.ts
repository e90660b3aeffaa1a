/** File-level XRD entry point: bytes (+ reference bytes) in, metrics and plot curves out. */
import { AnalysisError, ok, ParseError, Result } from '../core/errors';
import { AnalysisOutput, AnalyzeParams } from '../core/types';
import { downsample } from '../core/numeric';
import { analyzeXrd, ANALYZER, XrdParams } from './xrd.analyzer';
import { parseXrd } from './xrd.parser';

/**
 * Parse and analyze one XRD file (see analyzeXrd for the definitions). params.wavelengthA (Å)
 * overrides the header; params.reference holds the reference pattern's bytes (its parse failure
 * becomes a warning and null change metrics). Metrics: q1InvA, q1ErrInvA, fwhmInvA, fwhmErrInvA
 * (Å⁻¹), crystalline, braggPeaksInvA, q1ShiftPct, fwhmChangePct, densityChangePct (%).
 */
export function analyzeXrdFile(bytes: Uint8Array, params: AnalyzeParams = {}): Result<AnalysisOutput, ParseError | AnalysisError> {
  const parsed = parseXrd(bytes, params.fileName);
  if (!parsed.ok) return parsed;
  const warnings = [...parsed.value.warnings];
  const xrdParams: XrdParams = { wavelengthA: params.wavelengthA };
  if (params.reference) {
    const ref = parseXrd(params.reference);
    if (ref.ok) xrdParams.reference = ref.value;
    else warnings.push(`reference file not read: ${ref.error.message}`);
  }
  const analyzed = analyzeXrd(parsed.value, xrdParams);
  if (!analyzed.ok) return analyzed;
  const r = analyzed.value;
  const pattern = downsample(r.q, r.intensity, 500);
  const fit = downsample(r.fitQ, r.fitIntensity, 500);
  return ok({
    technique: 'XRD',
    format: parsed.value.format,
    analyzer: ANALYZER.name,
    analyzerVersion: ANALYZER.version,
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
    },
    warnings: [...warnings, ...r.warnings],
    curves: {
      pattern: { x: pattern.x, y: pattern.y, xLabel: 'q (Å⁻¹)', yLabel: 'intensity' },
      haloFit: { x: fit.x, y: fit.y, xLabel: 'q (Å⁻¹)', yLabel: 'pseudo-Voigt + background' },
    },
  });
}
