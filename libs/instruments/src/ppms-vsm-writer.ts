/** PPMS VSM option `.dat`: header and data rows of a simulated sweep. */
import { PPMS_VSM_COLUMNS } from './mpms-columns';
import { fmt, row, sampleInfoLines, SECONDS_PER_POINT, usDate, type MpmsWriteOptions } from './mpms-dat';
import type { SimulatedSweep } from './mpms-model';
import type { Rng } from './rng';

/** PPMS time stamps are a small instrument-relative counter, not an absolute date. */
export const PPMS_T0_S = 13808301.33;

export function ppmsVsmHeader(o: MpmsWriteOptions, unixS: number, sampleComment = `ribbon ${o.mode} ${o.fieldOe} Oe`): string[] {
  const when = usDate(unixS);
  const t0 = PPMS_T0_S;
  return [
    '[Header]',
    '; VSM Data File (default extension .dat)',
    '; Copyright (c) 2003-2018, Quantum Design, Inc. All rights reserved.',
    'TITLE,',
    `FILEOPENTIME,${t0},${when.date},${when.time12.toUpperCase()}`,
    'BYAPP,VSM,1.0,1.0',
    'INFO,PPMS VSM Option Release 1.5.2 Build 1,APPNAME',
    ...sampleInfoLines(o, sampleComment),
    'INFO,35.5,SAMPLE_OFFSET',
    'DATATYPE,COMMENT,1',
    'DATATYPE,TIME,2',
    'STARTUPAXIS,X,3',
    'STARTUPAXIS,Y1,5',
    'FIELDGROUP,VSM,2,3,4,5,6,8,9,10,11,14,15',
    'STARTUPGROUP,VSM',
    '[Data]',
    PPMS_VSM_COLUMNS.join(','),
  ];
}

export function ppmsVsmRows(s: SimulatedSweep, o: MpmsWriteOptions, rng: Rng, firstIndex = 0): string[] {
  const lines: string[] = [];
  for (let i = 0; i < s.temperatureK.length; i++) {
    const tK = fmt(s.temperatureK[i]);
    const cells: Record<string, string> = {
      'Time Stamp (sec)': fmt(PPMS_T0_S + (firstIndex + i) * SECONDS_PER_POINT),
      'Temperature (K)': tK,
      'Magnetic Field (Oe)': fmt(s.fieldOe[i]),
      'Moment (emu)': fmt(s.momentEmu[i]),
      'M. Std. Err. (emu)': fmt(Math.max(o.noiseEmu, 1e-10)),
      'Transport Action': '1',
      'Averaging Time (sec)': '1',
      'Frequency (Hz)': '40',
      'Peak Amplitude (mm)': '2',
      'Center Position (mm)': '35.5',
      "Coil Signal' (mV)": fmt(s.momentEmu[i] * 1.7e3),
      'Coil Signal" (mV)': fmt(1e-3 * rng.gauss()),
      'Range (mV)': '5',
      'Min. Temperature (K)': tK,
      'Max. Temperature (K)': tK,
      'Min. Field (Oe)': fmt(s.fieldOe[i]),
      'Max. Field (Oe)': fmt(s.fieldOe[i]),
      'Mass (grams)': fmt(3.1 + 0.01 * rng.gauss()),
      'Measure Count': '40',
      'Measurement Number': String(firstIndex + i + 1),
      'Temp. Status (code)': '1',
      'Field Status (code)': '1',
      'Average Temp (K)': tK,
    };
    lines.push(row(PPMS_VSM_COLUMNS, cells));
  }
  return lines;
}
