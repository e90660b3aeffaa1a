/** Shared shapes between parsers, analyzers and the glue that joins them. Units are in the names. */

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

/** One curve for plots, downsampled. */
export interface Curve {
  x: number[];
  y: number[];
  xLabel: string;
  yLabel: string;
}

/** Curves for plots, keyed by name. */
export type Curves = Record<string, Curve>;
