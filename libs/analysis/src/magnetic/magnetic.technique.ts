/**
 * MAGNETIC: ZFC/FC χ(T) sweeps in Quantum Design MultiVu `.dat` files (MPMS3, MPMS-XL, PPMS VSM
 * and ACMS). Detection and parsing are the MultiVu format's (multivu/); the analysis is
 * analyzeMagnetic (docs/analysis-definitions.md "Magnetic").
 */
import { AnalysisError, fail, ok } from '../core/errors';
import type { MagneticSweep } from '../core/types';
import { explainBrokenMultiVu, multiVuMatch } from '../multivu/detect-multivu';
import { magneticColumns, toMagneticSweep, type MultiVuMagneticSweep } from '../multivu/extract';
import { multiVuFormat } from '../multivu/format';
import type { MultiVuFile } from '../multivu/multivu.types';
import { parseMultiVu } from '../multivu/parse-multivu';
import { COMMON_PARAMETERS, MEASUREMENT_MODES } from '../technique/parameters';
import { defineTechnique } from '../technique/technique';
import { analyzeMagnetic } from './analyze-magnetic';
import { fileHints, missingMassMessage } from './file-facts';
import { MAGNETIC_METRICS } from './magnetic.metrics';
import { MAGNETIC_REPORT_METRICS } from './magnetic.report-metrics';
import type { MagneticFileMetrics, MagneticSegment } from './magnetic.types';
import { chooseSegments, partnerSweep, segmentSweep } from './segment-choice';
import { segmentMetrics, segmentSummary } from './segment-summary';
import { describeField, sameField, splitSegments } from './segments';

/** Bump when outputs change: a starting worker then re-analyses every stored file. */
export const ANALYZER = { name: 'magnetic', version: '1.3.0' } as const;

const { massG, fieldOe, densityGCm3, demagN } = COMMON_PARAMETERS;

interface ParsedMagnetic {
  file: MultiVuFile;
  sweep: MultiVuMagneticSweep;
}

