/** Shared shapes between parsers, analyzers and the glue that joins them. Units are in the names. */

export type Technique = 'MAGNETIC' | 'RESISTANCE' | 'XRD' | 'SAXS' | 'DSC';
export const TECHNIQUES: readonly Technique[] = ['MAGNETIC', 'RESISTANCE', 'XRD', 'SAXS', 'DSC'];

/** One named data column; empty or unparsable cells are NaN so row alignment is kept. */
export interface DataColumn {
  name: string;
  unit?: string;
  values: number[];
}

/** A magnetisation sweep as the magnetic analyzer needs it (one row per measured point). */
export interface MagneticSweep {
  temperatureK: number[];
  momentEmu: number[];
  fieldOe: number[];
  /** Sample mass from the file header, mg (MultiVu SAMPLE_MASS / WEIGHT); undefined when blank. */
  massMg?: number;
  /** Which moment column was used, e.g. "Moment (emu)" or "DC Moment Free Ctr (emu)". */
  momentColumn: string;
}

/** Resistance versus temperature and field, one array entry per row, per channel. */
export interface TransportData {
  temperatureK: number[];
  fieldOe: number[];
  channels: { name: string; unit: string; values: number[] }[];
}

/** Parameters a person or the database supplies; they override what the file header says. */
export interface AnalyzeParams {
  technique?: Technique;
  fileName?: string;
  massG?: number;
  fieldOe?: number;
  wavelengthA?: number;
  densityGCm3?: number;
  demagN?: number;
  exo?: 'up' | 'down';
  heatingRateKPerMin?: number;
  /** The FC partner of a ZFC magnetic file (bytes), for the FC/ZFC ratio. */
  fc?: Uint8Array;
  /** A reference pattern or scan (bytes): XRD q1 shift, DSC relaxation enthalpy. */
  reference?: Uint8Array;
}

/** What the analysis of one file yields; printed by the CLI and stored per analysis run. */
export interface AnalysisOutput {
  technique: Technique;
  format: string;
  analyzer: string;
  analyzerVersion: string;
  metrics: Record<string, unknown>;
  warnings: string[];
  /** Downsampled curves for plots, keyed by name. */
  curves?: Record<string, { x: number[]; y: number[]; xLabel: string; yLabel: string }>;
}
