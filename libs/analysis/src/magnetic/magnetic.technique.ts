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
import type { MetricSpecs } from '../technique/metrics';
import { COMMON_PARAMETERS } from '../technique/parameters';
import { defineTechnique, type ReportMetricSpec } from '../technique/technique';
import { analyzeMagnetic } from './analyze-magnetic';
import type { MagneticFileMetrics } from './magnetic.types';

/** Bump when outputs change: a starting worker then re-analyses every stored file. */
export const ANALYZER = { name: 'magnetic', version: '1.0.0' } as const;

const { massG, fieldOe, densityGCm3, demagN } = COMMON_PARAMETERS;

const K = 'K';
const CHI = 'emu g⁻¹ Oe⁻¹';

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
  inputMassG: { kind: 'number', unit: 'g', label: 'sample mass used' },
  massSource: { kind: 'text', label: 'mass from', values: ['parameter', 'header'] },
  momentColumn: { kind: 'text', label: 'moment column' },
};

/**
 * The report's magnetic metrics, from the ZFC run (or a run without a mode): |χ|(1.8 K) is the
 * magnitude of the signed χ_mass; FC/ZFC is the ZFC run's own ratio when its analysis saw the FC
 * partner, else χ_FC(1.8 K)/χ_ZFC(1.8 K) from the two runs.
 */
const REPORT_METRICS: readonly ReportMetricSpec<MagneticFileMetrics>[] = [
  { key: 'tcOnsetK', label: 'Tc onset', unit: K, always: true, modes: ['ZFC'], figure: { yName: 'Tc onset (K)' }, value: ({ main }) => main?.tcOnsetK ?? null },
  { key: 'tcMidK', label: 'Tc mid', unit: K, always: true, modes: ['ZFC'], value: ({ main }) => main?.tcMidK ?? null },
  {
    key: 'chiAbs1p8KEmuPerGOe',
    label: '|χ| at 1.8 K',
    unit: CHI,
    always: true,
    modes: ['ZFC'],
    figure: { yName: '|χ_mass| (emu g⁻¹ Oe⁻¹)' },
    decayFit: true,
    value: ({ main }) => (main?.chiMass1p8K == null ? null : Math.abs(main.chiMass1p8K)),
  },
  {
    key: 'shieldingFraction1p8K',
    label: 'Shielding fraction at 1.8 K',
    unit: '',
    always: true,
    modes: ['ZFC'],
    value: ({ main }) => main?.shieldingFraction1p8K ?? null,
  },
  {
    key: 'fcZfcRatio',
    label: 'FC/ZFC',
    unit: '',
    always: true,
    modes: ['ZFC', 'FC'],
    figure: { yName: 'χ_FC / χ_ZFC at 1.8 K' },
    value: ({ main, byMode }) => {
      if (main?.fcZfcRatio != null) return main.fcZfcRatio;
      const zfc = main?.chiMass1p8K;
      const fc = byMode.FC?.chiMass1p8K;
      return zfc != null && fc != null && zfc !== 0 ? fc / zfc : null;
    },
  },
];

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
    fc: { kind: 'file', label: 'FC partner sweep', partner: { mode: 'FC' } },
  },
  modes: { values: ['ZFC', 'FC'], primary: 'ZFC' },
  metrics: MAGNETIC_METRICS,
  reportMetrics: REPORT_METRICS,
  detect: (sample) => multiVuMatch(sample, 'MAGNETIC'),
  explainUnrecognised: explainBrokenMultiVu,
  parse(bytes) {
    const parsed = parseMultiVu(bytes, { keep: magneticColumns });
    if (!parsed.ok) return parsed;
    const sweep = toMagneticSweep(parsed.value);
    return sweep.ok ? ok({ file: parsed.value, sweep: sweep.value }) : sweep;
  },
  /**
   * Sample mass (g): the massG parameter, else the header's SAMPLE_MASS/WEIGHT (mg) / 1000; neither
   * → MISSING_PARAMETER. fieldOe overrides the file's field column (otherwise read per point,
   * reporting its median). The fc parameter holds the FC partner's bytes; if it cannot be read the
   * ZFC analysis still runs, with a warning. Metrics also echo inputMassG, massSource, momentColumn.
   */
  analyze({ file, sweep }: ParsedMagnetic, { params }) {
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
      return fail(new AnalysisError('MISSING_PARAMETER', 'sample mass unknown: the file header has no SAMPLE_MASS/WEIGHT; pass massG'));
    }

    let fc: MagneticSweep | undefined;
    if (params.fc !== undefined) {
      const fcParsed = parseMultiVu(params.fc, { keep: magneticColumns });
      const fcSweep = fcParsed.ok ? toMagneticSweep(fcParsed.value) : fcParsed;
      if (fcSweep.ok) fc = fcSweep.value;
      else warnings.push(`FC partner not used: ${fcSweep.error.message}`);
    }

    const analysis = analyzeMagnetic(sweep, {
      massG: inputMassG,
      ...(params.fieldOe !== undefined && { fieldOe: params.fieldOe }),
      ...(params.densityGCm3 !== undefined && { densityGCm3: params.densityGCm3 }),
      ...(params.demagN !== undefined && { demagN: params.demagN }),
      ...(fc !== undefined && { fc }),
    });
    if (!analysis.ok) return analysis;
    return ok({
      format: multiVuFormat(file.instrument),
      metrics: { ...analysis.value.metrics, inputMassG, massSource, momentColumn: sweep.momentColumn },
      warnings: [...warnings, ...analysis.value.warnings],
      ...(analysis.value.curves && { curves: analysis.value.curves }),
    });
  },
});
