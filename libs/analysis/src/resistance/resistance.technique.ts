/**
 * RESISTANCE: R(T) sweeps at one or more fields in Quantum Design MultiVu `.dat` transport files
 * (PPMS Resistivity, AC Transport, bridge channels). Detection and parsing are the MultiVu format's;
 * the analysis is analyzeResistance (docs/analysis-definitions.md "Resistance").
 */
import { ok } from '../core/errors';
import { explainBrokenMultiVu, multiVuMatch } from '../multivu/detect-multivu';
import { toTransportData, transportColumns } from '../multivu/extract';
import { multiVuFormat } from '../multivu/format';
import { parseMultiVu } from '../multivu/parse-multivu';
import { implausibleMetric, type MetricSpecs } from '../technique/metrics';
import { defineTechnique } from '../technique/technique';
import { analyzeResistance, type ChannelSummary, type ResistanceMetrics } from './analyze-resistance';

/** Bump when outputs change: a starting worker then re-analyses every stored file. */
export const ANALYZER = { name: 'resistance', version: '1.1.0' } as const;

const K = 'K';

/** Physically possible: a transition between 0 and 400 K (every known superconductor lies below 300 K at ambient pressure). */
const TC_RANGE = { min: 0, max: 400 };
const WIDTH_RANGE = { min: 0, max: 100 };
const HC2_RANGE = { min: 0, max: 1000 };
const XI_RANGE = { min: 0.1, max: 1e5 };

const CHANNEL_SPECS: MetricSpecs<ChannelSummary> = {
  channel: { kind: 'number', unit: '', label: 'channel' },
  name: { kind: 'text', label: 'column' },
  unit: { kind: 'text', label: 'unit' },
  tcK: { kind: 'number', unit: K, label: 'Tc (50 % of R_n)', plausible: TC_RANGE },
  width1090K: { kind: 'number', unit: K, label: 'transition width (10–90 %)', plausible: WIDTH_RANGE },
  tcrSign: { kind: 'number', unit: '', label: 'sign of dR/dT above Tc' },
  hc2ZeroWhhT: { kind: 'number', unit: 'T', label: 'μ0Hc2(0), WHH', plausible: HC2_RANGE },
  hc2ZeroMdgT: { kind: 'number', unit: 'T', label: 'μ0Hc2(0), Maki–de Gennes', plausible: HC2_RANGE },
  xiNm: { kind: 'number', unit: 'nm', label: 'coherence length ξ(0), WHH', plausible: XI_RANGE },
  error: { kind: 'text', label: 'why the channel gave no result' },
};

export const RESISTANCE_METRICS: MetricSpecs<ResistanceMetrics> = {
  tcK: { kind: 'number', unit: K, label: 'Tc (50 % of R_n)', description: 'at the lowest field, of the headline channel', plausible: TC_RANGE },
  width1090K: {
    kind: 'number',
    unit: K,
    label: 'transition width (10–90 %)',
    description: 'null when the sweep stops inside the transition',
    plausible: WIDTH_RANGE,
  },
  tcrSign: { kind: 'number', unit: '', label: 'sign of dR/dT above Tc', description: '−1, 0 (not significant) or +1' },
  channel: { kind: 'number', unit: '', label: 'headline channel', description: "the measurement's channel condition, else the first channel with data" },
  channelName: { kind: 'text', label: 'headline channel column' },
  channels: { kind: 'list', label: 'every channel with data', item: CHANNEL_SPECS },
  hc2Points: {
    kind: 'list',
    label: 'Hc2(T) points',
    item: { fieldT: { kind: 'number', unit: 'T', label: 'μ0H' }, tcK: { kind: 'number', unit: K, label: 'Tc at that field' } },
  },
  dHc2dTTPerK: { kind: 'number', unit: 'T/K', label: 'dμ0Hc2/dT near Tc', uncertainty: 'dHc2dTErrTPerK' },
  dHc2dTErrTPerK: { kind: 'number', unit: 'T/K', label: 'standard error of dμ0Hc2/dT' },
  hc2ZeroWhhT: { kind: 'number', unit: 'T', label: 'μ0Hc2(0), WHH', plausible: HC2_RANGE },
  hc2ZeroMdgT: { kind: 'number', unit: 'T', label: 'μ0Hc2(0), Maki–de Gennes', plausible: HC2_RANGE },
  xiNm: { kind: 'number', unit: 'nm', label: 'coherence length ξ(0), WHH', plausible: XI_RANGE },
  xiMdgNm: { kind: 'number', unit: 'nm', label: 'coherence length ξ(0), Maki–de Gennes', plausible: XI_RANGE },
};

export const RESISTANCE = defineTechnique({
  id: 'RESISTANCE',
  label: 'resistance R(T)',
  formats: 'MultiVu .dat with resistance channels (PPMS Resistivity, AC Transport)',
  analyzer: ANALYZER,
  parameters: {
    channel: { kind: 'number', unit: '', label: 'transport channel (1–4) for the headline metrics', condition: { key: 'channel' } },
  },
  metrics: RESISTANCE_METRICS,
  summary: ['tcK', 'width1090K', 'dHc2dTTPerK', 'hc2ZeroWhhT', 'xiNm'],
  reportMetrics: [{ key: 'tcResistiveK', label: 'Tc resistive', unit: K, reads: ['tcK'], value: ({ main }) => main?.tcK ?? null }],
  detect: (sample) => multiVuMatch(sample, 'RESISTANCE'),
  explainUnrecognised: explainBrokenMultiVu,
  parse(bytes, { sample }) {
    const parsed = parseMultiVu(bytes, { keep: transportColumns, decoded: sample?.decoded });
    if (!parsed.ok) return parsed;
    const data = toTransportData(parsed.value);
    return data.ok ? ok({ file: parsed.value, data: data.value }) : data;
  },
  /** See analyzeResistance; `channel` picks the headline channel. */
  analyze({ file, data }, { params }) {
    const analysis = analyzeResistance(data, params.channel === undefined ? {} : { channel: params.channel });
    if (!analysis.ok) return analysis;
    // A channel whose values are impossible keeps its reason instead of failing the whole file.
    const channels = analysis.value.metrics.channels.map((c): ChannelSummary => {
      const why = c.error === null ? implausibleMetric(CHANNEL_SPECS, c) : undefined;
      return why === undefined ? c : { ...c, tcK: null, width1090K: null, tcrSign: null, hc2ZeroWhhT: null, hc2ZeroMdgT: null, xiNm: null, error: why };
    });
    return ok({
      format: multiVuFormat(file.instrument),
      metrics: { ...analysis.value.metrics, channels },
      warnings: [...file.warnings, ...analysis.value.warnings],
      ...(analysis.value.curves && { curves: analysis.value.curves }),
    });
  },
});
