/**
 * The technique registry: an ordered, validated list of descriptors with what every reader needs —
 * detection over all techniques, analyzeFile, analyzer versions, the merged parameter list (CLI) and
 * the report metrics in display order. Immutable; `with` makes an extended copy (tests add a toy
 * technique that way).
 */
import { AnalysisError, fail, ParseError, type Result } from '../core/errors';
import { looksBinary } from '../core/text';
import { unknownMetricPath } from './metric-paths';
import { cliFlag, type ParameterSpec, type ParamsOf } from './parameters';
import { fileSample, type AnalysisOutput, type Detection, type FileSample, type ReportMetricInfo, type Technique } from './technique';

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type ParamsOfTechnique<T> = T extends Technique<string, infer P> ? ParamsOf<P> : never;

/** The id of a technique in the list T. */
export type TechniqueIdOf<T extends readonly Technique[]> = T[number]['id'];

/** The technique with id I: exact for a registry of known ids, possibly undefined for a registry typed only as Technique[]. */
export type TechniqueOf<T extends readonly Technique[], I extends string> =
  string extends TechniqueIdOf<T> ? T[number] | undefined : Extract<T[number], { id: I }>;

/** analyzeFile's parameters: a technique override, the file name, and every parameter of every technique in T. */
export type AnalyzeParamsOf<T extends readonly Technique[]> = { technique?: TechniqueIdOf<T>; fileName?: string } & Partial<
  UnionToIntersection<ParamsOfTechnique<T[number]>>
>;

/** A report metric with the technique that produces it. */
export type RegisteredReportMetric = ReportMetricInfo & { technique: string };

/** One panel of the report's figure (libs/charts ReportPanel): report metric key, title and y-axis name with units. */
export interface ReportPanelInfo {
  key: string;
  title: string;
  yName: string;
}

/**
 * What readers need from a registry, whatever techniques it holds (the built-in one, or one with a
 * toy technique added): pass this type around, not TechniqueRegistry<…>.
 */
export interface TechniqueRegistryView {
  readonly list: readonly Technique[];
  readonly ids: readonly string[];
  readonly analyzerVersions: Readonly<Record<string, string>>;
  readonly parameters: readonly { key: string; spec: ParameterSpec; flag: string }[];
  readonly reportMetrics: readonly RegisteredReportMetric[];
  /** Every stored-metric path the report metrics read (ReportMetricSpec.reads), each once, in display order. */
  readonly reportReads: readonly string[];
  /** The report figure's panels, left to right: the report metrics with a `figure`, titled by their label. */
  readonly reportPanels: readonly ReportPanelInfo[];
  get(id: string): Technique | undefined;
  byAnalyzer(name: string): Technique | undefined;
  detectAll(bytes: Uint8Array, fileName?: string): Detection[];
  detect(bytes: Uint8Array, fileName?: string): Detection | undefined;
  has(id: string): boolean;
  analyzeFile(bytes: Uint8Array, params?: AnalyzeParamsOf<readonly Technique[]>): Result<AnalysisOutput, ParseError | AnalysisError>;
}

/** Below this a detection is too weak to call a file another technique's (see FormatMatch.confidence). */
const MIN_WRONG_TECHNIQUE_CONFIDENCE = 0.5;

const sameSpec = (a: ParameterSpec, b: ParameterSpec): boolean => JSON.stringify(a) === JSON.stringify(b);

export class TechniqueRegistry<const T extends readonly Technique[] = readonly Technique[]> implements TechniqueRegistryView {
  readonly ids: readonly TechniqueIdOf<T>[];
  /** Analyzer name → the version this build implements. */
  readonly analyzerVersions: Readonly<Record<string, string>>;
  /** Every parameter of every technique, once per key, in registry order (the CLI's options). */
  readonly parameters: readonly { key: string; spec: ParameterSpec; flag: string }[];
  /** Every report metric in display order: registry order, then each technique's own order. */
  readonly reportMetrics: readonly RegisteredReportMetric[];
  readonly reportReads: readonly string[];
  readonly reportPanels: readonly ReportPanelInfo[];
  private readonly byIdMap: ReadonlyMap<string, T[number]>;

