/** Shapes shared by the DSC parsers, the analyzer and the technique descriptor. Units are in the names. */
import type { Curve } from '../core/types';

export type DscFormat = 'ta-universal-analysis' | 'pyris-ascii' | 'netzsch-proteus' | 'mettler-stare' | 'csv-units';
export const DSC_FORMATS: readonly DscFormat[] = ['ta-universal-analysis', 'pyris-ascii', 'netzsch-proteus', 'mettler-stare', 'csv-units'];

export type ExoDirection = 'up' | 'down';

/** One column as a vendor parser found it, before any unit conversion. */
export interface RawColumn {
  name: string;
  /** Unit as written in the file (`°C`, `K`, `mW`, `W/g`, `mW/mg`, `min`, `s`); '' when none. */
  unit: string;
  values: number[];
}

/** What a vendor parser returns: columns in file units plus the metadata it could read. */
export interface RawDscTable {
  format: DscFormat;
  temperature: RawColumn;
  heatFlow: RawColumn;
  time?: RawColumn;
  /** Sample mass from the file header, mg. */
  massMg?: number;
  /** Exo direction stated by the file (`Exotherm Up`, `Heat Flow Endo Up`, `#EXO:UP`…). */
  exo?: ExoDirection;
  /** Programmed heating rate from the header (method text), K/min. */
  programRateKPerMin?: number;
  sampleName?: string;
  warnings: string[];
}

/** Parameters that override or complete the file header. */
export interface DscParseParams {
  massG?: number;
  exo?: ExoDirection;
  format?: DscFormat;
  fileName?: string;
}

/** A parsed DSC scan: temperature in K, heat flow normalised to W/g when the mass is known. */
export interface DscScan {
  format: DscFormat;
  temperatureK: number[];
  /** Heat flow with the sign the file used; see `exo` for which way is exothermic. */
  heatFlow: number[];
  /** 'W/g' after mass normalisation; 'mW' when no mass was available (enthalpies are then not reported). */
  heatFlowUnit: 'W/g' | 'mW';
  timeMin?: number[];
  exo: ExoDirection;
  exoSource: 'params' | 'file' | 'default';
  massMg?: number;
  programRateKPerMin?: number;
  sampleName?: string;
  columns: { temperature: string; heatFlow: string; time?: string };
  warnings: string[];
}

/** Options of analyzeDsc. */
export interface DscAnalyzeParams {
  /** A reference scan (e.g. the rescan of the relaxed sample) for the relaxation enthalpy. */
  reference?: DscScan;
  /** Used when the scan has no time column. K/min. */
  heatingRateKPerMin?: number;
}

/** A plot curve (the shared Curve shape). */
export type DscCurve = Curve;

/** Metrics of a glass heating scan; null where a feature was not found (the warnings say why). */
export interface DscMetrics {
  tgOnsetK: number | null;
  tgMidK: number | null;
  /** Heat-capacity step at Tg, J g⁻¹ K⁻¹ (needs W/g and the heating rate). */
  dCpJPerGK: number | null;
  txOnsetK: number | null;
  txPeakK: number | null;
  /** Crystallization enthalpy, J/g, positive = exothermic. */
  dhCrystJPerG: number | null;
  /** Structural-relaxation enthalpy before Tg, J/g, positive = exothermic. */
  dhRelaxJPerG: number | null;
  relaxBaseline: 'reference' | 'linear' | null;
  /** Supercooled-liquid region Tx onset − Tg onset, K. */
  dTxK: number | null;
  heatingRateKPerMin: number | null;
  /** Only when the scan looks like a melting run rather than a glass (largest endotherm). */
  meltOnsetK?: number;
  meltPeakK?: number;
  dhMeltJPerG?: number | null;
}

export interface DscAnalysis {
  metrics: DscMetrics;
  warnings: string[];
  curves: Record<string, DscCurve>;
}
