/**
 * MAGNETIC: ZFC/FC χ(T) sweeps in Quantum Design MultiVu `.dat` files (MPMS3, MPMS-XL, PPMS VSM
 * and ACMS). Detection and parsing are the MultiVu format's (multivu/); the analysis is
 * analyzeMagnetic (docs/analysis-definitions.md "Magnetic").
 */
import { AnalysisError, fail, ok, type ParseError, type Result } from '../core/errors';
import type { MagneticSweep } from '../core/types';
import { explainBrokenMultiVu, multiVuMatch } from '../multivu/detect-multivu';
import { magneticColumns, toMagneticSweep, type MultiVuMagneticSweep } from '../multivu/extract';
import { multiVuFormat } from '../multivu/format';
import type { MultiVuFile } from '../multivu/multivu.types';
import { parseMultiVu } from '../multivu/parse-multivu';
import type { MetricSpecs } from '../technique/metrics';
import { COMMON_PARAMETERS, MEASUREMENT_MODES } from '../technique/parameters';
import { defineTechnique, type ReportMetricSpec } from '../technique/technique';
import { analyzeMagnetic } from './analyze-magnetic';
import type { MagneticFileMetrics, MagneticMetrics, MagneticSegment } from './magnetic.types';
import { describeField, MODE_SOURCES, sameField, splitSegments, type SegmentMode, type SegmentSplit } from './segments';
import type { SplitNormalFit } from './split-normal-fit';
import type { TcDistribution } from './tc-distribution';

/** Bump when outputs change: a starting worker then re-analyses every stored file. */
export const ANALYZER = { name: 'magnetic', version: '1.3.0' } as const;

const { massG, fieldOe, densityGCm3, demagN } = COMMON_PARAMETERS;

const K = 'K';
const CHI = 'emu g⁻¹ Oe⁻¹';

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

/**
 * The report's magnetic metrics, from the ZFC run (or a run without a mode): |χ|(1.8 K) is the
 * magnitude of the signed χ_mass; FC/ZFC is the ZFC run's own ratio when its analysis saw the FC
 * partner, else χ_FC(1.8 K)/χ_ZFC(1.8 K) from the two runs.
 */
