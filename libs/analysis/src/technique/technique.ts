/**
 * The technique contract. A technique folder exports one descriptor made by defineTechnique: how
 * its files are recognised from their bytes, parsed and analysed, the analyzer's name and version,
 * the parameters it accepts, the metrics it stores and the report metrics derived from them. The
 * registry (techniques.ts) lists the descriptors; analyzeFile, the CLI, the worker and the reports
 * take everything from there.
 */
import { AnalysisError, fail, ok, type ParseError, type Result } from '../core/errors';
import { decodeText, type DecodedText } from '../core/text';
import type { Curves } from '../core/types';
import { decodeMetrics, implausibleMetric, type Decoded, type MetricSpecs } from './metrics';
import { readParameters, type MeasurementMode, type ParameterSpecs, type ParamsOf } from './parameters';

/** An analyzer's identity; a run is unique per (measurement, file, analyzer name, version). */
export interface AnalyzerVersion {
  readonly name: string;
  /** Dotted numbers; bump it when outputs change, so a starting worker re-analyses stored files. */
  readonly version: string;
}

/** A file as detectors see it: the bytes, the text decoded once, the name (a tie-break only). */
export interface FileSample {
  readonly bytes: Uint8Array;
  readonly text: string;
  /** decodeText(bytes): the text with the encoding it was read in, for a parser that needs both. */
  readonly decoded: DecodedText;
  readonly fileName?: string;
  /** Compute once per file what several detectors read (a MultiVu header, a numeric block). */
  memo<T>(key: string, compute: () => T): T;
}

/** A detector's answer: the file format, and how specific the evidence is. */
export interface FormatMatch {
  format: string;
  /**
   * In (0, 1]: 1 for a signature that names the technique (a MultiVu header with moment columns,
   * an XRDML root element), about 0.5 for named columns, ≤ 0.35 for a bare numeric table. The
   * highest wins; ties go to the technique listed first in the registry.
   */
  confidence: number;
}

/** The one detection result type: a FormatMatch with the technique it belongs to. */
export interface Detection extends FormatMatch {
  technique: string;
}

/** What a technique's analyze returns for one file. */
export interface TechniqueOutput<M> {
  /** The parsed file's precise format (e.g. 'multivu-mpms3', 'xrdml-1.6'). */
  format: string;
  metrics: M;
  warnings: string[];
  /** Downsampled curves for plots. */
  curves?: Curves;
}

/** What analyzeFile returns and the worker stores: a TechniqueOutput stamped with technique and analyzer. */
export interface AnalysisOutput<Id extends string = string> {
  technique: Id;
  format: string;
  analyzer: string;
  analyzerVersion: string;
  metrics: Record<string, unknown>;
  warnings: string[];
  curves?: Curves;
}

/** The typed parameters and the file name, handed to parse and analyze alike. */
export interface AnalyzeInput<P> {
  params: P;
  fileName?: string;
  /**
   * The sample detection read these bytes through (analyzeFile passes it): a parser takes the
   * decoded text from it instead of decoding the file a second time (~0.9 ms and a second 0.7 MB
   * string for a 2,000-point MPMS3 file).
   */
  sample?: FileSample;
}

/** A piece's newest successful runs of one technique, as a report reads them. */
export interface PieceRuns<D> {
  /**
   * The run headline values come from: for a technique with modes, the primary-mode run (ZFC),
   * else one without a mode; otherwise the technique's run.
   */
  main?: D;
  /** Every run by its measurement mode (techniques with modes). */
  byMode: Partial<Record<MeasurementMode, D>>;
}

/** What a report metric is, for readers that do not compute it (renderers, the registry). */
export interface ReportMetricInfo {
  /** Key in CampaignReport.metrics and in each piece's values (units in the name). */
  key: string;
  label: string;
  unit: string;
  /** Reported even when no piece has a value (the campaign's point). */
  always?: boolean;
  /** The measurement modes whose runs it reads, e.g. ['ZFC', 'FC'] for the FC/ZFC ratio. */
  modes?: readonly MeasurementMode[];
  /** A panel of the report's figure, with this y-axis name (with units). */
  figure?: { yName: string };
  /** Fitted as k·exp(−t/τ) + y0 over anneal hold time t (at most one report metric in a registry). */
  decayFit?: boolean;
}

/** A report metric: its description and how a piece's value derives from the stored metrics. */
export interface ReportMetricSpec<M> extends ReportMetricInfo {
  /**
   * The stored metrics `value` reads: a metric's key, or `key.field` into a group (e.g.
   * 'tcDistribution.sigmaK'); the registry refuses a path its metrics do not have. A report reads
   * only these from the database (see technique/metric-paths.ts), so one left out reads as null there.
   */
  reads: readonly string[];
  /** The piece's value from its decoded runs; null (or non-finite) when not measured. */
  value(runs: PieceRuns<Decoded<M>>): number | null;
}

