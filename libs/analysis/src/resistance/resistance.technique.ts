/**
 * RESISTANCE: R(T) sweeps at one or more fields in Quantum Design MultiVu `.dat` transport files
 * (PPMS Resistivity, AC Transport, bridge channels). Detection and parsing are the MultiVu format's;
 * the analysis is analyzeResistance (DESIGN.md "Analysis definitions → Resistance").
 */
import { ok } from '../core/errors';
import { explainBrokenMultiVu, multiVuMatch } from '../multivu/detect-multivu';
import { toTransportData, transportColumns } from '../multivu/extract';
import { multiVuFormat } from '../multivu/format';
import { parseMultiVu } from '../multivu/parse-multivu';
import type { MetricSpecs } from '../technique/metrics';
import { defineTechnique } from '../technique/technique';
import { analyzeResistance, type ResistanceMetrics } from './analyze-resistance';

/** Bump when outputs change: a starting worker then re-analyses every stored file. */
export const ANALYZER = { name: 'resistance', version: '1.0.0' } as const;

const K = 'K';

export const RESISTANCE_METRICS: MetricSpecs<ResistanceMetrics> = {
  tcK: { kind: 'number', unit: K, label: 'Tc (50 % of R_n)', description: 'at the lowest field' },
  width1090K: { kind: 'number', unit: K, label: 'transition width (10–90 %)', description: 'null when the sweep stops inside the transition' },
  tcrSign: { kind: 'number', unit: '', label: 'sign of dR/dT above Tc', description: '−1, 0 (not significant) or +1' },
  hc2Points: {
    kind: 'list',
    label: 'Hc2(T) points',
    item: { fieldT: { kind: 'number', unit: 'T', label: 'μ0H' }, tcK: { kind: 'number', unit: K, label: 'Tc at that field' } },
  },
  dHc2dTTPerK: { kind: 'number', unit: 'T/K', label: 'dμ0Hc2/dT near Tc', uncertainty: 'dHc2dTErrTPerK' },
  dHc2dTErrTPerK: { kind: 'number', unit: 'T/K', label: 'standard error of dμ0Hc2/dT' },
  hc2ZeroWhhT: { kind: 'number', unit: 'T', label: 'μ0Hc2(0), WHH' },
  hc2ZeroMdgT: { kind: 'number', unit: 'T', label: 'μ0Hc2(0), Maki–de Gennes' },
  xiNm: { kind: 'number', unit: 'nm', label: 'coherence length ξ(0), WHH' },
  xiMdgNm: { kind: 'number', unit: 'nm', label: 'coherence length ξ(0), Maki–de Gennes' },
};

export const RESISTANCE = defineTechnique({
  id: 'RESISTANCE',
  label: 'resistance R(T)',
  formats: 'MultiVu .dat with resistance channels (PPMS Resistivity, AC Transport)',
  analyzer: ANALYZER,
  parameters: {},
  metrics: RESISTANCE_METRICS,
  reportMetrics: [{ key: 'tcResistiveK', label: 'Tc resistive', unit: K, value: ({ main }) => main?.tcK ?? null }],
  detect: (sample) => multiVuMatch(sample, 'RESISTANCE'),
  explainUnrecognised: explainBrokenMultiVu,
  parse(bytes) {
    const parsed = parseMultiVu(bytes, { keep: transportColumns });
    if (!parsed.ok) return parsed;
    const data = toTransportData(parsed.value);
    return data.ok ? ok({ file: parsed.value, data: data.value }) : data;
  },
  analyze({ file, data }) {
    const analysis = analyzeResistance(data, {});
    if (!analysis.ok) return analysis;
    return ok({
      format: multiVuFormat(file.instrument),
      metrics: { ...analysis.value.metrics },
      warnings: [...file.warnings, ...analysis.value.warnings],
      ...(analysis.value.curves && { curves: analysis.value.curves }),
    });
  },
});