const REPORT_METRICS: readonly ReportMetricSpec<MagneticFileMetrics>[] = [
  {
    key: 'tcOnsetK',
    label: 'Tc onset',
    unit: K,
    always: true,
    modes: ['ZFC'],
    figure: { yName: 'Tc onset (K)' },
    reads: ['tcOnsetK'],
    value: ({ main }) => main?.tcOnsetK ?? null,
  },
  { key: 'tcMidK', label: 'Tc mid', unit: K, always: true, modes: ['ZFC'], reads: ['tcMidK'], value: ({ main }) => main?.tcMidK ?? null },
  {
    key: 'chiAbs1p8KEmuPerGOe',
    label: '|χ| at 1.8 K',
    unit: CHI,
    always: true,
    modes: ['ZFC'],
    figure: { yName: '|χ_mass| (emu g⁻¹ Oe⁻¹)' },
    decayFit: true,
    reads: ['chiMass1p8K'],
    value: ({ main }) => (main?.chiMass1p8K == null ? null : Math.abs(main.chiMass1p8K)),
  },
  {
    key: 'shieldingFraction1p8K',
    label: 'Shielding fraction at 1.8 K',
    unit: '',
    always: true,
    modes: ['ZFC'],
    reads: ['shieldingFraction1p8K'],
    value: ({ main }) => main?.shieldingFraction1p8K ?? null,
  },
  {
    key: 'fcZfcRatio',
    label: 'FC/ZFC',
    unit: '',
    always: true,
    modes: ['ZFC', 'FC'],
    figure: { yName: 'χ_FC / χ_ZFC at 1.8 K' },
    reads: ['fcZfcRatio', 'chiMass1p8K'],
    value: ({ main, byMode }) => {
      if (main?.fcZfcRatio != null) return main.fcZfcRatio;
      const zfc = main?.chiMass1p8K;
      const fc = byMode.FC?.chiMass1p8K;
      return zfc != null && fc != null && zfc !== 0 ? fc / zfc : null;
    },
  },
  {
    // The study's measure of heterogeneity: how broad the volume distribution of local Tc is.
    key: 'tcSigmaK',
    label: 'σ of the local-Tc distribution',
    unit: K,
    always: true,
    modes: ['ZFC'],
    reads: ['tcDistribution.sigmaK'],
    value: ({ main }) => main?.tcDistribution?.sigmaK ?? null,
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
    mode: { kind: 'choice', values: MEASUREMENT_MODES, label: 'measurement mode (ZFC or FC)', condition: { key: 'mode' } },
    fc: { kind: 'file', label: 'FC partner sweep', partner: { mode: 'FC' } },
  },
  modes: { values: ['ZFC', 'FC'], primary: 'ZFC' },
  metrics: MAGNETIC_METRICS,
  reportMetrics: REPORT_METRICS,
  summary: ['tcOnsetK', 'tcDistribution.muK', 'tcDistribution.sigmaK', 'shieldingFraction1p8K', 'fcZfcRatio'],
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

/** Texts that may name the whole file's mode: the header's sample comment, title, sequence file, and the file name. */
function fileHints(file: MultiVuFile, fileName: string | undefined): string[] {
  const keys = ['SAMPLE_COMMENT', 'COMMENT', 'SEQUENCE FILE', 'NAME'];
  const out = Object.entries(file.info)
    .filter(([k]) => keys.includes(k.toUpperCase()))
    .map(([, v]) => v);
  if (file.title) out.push(file.title);
  if (fileName) out.push(fileName);
  return out;
}

/** Why no mass: a header mass of zero is said as such, with how to give the mass instead. */
function missingMassMessage(file: MultiVuFile): string {
  const how = 'give the mass as the measurement condition massMg (mg), on the piece (its mass), or as the parameter massG (g; CLI --mass-g)';
  const record =
    Object.entries(file.info).find(([k]) => k.toUpperCase() === 'SAMPLE_MASS') ?? Object.entries(file.info).find(([k]) => k.toUpperCase() === 'WEIGHT');
  if (record && record[1].trim() !== '') {
    const value = Number(record[1].trim());
    if (value === 0) return `sample mass is zero in the file header (${record[0]} = ${record[1].trim()}): ${how}`;
    return `sample mass in the file header (${record[0]} = "${record[1].trim()}") is not a positive number: ${how}`;
  }
  return `sample mass unknown: the file header has no SAMPLE_MASS/WEIGHT; ${how}`;
}

interface Chosen {
  headline: SegmentSplit;
  partner: SegmentSplit | undefined;
  /** True when fieldOe chose among several fields (it then does not override the field column). */
  selectedField: boolean;
  note?: string;
}

/** "100 Oe (ZFC, FC) and 1000 Oe (ZFC, FC)" plus any M(H) loops: the fields a file holds. */
function fieldsFound(segments: SegmentSplit[]): string {
  const groups: { field: SegmentSplit; modes: string[] }[] = [];
  for (const s of segments.filter((x) => x.kind === 'M(T)' && !sameField(x.fieldOe, 0))) {
    const g = groups.find((x) => sameField(x.field.fieldOe, s.fieldOe));
    if (g) g.modes.push(s.mode ?? '?');
    else groups.push({ field: s, modes: [s.mode ?? '?'] });
  }
  const parts = groups.map((g) => `χ(T) at ${describeField(g.field)} (${g.modes.join(', ')})`);
  for (const s of segments.filter((x) => x.kind === 'M(H)')) parts.push(describeField(s));
  return parts.join(' and ');
}

/**
 * The headline χ(T) segment and its FC partner. Several fields, or χ(T) beside M(H) loops, need
 * fieldOe; a file with no χ(T) segment fails naming what it holds.
 */
function chooseSegments(segments: SegmentSplit[], fieldOe: number | undefined, mode: SegmentMode): Result<Chosen, AnalysisError> {
  // χ = m/H needs a field: sweeps at zero field (a recorded cooling) are reported, never analysed.
  const sweeps = segments.filter((s) => s.kind === 'M(T)' && !sameField(s.fieldOe, 0));
  const loops = segments.filter((s) => s.kind === 'M(H)');
  if (sweeps.length === 0) {
    const held = loops.length > 0 ? `only ${loops.map(describeField).join(' and ')}` : 'no temperature sweep (every point at one temperature)';
    return fail(new AnalysisError('UNSUPPORTED', `no χ(T) sweep in this file: it holds ${held}; the magnetic analyzer reads χ(T) (ZFC/FC) sweeps`));
  }
  const fields = sweeps.filter((s, k) => sweeps.findIndex((o) => sameField(o.fieldOe, s.fieldOe)) === k);
  const ambiguous = fields.length > 1 || loops.length > 0;
  let candidates = sweeps;
  if (ambiguous) {
    if (fieldOe === undefined) {
      return fail(
        new AnalysisError(
          'MISSING_PARAMETER',
          `this file holds ${fieldsFound(segments)}: set the measurement condition fieldOe (Oe) to the χ(T) field to analyse (CLI --field-oe)`,
        ),
      );
    }
    candidates = sweeps.filter((s) => sameField(s.fieldOe, fieldOe));
    if (candidates.length === 0) {
      return fail(
        new AnalysisError('MISSING_PARAMETER', `fieldOe is ${fieldOe} Oe but this file holds ${fieldsFound(segments)}: no χ(T) sweep at ${fieldOe} Oe`),
      );
    }
  }
  const headline = candidates.find((s) => s.mode === mode) ?? candidates[0];
  const note = headline.mode !== mode ? `no ${mode} segment in this file: headline metrics from the ${headline.mode ?? 'unlabelled'} segment` : undefined;
  const partner =
    headline.mode === 'ZFC'
      ? (candidates.find((s) => s !== headline && s.mode === 'FC' && s.from > headline.from) ?? candidates.find((s) => s !== headline && s.mode === 'FC'))
      : undefined;
  return ok({ headline, partner, selectedField: ambiguous, ...(note !== undefined && { note }) });
}

/** One segment's points as a sweep of their own. */
function segmentSweep(sweep: MultiVuMagneticSweep, s: SegmentSplit): MagneticSweep {
  const out: MagneticSweep = {
    temperatureK: sweep.temperatureK.slice(s.from, s.to),
    momentEmu: sweep.momentEmu.slice(s.from, s.to),
    fieldOe: sweep.fieldOe.slice(s.from, s.to),
    momentColumn: sweep.momentColumn,
  };
  if (sweep.massMg !== undefined) out.massMg = sweep.massMg;
  return out;
}

/** The FC sweep of a partner file: its FC segment nearest the headline's field, else its only χ(T) segment. */
function partnerSweep(bytes: Uint8Array, fieldOe: number): Result<MagneticSweep, ParseError | AnalysisError> {
  const parsed = parseMultiVu(bytes, { keep: magneticColumns });
  const fcSweep = parsed.ok ? toMagneticSweep(parsed.value) : parsed;
  if (!fcSweep.ok) return fcSweep;
  const file = parsed.ok ? parsed.value : undefined;
  const segments = splitSegments({
    temperatureK: fcSweep.value.temperatureK,
    fieldOe: fcSweep.value.fieldOe,
    rows: fcSweep.value.rows,
    comments: file?.comments ?? [],
    mode: 'FC',
  });
  const sweeps = segments.filter((s) => s.kind === 'M(T)');
  const pick = sweeps.find((s) => s.mode === 'FC' && (Number.isNaN(fieldOe) || sameField(s.fieldOe, fieldOe))) ?? (sweeps.length === 1 ? sweeps[0] : undefined);
  if (!pick) return fail(new AnalysisError('NOT_ENOUGH_DATA', `the partner file holds no FC χ(T) segment at ${fieldOe} Oe`));
  return ok(segmentSweep(fcSweep.value, pick));
}

const finiteOrNull = (v: number): number | null => (Number.isFinite(v) ? v : null);

function segmentSummary(s: SegmentSplit, index: number, rows: number[], role: MagneticSegment['role']): MagneticSegment {
  return {
    index: index + 1,
    kind: s.kind,
    mode: s.mode,
    modeFrom: s.modeFrom,
    direction: s.direction,
    role,
    points: s.to - s.from,
    firstRow: rows[s.from] + 1,
    lastRow: rows[s.to - 1] + 1,
    fieldOe: finiteOrNull(s.fieldOe),
    fieldMinOe: finiteOrNull(s.fieldMinOe),
    fieldMaxOe: finiteOrNull(s.fieldMaxOe),
    tMinK: s.tMinK,
    tMaxK: s.tMaxK,
    tcOnsetK: null,
    tcMidK: null,
    width1090K: null,
    chiMass1p8K: null,
    tcDistribution: null,
    failure: null,
  };
}

const segmentMetrics = (m: MagneticMetrics): Pick<MagneticSegment, 'tcOnsetK' | 'tcMidK' | 'width1090K' | 'chiMass1p8K' | 'tcDistribution'> => ({
  tcOnsetK: m.tcOnsetK,
  tcMidK: m.tcMidK,
  width1090K: m.width1090K,
  chiMass1p8K: m.chiMass1p8K,
  tcDistribution: m.tcDistribution,
});