  constructor(readonly list: T) {
    const problems: string[] = [];
    const byId = new Map<string, T[number]>();
    const analyzers = new Map<string, string>();
    const params = new Map<string, { key: string; spec: ParameterSpec; flag: string; owner: string }>();
    const flags = new Map<string, string>();
    const reportKeys = new Set<string>();
    const reportMetrics: RegisteredReportMetric[] = [];
    const reportReads = new Set<string>();
    for (const t of list) {
      if (byId.has(t.id)) problems.push(`technique ${t.id} is listed twice`);
      byId.set(t.id, t);
      if (analyzers.has(t.analyzer.name)) problems.push(`analyzer "${t.analyzer.name}" belongs to ${analyzers.get(t.analyzer.name)} and ${t.id}`);
      analyzers.set(t.analyzer.name, t.id);
      for (const [key, spec] of Object.entries(t.parameters)) {
        const seen = params.get(key);
        if (seen && !sameSpec(seen.spec, spec)) problems.push(`parameter ${key} differs between ${seen.owner} and ${t.id}`);
        if (seen) continue;
        const flag = cliFlag(key, spec);
        if (flags.has(flag) || flag === 'technique') problems.push(`flag --${flag} of ${t.id}.${key} is taken`);
        flags.set(flag, key);
        params.set(key, { key, spec, flag, owner: t.id });
      }
      for (const m of t.reportMetrics) {
        if (reportKeys.has(m.key)) problems.push(`report metric ${m.key} is declared twice`);
        reportKeys.add(m.key);
        if (m.reads.length === 0) problems.push(`report metric ${m.key} declares no stored metric it reads`);
        for (const path of m.reads) {
          const why = unknownMetricPath(t.metrics, path);
          if (why) problems.push(`report metric ${m.key} reads ${why} of ${t.id}`);
          reportReads.add(path);
        }
        // `value` is dropped from the copy, never called, so no `this` is lost.
        // eslint-disable-next-line @typescript-eslint/unbound-method
        const { value: _value, reads: _reads, ...info } = m;
        reportMetrics.push({ ...info, technique: t.id });
      }
    }
    if (reportMetrics.filter((m) => m.decayFit).length > 1) problems.push('more than one report metric asks for the exponential decay fit');
    if (problems.length > 0) throw new Error(`invalid technique registry: ${problems.join('; ')}`);
    this.byIdMap = byId;
    this.ids = list.map((t) => t.id);
    this.analyzerVersions = Object.fromEntries(list.map((t) => [t.analyzer.name, t.analyzer.version]));
    this.parameters = [...params.values()].map(({ owner: _owner, ...p }) => p);
    this.reportMetrics = reportMetrics;
    this.reportReads = [...reportReads];
    this.reportPanels = reportMetrics.flatMap((m) => (m.figure ? [{ key: m.key, title: m.label, yName: m.figure.yName }] : []));
  }

  /** A new registry with `extra` appended (same validation). */
  with<const E extends readonly Technique[]>(...extra: E): TechniqueRegistry<readonly [...T, ...E]> {
    return new TechniqueRegistry([...this.list, ...extra] as const);
  }

  /** The technique with this id: typed for a registered id, undefined for an unknown one from outside TypeScript. */
  get<I extends TechniqueIdOf<T>>(id: I): TechniqueOf<T, I>;
  get(id: string): T[number] | undefined;
  get(id: string): T[number] | undefined {
    return this.byIdMap.get(id);
  }

  /** Type guard for ids read from HTTP, the CLI or the database. */
  has(id: string): id is TechniqueIdOf<T> {
    return this.byIdMap.has(id);
  }

  /** The technique whose analyzer has this name. */
  byAnalyzer(name: string): T[number] | undefined {
    return this.list.find((t) => t.analyzer.name === name);
  }

  /** Every technique that recognises the file, most confident first (registry order on ties). */
  detectAll(bytes: Uint8Array, fileName?: string): Detection[] {
    if (bytes.length === 0 || looksBinary(bytes)) return [];
    return this.detectSample(fileSample(bytes, fileName));
  }