export const MAGNETIC = defineTechnique({
  id: 'MAGNETIC',
  label: 'magnetic susceptibility χ(T)',
  formats: 'MultiVu .dat with a moment column (MPMS3, MPMS-XL, PPMS VSM/ACMS)',
  analyzer: ANALYZER,
  parameters: {
    massG,
    fieldOe,
    densityGCm3,
    demagN,
    mode: { kind: 'choice', values: MEASUREMENT_MODES, label: 'measurement mode (ZFC or FC)', condition: { key: 'mode' } },
    fc: { kind: 'file', label: 'FC partner sweep', partner: { mode: 'FC' } },
  },
  modes: { values: ['ZFC', 'FC'], primary: 'ZFC' },
  metrics: MAGNETIC_METRICS,
  reportMetrics: MAGNETIC_REPORT_METRICS,
  summary: ['tcOnsetK', 'tcDistribution.muK', 'tcDistribution.sigmaK', 'shieldingFraction1p8K', 'fcZfcRatio'],
  detect: (sample) => multiVuMatch(sample, 'MAGNETIC'),
  explainUnrecognised: explainBrokenMultiVu,
  parse(bytes, { sample }) {
    const parsed = parseMultiVu(bytes, { keep: magneticColumns, decoded: sample?.decoded });
    if (!parsed.ok) return parsed;
    const sweep = toMagneticSweep(parsed.value);
    return sweep.ok ? ok({ file: parsed.value, sweep: sweep.value }) : sweep;
  },
  /**
   * Sample mass (g): the massG parameter, else the header's SAMPLE_MASS/WEIGHT (mg) / 1000; neither
   * → MISSING_PARAMETER (a zero header mass is named as such). The file is split into segments
   * (splitSegments); the headline metrics are those of the χ(T) segment in the measurement's mode
   * (ZFC unless `mode` says FC), with the file's FC segment at the same field as its partner, else
   * the fc parameter's file. A file with χ(T) sweeps at several fields, or χ(T) beside M(H) loops,
   * needs fieldOe to choose the field; fieldOe otherwise overrides the field column. Every segment
   * is reported in `segments`. Metrics also echo inputMassG, massSource, momentColumn.
   */
  analyze({ file, sweep }: ParsedMagnetic, { params, fileName }) {
    const warnings = [...file.warnings];
    if (sweep.droppedRows > 0) warnings.push(`${sweep.droppedRows} rows without a temperature or moment skipped`);
    const sources = Object.keys(sweep.momentColumnRows);
    if (sources.length > 1) warnings.push(`moment taken from several columns: ${sources.map((s) => `${s} ×${sweep.momentColumnRows[s]}`).join(', ')}`);

    let inputMassG: number;
    let massSource: MagneticFileMetrics['massSource'];
    if (params.massG !== undefined) {
      inputMassG = params.massG;
      massSource = 'parameter';
    } else if (file.massMg !== undefined) {
      inputMassG = file.massMg / 1000;
      massSource = 'header';
    } else {
      return fail(new AnalysisError('MISSING_PARAMETER', missingMassMessage(file)));
    }

    const segments = splitSegments({
      temperatureK: sweep.temperatureK,
      fieldOe: sweep.fieldOe,
      rows: sweep.rows,
      comments: file.comments,
      hints: fileHints(file, fileName),
      ...(params.mode !== undefined && { mode: params.mode }),
    });
    const chosen = chooseSegments(segments, params.fieldOe, params.mode ?? 'ZFC');
    if (!chosen.ok) return chosen;
    const { headline, partner, selectedField } = chosen.value;
    if (chosen.value.note) warnings.push(chosen.value.note);

    const common = {
      massG: inputMassG,
      // With several fields in the file, fieldOe chose the segments; their own field column normalises them.
      ...(params.fieldOe !== undefined && !selectedField && { fieldOe: params.fieldOe }),
      ...(params.densityGCm3 !== undefined && { densityGCm3: params.densityGCm3 }),
      ...(params.demagN !== undefined && { demagN: params.demagN }),
    };
    let fc: MagneticSweep | undefined = partner ? segmentSweep(sweep, partner) : undefined;
    if (fc === undefined && params.fc !== undefined && headline.mode !== 'FC') {
      const fcFile = partnerSweep(params.fc, headline.fieldOe);
      if (fcFile.ok) fc = fcFile.value;
      else warnings.push(`FC partner not used: ${fcFile.error.message}`);
    }

    const analysis = analyzeMagnetic(segmentSweep(sweep, headline), { ...common, ...(fc !== undefined && { fc }) });
    if (!analysis.ok) return analysis;
    const m = analysis.value.metrics;
    if (segments.length > 1) {
      warnings.push(
        `file split into ${segments.length} segments (${segments.map((s) => `${s.mode ?? s.kind} ${describeField(s)}`).join('; ')}); headline from segment ${segments.indexOf(headline) + 1}`,
      );
    }
    const reported = segments.map((s, k): MagneticSegment => {
      const base = segmentSummary(s, k, sweep.rows, s === headline ? 'headline' : s === partner ? 'partner' : 'other');
      if (s === headline) return { ...base, ...segmentMetrics(m) };
      if (s.kind !== 'M(T)' || sameField(s.fieldOe, 0)) return base;
      const own = analyzeMagnetic(segmentSweep(sweep, s), common);
      return own.ok ? { ...base, ...segmentMetrics(own.value.metrics) } : { ...base, failure: own.error.message };
    });
    return ok({
      format: multiVuFormat(file.instrument),
      metrics: { ...m, inputMassG, massSource, momentColumn: sweep.momentColumn, segments: reported },
      warnings: [...warnings, ...analysis.value.warnings],
      ...(analysis.value.curves && { curves: analysis.value.curves }),
    });
  },
});
