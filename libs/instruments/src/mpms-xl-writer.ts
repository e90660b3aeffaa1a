/** Classic MPMS-XL `.dat`: header and data rows of a simulated sweep. */
import { MPMS_XL_COLUMNS } from './mpms-columns';
import { row, usDate, type MpmsWriteOptions } from './mpms-dat';
import type { SimulatedSweep } from './mpms-model';
import type { Rng } from './rng';

/** MPMS-XL style: `5.397742e-002`. */
function fmtXl(x: number): string {
  const [mantissa, exponent] = x.toExponential(6).split('e');
  const e = Number(exponent);
  return `${mantissa}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(3, '0')}`;
}

export function mpmsXlHeader(
  o: MpmsWriteOptions,
  unixS: number,
  sequenceFile = `${o.mode.toLowerCase()}_${o.fieldOe}oe.seq`,
  weightText = o.massMg.toFixed(3),
): string[] {
  const when = usDate(unixS);
  return [
    '[Header]',
    'TITLE,MPMS DC Measurement',
    'BYAPP,MPMS Measurement,2.1,Summary',
    `FILEOPENTIME, ${unixS.toFixed(6)} ${when.date}, ${when.time24}`,
    '',
    'INFO, APPNAME, MPMS MultiVu Application, Revision 1.60,  Build 081',
    '',
    `INFO, NAME, ${o.sampleName ?? 'La75Al25'}`,
    `INFO, WEIGHT, ${weightText}`,
    'INFO, AREA, 0.000',
    'INFO, LENGTH, 0.000',
    'INFO, SHAPE, 0',
    'INFO, COMMENT, ',
    `INFO, SEQUENCE FILE: ${sequenceFile}`,
    '',
    '',
    'INFO, BACKGROUND DATA FILE:, None',
    '',
    '',
    'STARTUPAXIS,X,4,LINEAR,AUTO,0.000000,0.000000',
    'STARTUPAXIS,Y1,5,LINEAR,AUTO,0.000000,0.000000',
    '',
    '',
    'STARTUPGROUP,Longitudinal',
    'FIELDGROUP,Longitudinal,1,2,3,4,5,6,7,8,9,15,16,17,18,27,28',
    'FIELDGROUP,Transverse,1,2,3,4,10,11,12,13,14,19,20,21,22,27,28',
    '',
    'PLOT_APPEARANCE,ALL,HORZ_GRID_ON,VERT_GRID_ON,MARKERS_AND_LINES',
    '',
    '[Data]',
    `${MPMS_XL_COLUMNS.join(',')},`,
  ];
}

export function mpmsXlRows(s: SimulatedSweep, o: MpmsWriteOptions, unixS: number, rng: Rng, firstIndex = 0): string[] {
  const lines: string[] = [];
  for (let i = 0; i < s.temperatureK.length; i++) {
    const cells: Record<string, string> = {
      Time: (unixS + (firstIndex + i) * 12.3).toFixed(3),
      'Field (Oe)': fmtXl(s.fieldOe[i]),
      'Temperature (K)': fmtXl(s.temperatureK[i]),
      'Long Moment (emu)': fmtXl(s.momentEmu[i]),
      'Long Scan Std Dev': fmtXl(Math.max(o.noiseEmu, 1e-10)),
      'Long Algorithm': '3',
      'Long Reg Fit': fmtXl(0.988 + 0.002 * rng.next()),
      'Long Percent Error (%)': fmtXl(0),
      'Points per Scan': '18',
      'Scans per Measurement': '1',
      'Scan Length (cm)': fmtXl(4),
      'Delta Temp (K)': fmtXl(0.003 * rng.next()),
      'Rot Position (deg)': fmtXl(0),
      Error: '0',
      'EC Comp. Running': '0',
      'Using ABS': '0',
    };
    lines.push(`${row(MPMS_XL_COLUMNS, cells)},`);
  }
  return lines;
}
