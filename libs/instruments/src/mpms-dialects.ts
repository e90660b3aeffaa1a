/** One entry per MultiVu dialect: its header, comment row, data rows and file-name tag. */
import { MPMS_XL_COLUMNS } from './mpms-columns';
import { fmt, OLE_EPOCH_OFFSET_S, row, SECONDS_PER_POINT, type MpmsFormat, type MpmsWriteOptions } from './mpms-dat';
import type { SimulatedSweep } from './mpms-model';
import { mpms3Header, mpms3Rows } from './mpms3-writer';
import { mpmsXlHeader, mpmsXlRows } from './mpms-xl-writer';
import { PPMS_T0_S, ppmsVsmHeader, ppmsVsmRows } from './ppms-vsm-writer';
import type { Rng } from './rng';

/** The header of `format`; `describe` replaces the single sweep's "ZFC 20 Oe" (a sequence file's own comment). */
export function headerLines(
  format: MpmsFormat,
  o: MpmsWriteOptions,
  unixS: number,
  describe?: { comment: string; sequenceFile: string; weightText?: string },
): string[] {
  if (format === 'MPMS_XL') return mpmsXlHeader(o, unixS, describe?.sequenceFile, describe?.weightText);
  if (format === 'PPMS_VSM') return ppmsVsmHeader(o, unixS, describe?.comment);
  return mpms3Header(o, unixS, describe?.comment);
}

/** A comment row: only the Comment cell and the time stamp, the comment quoted (it may hold a comma). */
export function commentRow(format: MpmsFormat, text: string, unixS: number, index: number): string {
  const quoted = `"${text}"`;
  if (format === 'MPMS_XL') return `${row(MPMS_XL_COLUMNS, { Comment: quoted, Time: (unixS + index * 12.3).toFixed(3) })},`;
  // MPMS3 and PPMS write such a row short: only Comment and Time Stamp, the first two columns.
  const time = format === 'PPMS_VSM' ? PPMS_T0_S + index * SECONDS_PER_POINT : unixS + OLE_EPOCH_OFFSET_S + index * SECONDS_PER_POINT;
  return `${quoted},${fmt(time)}`;
}

export function sweepRows(format: MpmsFormat, s: SimulatedSweep, o: MpmsWriteOptions, unixS: number, rng: Rng, firstIndex: number): string[] {
  if (format === 'MPMS_XL') return mpmsXlRows(s, o, unixS, rng, firstIndex);
  if (format === 'PPMS_VSM') return ppmsVsmRows(s, o, rng, firstIndex);
  return mpms3Rows(s, o, unixS, format === 'MPMS3_DC', rng, firstIndex);
}

export const FILE_TAGS: Record<MpmsFormat, string> = {
  MPMS3_VSM: 'MPMS3-VSM.dat',
  MPMS3_DC: 'MPMS3-DC.dat',
  MPMS_XL: 'MPMSXL.dc.dat',
  PPMS_VSM: 'PPMS-VSM.dat',
};