  /** The technique and format of a file, or undefined for empty, binary or unrecognised content. */
  detect(bytes: Uint8Array, fileName?: string): Detection | undefined {
    return this.detectAll(bytes, fileName)[0];
  }

  /**
   * WRONG_TECHNIQUE when the file is certainly another technique's: the requested technique does not
   * recognise it and another does on specific evidence (confidence ≥ 0.5: a MultiVu header, an XRDML
   * root, named DSC columns — not a bare numeric table, which XRD and SAXS share).
   */
  private otherTechniqueOf(sample: FileSample, requested: Technique): AnalysisError | undefined {
    const found = this.detectSample(sample);
    const best = found[0];
    if (best === undefined || best.technique === requested.id || best.confidence < MIN_WRONG_TECHNIQUE_CONFIDENCE) return undefined;
    if (found.some((d) => d.technique === requested.id)) return undefined;
    const owner = this.get(best.technique);
    return new AnalysisError(
      'WRONG_TECHNIQUE',
      `this is ${best.technique} data (${owner?.label ?? best.technique}, ${best.format}); the measurement is ${requested.id} (${requested.label}, which reads ${requested.formats})`,
    );
  }

  private detectSample(sample: FileSample): Detection[] {
    const found: Detection[] = [];
    for (const t of this.list) {
      const m = t.detect(sample);
      if (m) found.push({ technique: t.id, format: m.format, confidence: m.confidence });
    }
    // Array.prototype.sort is stable: equal confidence keeps registry order.
    return found.sort((a, b) => b.confidence - a.confidence);
  }

  /**
   * Analyse one file: detect its technique and format from the content (`params.technique`
   * overrides detection; `params.fileName` only breaks ties), then run that technique. Errors:
   * EMPTY_FILE, BINARY_CONTENT, UNKNOWN_FORMAT, UNSUPPORTED (unregistered technique), WRONG_TECHNIQUE
   * (the technique asked for, but the file is certainly another technique's), or whatever
   * the technique's parser (ParseError) or analyzer (AnalysisError) reports. Never throws.
   */
  analyzeFile(bytes: Uint8Array, params: AnalyzeParamsOf<T> = {}): Result<AnalysisOutput<TechniqueIdOf<T>>, ParseError | AnalysisError> {
    if (bytes.length === 0) return fail(new ParseError('EMPTY_FILE', 'the file is empty'));
    const requested: string | undefined = params.technique;
    let technique: T[number] | undefined;
    let sample: FileSample | undefined;
    if (requested === undefined) {
      if (looksBinary(bytes)) return fail(new ParseError('BINARY_CONTENT', 'the file is binary; no supported format is'));
      sample = fileSample(bytes, params.fileName);
      const best = this.detectSample(sample)[0];
      if (best === undefined) {
        for (const t of this.list) {
          const why = t.explainUnrecognised?.(sample);
          if (why) return fail(why);
        }
        const known = this.list.map((t) => `${t.id} (${t.formats})`).join('; ');
        return fail(new ParseError('UNKNOWN_FORMAT', `not a file of any known technique: ${known}; pass the technique if it is one`));
      }
      technique = this.get(best.technique);
    } else {
      technique = this.get(requested);
      // params come from outside TypeScript (HTTP, CLI): an unknown technique is a readable failure.
      if (technique === undefined) return fail(new AnalysisError('UNSUPPORTED', `no analyzer for technique "${requested}"`));
      if (!looksBinary(bytes)) {
        sample = fileSample(bytes, params.fileName);
        const other = this.otherTechniqueOf(sample, technique);
        if (other) return fail(other);
      }
    }
    // The sample detection decoded goes along, so the parser does not decode the file again.
    return (technique as T[number]).analyzeBytes(bytes, params, params.fileName, sample);
  }
}

/** A registry over `list`, in that order (detection ties and report display follow it). */
export function createTechniqueRegistry<const T extends readonly Technique[]>(list: T): TechniqueRegistry<T> {
  return new TechniqueRegistry(list);
}
