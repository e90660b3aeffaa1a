/** MPMS3 `.dat` (VSM and DC-scan modes): header and data rows of a simulated sweep. */
import { MPMS3_COLUMNS } from './mpms-columns';
import { fmt, OLE_EPOCH_OFFSET_S, row, sampleInfoLines, SECONDS_PER_POINT, usDate, type MpmsWriteOptions } from './mpms-dat';
import type { SimulatedSweep } from './mpms-model';
import type { Rng } from './rng';

export function mpms3Header(o: MpmsWriteOptions, unixS: number, sampleComment = `ribbon ${o.mode} ${o.fieldOe} Oe`): string[] {
  const when = usDate(unixS);
  return [
    '[Header]',
    '; MPMS3 Data File (default extension .dat)',
    '; Copyright (c) 2007, Quantum Design, Inc. All rights reserved.',
    'TITLE,',
    `FILEOPENTIME,${(unixS + OLE_EPOCH_OFFSET_S).toFixed(4)},${when.date},${when.time12}`,
    'BYAPP,MPMS3 w/ AC,1.0,1.1',
    'INFO,MPMS3 Measurement Release 1.1.16 Build 424, MultiVu Release 2.3.4.19,APPNAME',
    'INFO,Linear Motor Servo Controller,MOTOR_MODULE_NAME',
    'INFO,Quantum Design Squid Module,SQUID_MODULE_NAME',
    'INFO,SQUID AC,AC_MODULE_NAME',
    'INFO,0,MOMENT_UNITS',
    ...sampleInfoLines(o, sampleComment),
    'INFO,Standard,SAMPLE_HOLDER_DETAIL',
    'INFO,66.25,SAMPLE_OFFSET',
    'DATATYPE,COMMENT,1',
    'DATATYPE,TIME,2',
    'STARTUPAXIS,X,2',
    'STARTUPAXIS,Y1,5',
    'FIELDGROUP, VSM,2,3,4,5,6,8,9,10,11,14,15',
    'FIELDGROUP, DC, 2,3,4,14,56,57,58,59,60,61,62,63,64,65,66,67,68,69',
    'FIELDGROUP, AC, 2,3,4,11,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30',
    'STARTUPGROUP, All',
    '[Data]',
    MPMS3_COLUMNS.join(','),
  ];
}

export function mpms3Rows(s: SimulatedSweep, o: MpmsWriteOptions, unixS: number, dcScan: boolean, rng: Rng, firstIndex = 0): string[] {
  const lines: string[] = [];
  const t0 = unixS + OLE_EPOCH_OFFSET_S + firstIndex * SECONDS_PER_POINT;
  const err = Math.max(o.noiseEmu, 1e-10);
  for (let i = 0; i < s.temperatureK.length; i++) {
    const tK = fmt(s.temperatureK[i]);
    const cells: Record<string, string> = {
      'Time Stamp (sec)': fmt(t0 + 1 + i * SECONDS_PER_POINT),
      'Temperature (K)': tK,
      'Magnetic Field (Oe)': fmt(s.fieldOe[i]),
      'Min. Temperature (K)': tK,
      'Max. Temperature (K)': tK,
      'Min. Field (Oe)': fmt(s.fieldOe[i]),
      'Max. Field (Oe)': fmt(s.fieldOe[i]),
      'Pressure (Torr)': fmt(3.9 + 0.05 * rng.next()),
      'Measure Count': dcScan ? '1' : '26',
      'Measurement Number': '1',
      'SQUID Status (code)': '0',
      'Motor Status (code)': '0',
      'Measure Status (code)': '0',
      'Motor Current (amps)': fmt(0.28 + 0.01 * rng.next()),
      'Motor Temp. (C)': '32.7468223571777',
      'Temp. Status (code)': '1',
      'Field Status (code)': '1',
      'Chamber Status (code)': '1',
      'Chamber Temp (K)': tK,
      'Redirection State': '0',
      'Evercool Status': '4232058816',
      'Average Temp (K)': tK,
    };
    if (dcScan) {
      Object.assign(cells, {
        'Transport Action': '6',
        'Center Position (mm)': '32.7646668247293',
        Range: '100',
        'DC Moment Fixed Ctr (emu)': fmt(s.momentEmu[i] * 0.99),
        'DC Moment Err Fixed Ctr (emu)': fmt(err * 1.1),
        'DC Moment Free Ctr (emu)': fmt(s.momentEmu[i]),
        'DC Moment Err Free Ctr (emu)': fmt(err),
        'DC Fixed Fit': fmt(0.86 + 0.01 * rng.next()),
        'DC Free Fit': fmt(0.985 + 0.01 * rng.next()),
        'DC Calculated Center (mm)': fmt(32.22 + 0.01 * rng.next()),
        'DC Calculated Center Err (mm)': '0',
        'DC Scan Length (mm)': '35',
        'DC Scan Time (s)': '4',
        'DC Number of Points': '200',
        'DC Squid Drift': fmt(6e-5 * rng.next()),
        'DC Min V (V)': '-0.172358527779579',
        'DC Max V (V)': '0.0373133979737759',
        'DC Scans per Measure': '1',
      });
    } else {
      Object.assign(cells, {
        'Moment (emu)': fmt(s.momentEmu[i]),
        'M. Std. Err. (emu)': fmt(err),
        'Transport Action': '1',
        'Averaging Time (sec)': '2',
        'Frequency (Hz)': '13.0063810348511',
        'Peak Amplitude (mm)': fmt(5 + 0.005 * rng.gauss()),
        'Center Position (mm)': '31.920000910759',
        Range: '1',
        'Mass (grams)': fmt(55.2 + 0.1 * rng.gauss()),
        'Motor Lag (deg)': fmt(5.53 + 0.02 * rng.gauss()),
      });
    }
    lines.push(row(MPMS3_COLUMNS, cells));
  }
  return lines;
}
