/** File-level SAXS entry point: bytes in, metrics and plot curves out. */
import { AnalysisError, ok, ParseError, Result } from '../core/errors';
import { AnalysisOutput, AnalyzeParams } from '../core/types';
import { downsample } from '../core/numeric';
import { analyzeSaxs, ANALYZER } from './saxs.analyzer';
import { parseSaxs } from './saxs.parser';

/**
 * Parse and analyze one SAXS file (see analyzeSaxs). Metrics: slope, slopeErr (d log I / d log q),
 * bumps ({ qInvA, excessSigma }[]), homogeneous; curves: profile and fitted power law (log-spaced q).
 */
export function analyzeSaxsFile(bytes: Uint8Array, params: AnalyzeParams = {}): Result<AnalysisOutput, ParseError | AnalysisError> {
  const parsed = parseSaxs(bytes, params.fileName);
  if (!parsed.ok) return parsed;
  const analyzed = analyzeSaxs(parsed.value);
  if (!analyzed.ok) return analyzed;
  const r = analyzed.value;
  const profile = downsample(r.qInvA, r.intensity, 500);
  const fit = downsample(r.qInvA, r.fitIntensity, 500);
  return ok({
    technique: 'SAXS',
    format: parsed.value.format,
    analyzer: ANALYZER.name,
    analyzerVersion: ANALYZER.version,
    metrics: {
      slope: r.slope,
      slopeErr: r.slopeErr,
      bumps: r.bumps,
      homogeneous: r.homogeneous,
      reducedChi2: r.reducedChi2,
      sigmaSource: r.sigmaSource,
    },
    warnings: [...parsed.value.warnings, ...r.warnings],
    curves: {
      profile: { x: profile.x, y: profile.y, xLabel: 'q (Å⁻¹)', yLabel: 'I' },
      powerLaw: { x: fit.x, y: fit.y, xLabel: 'q (Å⁻¹)', yLabel: 'I fit' },
    },
  });
}
