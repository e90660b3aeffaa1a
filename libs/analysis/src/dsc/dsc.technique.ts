/**
 * DSC: heating scans of metallic glasses from five export formats (TA Universal Analysis, Pyris
 * ASCII, NETZSCH Proteus, Mettler STARe, unit-labelled CSV). Tg, Tx, enthalpies and the relaxation
 * enthalpy (docs/analysis-definitions.md "DSC").
 */
import { fail, ok, ParseError } from '../core/errors';
import type { MetricSpecs } from '../technique/metrics';
import { COMMON_PARAMETERS } from '../technique/parameters';
import { defineTechnique } from '../technique/technique';
import { analyzeDsc } from './dsc.analyzer';
import { scoreDscFormat } from './dsc.detect';
import { parseDsc } from './dsc.parse';
import type { DscMetrics, DscScan, ExoDirection } from './dsc.types';

/** Bump when outputs change: a starting worker then re-analyses every stored file. */
export const ANALYZER = { name: 'dsc', version: '1.1.0' } as const;

/** What the DSC technique stores per scan: the analyzer's metrics and how the scan was read. */
export interface DscFileMetrics extends DscMetrics {
  massMg: number | null;
  exo: ExoDirection;
  exoSource: DscScan['exoSource'];
}

const K = 'K';
const J_PER_G = 'J g⁻¹';

export const DSC_METRICS: MetricSpecs<DscFileMetrics> = {
  tgOnsetK: { kind: 'number', unit: K, label: 'Tg onset' },
  tgMidK: { kind: 'number', unit: K, label: 'Tg mid' },
  dCpJPerGK: { kind: 'number', unit: 'J g⁻¹ K⁻¹', label: 'heat-capacity step at Tg' },
  txOnsetK: { kind: 'number', unit: K, label: 'Tx onset' },
  txPeakK: { kind: 'number', unit: K, label: 'Tx peak' },
  dhCrystJPerG: { kind: 'number', unit: J_PER_G, label: 'crystallization enthalpy', description: 'positive = exothermic' },
  dhRelaxJPerG: { kind: 'number', unit: J_PER_G, label: 'relaxation enthalpy before Tg', description: 'positive = exothermic' },
  relaxBaseline: { kind: 'text', label: 'relaxation baseline', values: ['reference', 'linear'] },
  dTxK: { kind: 'number', unit: K, label: 'supercooled-liquid region Tx − Tg' },
  heatingRateKPerMin: { kind: 'number', unit: 'K/min', label: 'heating rate' },
  meltOnsetK: { kind: 'number', unit: K, label: 'melting onset', description: 'only for a melting run' },
  meltPeakK: { kind: 'number', unit: K, label: 'melting peak' },
  dhMeltJPerG: { kind: 'number', unit: J_PER_G, label: 'melting enthalpy' },
  massMg: { kind: 'number', unit: 'mg', label: 'sample mass' },
  exo: { kind: 'text', label: 'exotherm direction', values: ['up', 'down'] },
  exoSource: { kind: 'text', label: 'exotherm direction from', values: ['params', 'file', 'default'] },
};

const { massG, exo, heatingRateKPerMin, reference } = COMMON_PARAMETERS;

export const DSC = defineTechnique({
  id: 'DSC',
  label: 'differential scanning calorimetry',
  formats: 'TA Universal Analysis, Pyris ASCII, NETZSCH Proteus, Mettler STARe, CSV with units in the headers',
  analyzer: ANALYZER,
  parameters: { massG, exo, heatingRateKPerMin, reference },
  metrics: DSC_METRICS,
  summary: ['tgOnsetK', 'txOnsetK', 'dhCrystJPerG', 'dhRelaxJPerG'],
  reportMetrics: [{ key: 'dhRelaxJPerG', label: 'ΔH relaxation', unit: J_PER_G, reads: ['dhRelaxJPerG'], value: ({ main }) => main?.dhRelaxJPerG ?? null }],
  detect(sample) {
    const found = scoreDscFormat(sample.text, sample.fileName);
    return found && { format: found.format, confidence: found.score };
  },
  /** massG (g) and exo override the header. */
  parse: (bytes, { params, fileName }) => parseDsc(bytes, { massG: params.massG, exo: params.exo, fileName }),
  /**
   * reference holds the reference scan's bytes (its own header mass is used, else massG);
   * heatingRateKPerMin is used when there is no time column.
   */
  analyze(scan, { params }) {
    let ref: DscScan | undefined;
    if (params.reference) {
      // The reference's own header mass wins; the sample's mass is only a fallback.
      let parsed = parseDsc(params.reference, { exo: params.exo });
      if (parsed.ok && parsed.value.heatFlowUnit === 'mW' && params.massG !== undefined)
        parsed = parseDsc(params.reference, { exo: params.exo, massG: params.massG });
      if (!parsed.ok) return fail(new ParseError(parsed.error.code, `reference scan: ${parsed.error.message}`, parsed.error.line));
      ref = parsed.value;
    }
    const result = analyzeDsc(scan, { reference: ref, heatingRateKPerMin: params.heatingRateKPerMin });
    if (!result.ok) return result;
    return ok({
      format: scan.format,
      metrics: { ...result.value.metrics, massMg: scan.massMg ?? null, exo: scan.exo, exoSource: scan.exoSource },
      warnings: result.value.warnings,
      curves: result.value.curves,
    });
  },
});
