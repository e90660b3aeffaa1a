/** Glue from MultiVu file bytes to the magnetic and resistance analyzers. */
import { AnalysisError, fail, ok, type ParseError, type Result } from '../core/errors';
import type { AnalysisOutput, AnalyzeParams, MagneticSweep } from '../core/types';
import { analyzeMagnetic, ANALYZER as MAGNETIC_ANALYZER } from '../magnetic/index';
import { analyzeResistance, ANALYZER as RESISTANCE_ANALYZER } from '../resistance/index';
import { magneticColumns, toMagneticSweep, toTransportData, transportColumns } from './extract';
import { multiVuFormat } from './format';
import { parseMultiVu } from './parse-multivu';

/**
 * Magnetic χ(T) analysis of a MultiVu file. Sample mass (g): `params.massG`, else the header's
 * SAMPLE_MASS/WEIGHT (mg) / 1000; neither → AnalysisError MISSING_PARAMETER. Field (Oe):
 * `params.fieldOe` overrides the file's field column (which the analyzer otherwise reads per point,
 * reporting its median). `params.fc` holds the FC partner's bytes; if it cannot be read the ZFC
 * analysis still runs, with a warning. Metrics also echo `inputMassG`, `massSource` and `momentColumn`.
 */
export function analyzeMagneticFile(bytes: Uint8Array, params: AnalyzeParams = {}): Result<AnalysisOutput, ParseError | AnalysisError> {
  const parsed = parseMultiVu(bytes, { keep: magneticColumns });
  if (!parsed.ok) return parsed;
  const file = parsed.value;
  const sweep = toMagneticSweep(file);
  if (!sweep.ok) return sweep;
  const warnings = [...file.warnings];
  if (sweep.value.droppedRows > 0) warnings.push(`${sweep.value.droppedRows} rows without a temperature or moment skipped`);
  const sources = Object.keys(sweep.value.momentColumnRows);
  if (sources.length > 1) warnings.push(`moment taken from several columns: ${sources.map((s) => `${s} ×${sweep.value.momentColumnRows[s]}`).join(', ')}`);

  let massG: number;
  let massSource: 'parameter' | 'header';
  if (params.massG !== undefined) {
    massG = params.massG;
    massSource = 'parameter';
  } else if (file.massMg !== undefined) {
    massG = file.massMg / 1000;
    massSource = 'header';
  } else {
    return fail(new AnalysisError('MISSING_PARAMETER', 'sample mass unknown: the file header has no SAMPLE_MASS/WEIGHT; pass massG'));
  }

  let fc: MagneticSweep | undefined;
  if (params.fc !== undefined) {
    const fcParsed = parseMultiVu(params.fc, { keep: magneticColumns });
    const fcSweep = fcParsed.ok ? toMagneticSweep(fcParsed.value) : fcParsed;
    if (fcSweep.ok) fc = fcSweep.value;
    else warnings.push(`FC partner not used: ${fcSweep.error.message}`);
  }

  const analysis = analyzeMagnetic(sweep.value, {
    massG,
    ...(params.fieldOe !== undefined && { fieldOe: params.fieldOe }),
    ...(params.densityGCm3 !== undefined && { densityGCm3: params.densityGCm3 }),
    ...(params.demagN !== undefined && { demagN: params.demagN }),
    ...(fc !== undefined && { fc }),
  });
  if (!analysis.ok) return analysis;
  const output: AnalysisOutput = {
    technique: 'MAGNETIC',
    format: multiVuFormat(file.instrument),
    analyzer: MAGNETIC_ANALYZER.name,
    analyzerVersion: MAGNETIC_ANALYZER.version,
    metrics: { ...analysis.value.metrics, inputMassG: massG, massSource, momentColumn: sweep.value.momentColumn },
    warnings: [...warnings, ...analysis.value.warnings],
  };
  if (analysis.value.curves) output.curves = analysis.value.curves;
  return ok(output);
}

/** Resistive-transition analysis of a MultiVu transport file (PPMS Resistivity, ACT, bridge channels). */
export function analyzeResistanceFile(bytes: Uint8Array, _params: AnalyzeParams = {}): Result<AnalysisOutput, ParseError | AnalysisError> {
  const parsed = parseMultiVu(bytes, { keep: transportColumns });
  if (!parsed.ok) return parsed;
  const data = toTransportData(parsed.value);
  if (!data.ok) return data;
  const analysis = analyzeResistance(data.value, {});
  if (!analysis.ok) return analysis;
  const output: AnalysisOutput = {
    technique: 'RESISTANCE',
    format: multiVuFormat(parsed.value.instrument),
    analyzer: RESISTANCE_ANALYZER.name,
    analyzerVersion: RESISTANCE_ANALYZER.version,
    metrics: { ...analysis.value.metrics },
    warnings: [...parsed.value.warnings, ...analysis.value.warnings],
  };
  if (analysis.value.curves) output.curves = analysis.value.curves;
  return ok(output);
}
