/**
 * What every virtual MultiVu `.dat` writer shares: the formats, the write options, and the number,
 * date and row formatting common to the MPMS3, MPMS-XL and PPMS dialects.
 */
import type { SweepPlan } from './mpms-model';

export type MpmsFormat = 'MPMS3_VSM' | 'MPMS3_DC' | 'MPMS_XL' | 'PPMS_VSM';
export const MPMS_FORMATS: readonly MpmsFormat[] = ['MPMS3_VSM', 'MPMS3_DC', 'MPMS_XL', 'PPMS_VSM'];

export interface MpmsWriteOptions extends SweepPlan {
  seed: number;
  /** Sample code written to the header and the file name. */
  sampleName?: string;
  /** Unix time of the first point, s (default 2024-03-01 09:00 UTC). */
  startUnixS?: number;
  lineEnding?: '\n' | '\r\n';
}

/** Seconds between the OLE/Excel epoch (1899-12-30) that MPMS3 time stamps count from and 1970-01-01. */
export const OLE_EPOCH_OFFSET_S = 25569 * 86400;
export const SECONDS_PER_POINT = 9.7;

/** MPMS3/PPMS style: shortest round-trip form of 15 significant digits, `E-8` exponents. */
export function fmt(x: number): string {
  return Number(x.toPrecision(15)).toString().replace('e', 'E').replace('E+', 'E');
}

export function usDate(unixS: number): { date: string; time12: string; time24: string } {
  const d = new Date(unixS * 1000);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const h = d.getUTCHours();
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return {
    date: `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${d.getUTCFullYear()}`,
    time12: `${h12}:${pad(d.getUTCMinutes())} ${h < 12 ? 'am' : 'pm'}`,
    time24: `${h12}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`,
  };
}

/** One row as cells keyed by column name; unnamed columns stay empty (`,,`). */
export function row(columns: readonly string[], cells: Record<string, string>): string {
  return columns.map((c) => cells[c] ?? '').join(',');
}

/** The sample INFO lines MPMS3 and PPMS headers share (value first, key last). */
export function sampleInfoLines(o: MpmsWriteOptions, sampleComment: string): string[] {
  return [
    `INFO,${o.sampleName ?? 'La75Al25'},SAMPLE_MATERIAL`,
    `INFO,${sampleComment},SAMPLE_COMMENT`,
    `INFO,${o.massMg},SAMPLE_MASS`,
    'INFO,,SAMPLE_VOLUME',
    'INFO,,SAMPLE_MOLECULAR_WEIGHT',
    'INFO,,SAMPLE_SIZE',
    'INFO,,SAMPLE_SHAPE',
    'INFO,Quartz,SAMPLE_HOLDER',
  ];
}
