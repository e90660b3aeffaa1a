import type { DataColumn } from '../core/types';

/** Which Quantum Design instrument/option wrote a MultiVu `.dat` file (from BYAPP and INFO APPNAME). */
export type MultiVuInstrument = 'MPMS3' | 'MPMS_XL' | 'PPMS_VSM' | 'PPMS_ACMS' | 'PPMS_RESISTIVITY' | 'PPMS_ACT' | 'UNKNOWN';

/** A parsed MultiVu `.dat` file: header metadata plus numeric columns, looked up by name (never index). */
export interface MultiVuFile {
  instrument: MultiVuInstrument;
  /** BYAPP fields after the key, trimmed and joined with ',' (e.g. "MPMS3 w/ AC,1.0,1.1"). */
  byApp: string;
  title?: string;
  /** INFO records keyed by their key, whichever order the file wrote them in. */
  info: Record<string, string>;
  /** Sample mass, mg (INFO SAMPLE_MASS or WEIGHT); undefined when blank, zero or not a number. */
  massMg?: number;
  columns: DataColumn[];
  /** Data rows after the column line, comment rows included, blank lines excluded. */
  rowCount: number;
  delimiter: ',' | '\t';
  encoding: 'utf-8' | 'latin1';
  warnings: string[];
  /** Non-empty text of the Comment column, by 0-based row index, with its 1-based file line. */
  comments: { row: number; line: number; text: string }[];
}