/** What a technique folder declares. */
export interface TechniqueDefinition<Id extends string, P extends ParameterSpecs, Parsed, M> {
  /** Also the value stored in the technique columns and the CLI's --technique choice. */
  id: Id;
  /** e.g. 'magnetic susceptibility χ(T)'. */
  label: string;
  /** The file formats it reads, for usage texts and error messages. */
  formats: string;
  analyzer: AnalyzerVersion;
  parameters: P;
  /** Measurement modes (condition `mode`); the primary one gives a piece's headline values. */
  modes?: { values: readonly MeasurementMode[]; primary: MeasurementMode };
  metrics: MetricSpecs<M>;
  reportMetrics?: readonly ReportMetricSpec<M>[];
  /**
   * The few metrics that sum up a run, headline first, for a results summary (the web app's
   * "latest results" strip): keys of `metrics`, or `group.field` for a group's fitted parameter
   * (as GET /api/techniques lists them); labels, units and uncertainties come from their specs.
   */
  summary?: readonly string[];
  /** Whether the file is this technique's, decided on content (the name only breaks ties). */
  detect(sample: FileSample): FormatMatch | undefined;
  /** When no technique recognised the file: a reason, if it looks like this technique's but is broken. */
  explainUnrecognised?(sample: FileSample): ParseError | undefined;
  parse(bytes: Uint8Array, input: AnalyzeInput<ParamsOf<P>>): Result<Parsed, ParseError>;
  analyze(parsed: Parsed, input: AnalyzeInput<ParamsOf<P>>): Result<TechniqueOutput<M>, ParseError | AnalysisError>;
}

/** A registered technique: its definition plus what every reader derives from it. */
export interface Technique<Id extends string = string, P extends ParameterSpecs = ParameterSpecs, Parsed = unknown, M = unknown> extends TechniqueDefinition<
  Id,
  P,
  Parsed,
  M
> {
  reportMetrics: readonly ReportMetricSpec<M>[];
  /** The typed boundary for stored metrics (see decodeMetrics). */
  decodeMetrics(json: unknown): Decoded<M>;
  /**
   * Read this technique's parameters from `bag` (other keys are ignored), parse, analyse, check
   * every metric against its plausible range, and stamp the output with technique and analyzer.
   */
  analyzeBytes(
    bytes: Uint8Array,
    bag: Readonly<Record<string, unknown>>,
    fileName?: string,
    sample?: FileSample,
  ): Result<AnalysisOutput<Id>, ParseError | AnalysisError>;
  /** A piece's report values from its stored runs (metrics JSON), finite or null, by report metric key. */
  reportValues(runs: PieceRuns<unknown>): Record<string, number | null>;
}

/** Builds a technique from its definition; the definition's types flow through unchanged. */
export function defineTechnique<const Id extends string, const P extends ParameterSpecs, Parsed, M>(
  def: TechniqueDefinition<Id, P, Parsed, M>,
): Technique<Id, P, Parsed, M> {
  const reportMetrics = def.reportMetrics ?? [];
  const technique: Technique<Id, P, Parsed, M> = {
    ...def,
    reportMetrics,
    decodeMetrics: (json) => decodeMetrics(def.metrics, json),
    analyzeBytes(bytes, bag, fileName, sample) {
      const params = readParameters(def.parameters, bag);
      if (!params.ok) return params;
      const input: AnalyzeInput<ParamsOf<P>> = { params: params.value, ...(fileName !== undefined && { fileName }), ...(sample !== undefined && { sample }) };
      const parsed = def.parse(bytes, input);
      if (!parsed.ok) return parsed;
      const analysed = def.analyze(parsed.value, input);
      if (!analysed.ok) return analysed;
      const { format, metrics, warnings, curves } = analysed.value;
      const implausible = implausibleMetric(def.metrics, metrics);
      if (implausible) return fail(new AnalysisError('IMPLAUSIBLE', implausible));
      return ok({
        technique: def.id,
        format,
        analyzer: def.analyzer.name,
        analyzerVersion: def.analyzer.version,
        // Metrics leave the typed world here (stored as JSON); readers come back through decodeMetrics.
        metrics: { ...metrics } as Record<string, unknown>,
        warnings,
        ...(curves !== undefined && { curves }),
      });
    },
    reportValues(runs) {
      const decode = (json: unknown): Decoded<M> | undefined => (json === undefined ? undefined : technique.decodeMetrics(json));
      const byMode: PieceRuns<Decoded<M>>['byMode'] = {};
      for (const [mode, json] of Object.entries(runs.byMode) as [MeasurementMode, unknown][]) byMode[mode] = decode(json);
      const decoded: PieceRuns<Decoded<M>> = { main: decode(runs.main), byMode };
      const values: Record<string, number | null> = {};
      for (const m of reportMetrics) {
        const v = m.value(decoded);
        values[m.key] = typeof v === 'number' && Number.isFinite(v) ? v : null;
      }
      return values;
    },
  };
  return technique;
}

/** A FileSample over bytes: the text is decoded on first use, memo entries live as long as the sample. */
export function fileSample(bytes: Uint8Array, fileName?: string): FileSample {
  let decoded: DecodedText | undefined;
  const memo = new Map<string, unknown>();
  return {
    bytes,
    ...(fileName !== undefined && { fileName }),
    get decoded() {
      decoded ??= decodeText(bytes);
      return decoded;
    },
    get text() {
      return this.decoded.text;
    },
    memo<T>(key: string, compute: () => T): T {
      if (!memo.has(key)) memo.set(key, compute());
      return memo.get(key) as T;
    },
  };
}
