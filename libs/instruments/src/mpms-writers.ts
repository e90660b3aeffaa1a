/**
 * Virtual magnetometers: write a simulated ZFC/FC sweep as a Quantum Design MultiVu `.dat` file,
 * in the dialect of MPMS3 VSM mode, MPMS3 DC-scan mode, classic MPMS-XL, or PPMS VSM, together with
 * the truth the magnetic analyzer should recover.
 */
import { MPMS3_COLUMNS, MPMS_XL_COLUMNS, PPMS_VSM_COLUMNS } from './mpms-columns';
import {
  modelTruth,
  simulateSweep,
  superconductingChi,
  type MagneticTruth,
  type SimulatedSweep,
  type SuperconductorModel,
  type SweepMode,
  type SweepPlan,
} from './mpms-model';
import { createRng, type Rng } from './rng';

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

export interface VirtualMagneticFile {
  text: string;
  fileName: string;
  truth: MagneticTruth;
  format: MpmsFormat;
  mode: SweepMode;
  massMg: number;
  fieldOe: number;
  /** The simulated points in file order, exactly as written (before number formatting). */
  sweep: SimulatedSweep;
}

/** Seconds between the OLE/Excel epoch (1899-12-30) that MPMS3 time stamps count from and 1970-01-01. */
const OLE_EPOCH_OFFSET_S = 25569 * 86400;
const SECONDS_PER_POINT = 9.7;

/** MPMS3/PPMS style: shortest round-trip form of 15 significant digits, `E-8` exponents. */
function fmt(x: number): string {
  return Number(x.toPrecision(15)).toString().replace('e', 'E').replace('E+', 'E');
}

/** MPMS-XL style: `5.397742e-002`. */
function fmtXl(x: number): string {
  const [mantissa, exponent] = x.toExponential(6).split('e');
  const e = Number(exponent);
  return `${mantissa}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(3, '0')}`;
}

function usDate(unixS: number): { date: string; time12: string; time24: string } {
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
function row(columns: readonly string[], cells: Record<string, string>): string {
  return columns.map((c) => cells[c] ?? '').join(',');
}

function mpms3Header(o: MpmsWriteOptions, unixS: number, sampleComment = `ribbon ${o.mode} ${o.fieldOe} Oe`): string[] {
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
    `INFO,${o.sampleName ?? 'La75Al25'},SAMPLE_MATERIAL`,
    `INFO,${sampleComment},SAMPLE_COMMENT`,
    `INFO,${o.massMg},SAMPLE_MASS`,
    'INFO,,SAMPLE_VOLUME',
    'INFO,,SAMPLE_MOLECULAR_WEIGHT',
    'INFO,,SAMPLE_SIZE',
    'INFO,,SAMPLE_SHAPE',
    'INFO,Quartz,SAMPLE_HOLDER',
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

function mpms3Rows(s: SimulatedSweep, o: MpmsWriteOptions, unixS: number, dcScan: boolean, rng: Rng, firstIndex = 0): string[] {
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

function mpmsXlHeader(
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

function mpmsXlRows(s: SimulatedSweep, o: MpmsWriteOptions, unixS: number, rng: Rng, firstIndex = 0): string[] {
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

/** PPMS time stamps are a small instrument-relative counter, not an absolute date. */
const PPMS_T0_S = 13808301.33;

function ppmsVsmHeader(o: MpmsWriteOptions, unixS: number, sampleComment = `ribbon ${o.mode} ${o.fieldOe} Oe`): string[] {
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
    `INFO,${o.sampleName ?? 'La75Al25'},SAMPLE_MATERIAL`,
    `INFO,${sampleComment},SAMPLE_COMMENT`,
    `INFO,${o.massMg},SAMPLE_MASS`,
    'INFO,,SAMPLE_VOLUME',
    'INFO,,SAMPLE_MOLECULAR_WEIGHT',
    'INFO,,SAMPLE_SIZE',
    'INFO,,SAMPLE_SHAPE',
    'INFO,Quartz,SAMPLE_HOLDER',
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

function ppmsVsmRows(s: SimulatedSweep, o: MpmsWriteOptions, rng: Rng, firstIndex = 0): string[] {
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

/** The header of `format`; `describe` replaces the single sweep's "ZFC 20 Oe" (a sequence file's own comment). */
function headerLines(
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
function commentRow(format: MpmsFormat, text: string, unixS: number, index: number): string {
  const quoted = `"${text}"`;
  if (format === 'MPMS_XL') return `${row(MPMS_XL_COLUMNS, { Comment: quoted, Time: (unixS + index * 12.3).toFixed(3) })},`;
  // MPMS3 and PPMS write such a row short: only Comment and Time Stamp, the first two columns.
  const time = format === 'PPMS_VSM' ? PPMS_T0_S + index * SECONDS_PER_POINT : unixS + OLE_EPOCH_OFFSET_S + index * SECONDS_PER_POINT;
  return `${quoted},${fmt(time)}`;
}

function sweepRows(format: MpmsFormat, s: SimulatedSweep, o: MpmsWriteOptions, unixS: number, rng: Rng, firstIndex: number): string[] {
  if (format === 'MPMS_XL') return mpmsXlRows(s, o, unixS, rng, firstIndex);
  if (format === 'PPMS_VSM') return ppmsVsmRows(s, o, rng, firstIndex);
  return mpms3Rows(s, o, unixS, format === 'MPMS3_DC', rng, firstIndex);
}

/** An M(H) loop at fixed temperature: 0 → +H → −H → +H, `points` field steps. */
export interface LoopPlan {
  kind: 'loop';
  temperatureK: number;
  maxFieldOe: number;
  points: number;
  noiseEmu: number;
  comment?: string;
}

/** One χ(T) sweep of a sequence (mode, direction, field, range, noise), optionally after a comment row. */
export interface SequenceSweepPlan extends Omit<SweepPlan, 'massMg'> {
  kind?: 'sweep';
  comment?: string;
}

export interface SequenceOptions {
  seed: number;
  massMg: number;
  segments: (SequenceSweepPlan | LoopPlan)[];
  sampleName?: string;
  startUnixS?: number;
  /** SAMPLE_COMMENT (MPMS3, PPMS) / sequence file name (MPMS-XL); default "ZFC/FC sequence". */
  description?: string;
  /** MPMS-XL only: the WEIGHT text as written (e.g. "0.000" for a file with no mass). */
  weightText?: string;
}

export interface VirtualSequenceFile {
  text: string;
  fileName: string;
  format: MpmsFormat;
  massMg: number;
  /** Per segment in file order: the truth of each χ(T) sweep (null for M(H) loops). */
  truths: (MagneticTruth | null)[];
  sweeps: SimulatedSweep[];
}

/**
 * M(H) at one temperature: the superconducting χ(T) screens fields well below an effective
 * penetration field (H* = maxField/4), fading linearly to the background above it.
 */
function simulateLoop(model: SuperconductorModel, plan: LoopPlan, massMg: number, rng: Rng): SimulatedSweep {
  const out: SimulatedSweep = { temperatureK: [], momentEmu: [], fieldOe: [] };
  const hStar = plan.maxFieldOe / 4;
  const sc = superconductingChi(model, plan.temperatureK, 'ZFC');
  const background = model.backgroundChiEmuPerGOe + model.backgroundSlopeEmuPerGOeK * plan.temperatureK;
  for (let i = 0; i < plan.points; i++) {
    // 0 → +1 → −1 → +1 over the loop, as a triangle wave in units of maxField.
    const u = (4 * i) / (plan.points - 1);
    const h = plan.maxFieldOe * (u <= 1 ? u : u <= 3 ? 2 - u : u - 4);
    const screened = Math.max(0, 1 - Math.abs(h) / hStar);
    out.temperatureK.push(plan.temperatureK + 0.002 * rng.gauss());
    out.fieldOe.push(h);
    out.momentEmu.push((sc * screened + background) * h * massMg * 1e-3 + plan.noiseEmu * rng.gauss());
  }
  return out;
}

/**
 * One file holding several segments in time order, as an MPMS sequence writes them: e.g. a ZFC
 * warming sweep then an FC sweep in the same field, sweeps at two fields, or an M(H) loop beside
 * them. Each sweep's truth is modelTruth over its own temperatures.
 */
export function writeMpmsSequence(format: MpmsFormat, model: SuperconductorModel, options: SequenceOptions): VirtualSequenceFile {
  const rng = createRng(options.seed);
  const unixS = options.startUnixS ?? 1709283600;
  const first = options.segments.find((p): p is SequenceSweepPlan => p.kind !== 'loop');
  const base: MpmsWriteOptions = {
    mode: first?.mode ?? 'ZFC',
    direction: 'up',
    fieldOe: first?.fieldOe ?? 0,
    massMg: options.massMg,
    noiseEmu: 0,
    seed: options.seed,
    ...(options.sampleName !== undefined && { sampleName: options.sampleName }),
  };
  const description = options.description ?? 'ZFC/FC sequence';
  const lines = headerLines(format, base, unixS, {
    comment: description,
    sequenceFile: `${description.replace(/[^A-Za-z0-9]+/g, '_')}.seq`,
    ...(options.weightText !== undefined && { weightText: options.weightText }),
  });
  const truths: (MagneticTruth | null)[] = [];
  const sweeps: SimulatedSweep[] = [];
  let index = 0;
  for (const plan of options.segments) {
    if (plan.comment !== undefined) lines.push(commentRow(format, plan.comment, unixS, index));
    let sweep: SimulatedSweep;
    if (plan.kind === 'loop') {
      sweep = simulateLoop(model, plan, options.massMg, rng);
      truths.push(null);
      lines.push(...sweepRows(format, sweep, { ...base, noiseEmu: plan.noiseEmu, fieldOe: plan.maxFieldOe }, unixS, rng, index));
    } else {
      const o: MpmsWriteOptions = { ...base, ...plan, massMg: options.massMg };
      sweep = simulateSweep(model, o, rng);
      const minK = Math.min(...sweep.temperatureK);
      const maxK = Math.max(...sweep.temperatureK);
      truths.push(modelTruth(model, { mode: plan.mode, minK, maxK, noiseEmu: plan.noiseEmu, fieldOe: plan.fieldOe, massMg: options.massMg }));
      lines.push(...sweepRows(format, sweep, o, unixS, rng, index));
    }
    sweeps.push(sweep);
    index += sweep.temperatureK.length;
  }
  return {
    text: lines.join('\n') + '\n',
    fileName: `${options.sampleName ?? 'La75Al25'}_sequence_${FILE_TAGS[format]}`,
    format,
    massMg: options.massMg,
    truths,
    sweeps,
  };
}

const FILE_TAGS: Record<MpmsFormat, string> = { MPMS3_VSM: 'MPMS3-VSM.dat', MPMS3_DC: 'MPMS3-DC.dat', MPMS_XL: 'MPMSXL.dc.dat', PPMS_VSM: 'PPMS-VSM.dat' };

/**
 * Simulate one sweep of `model` per `options` (seeded) and write it in `format`. The truth is
 * `modelTruth` over the temperatures actually written, with the same noise level.
 */
export function writeMpmsFile(format: MpmsFormat, model: SuperconductorModel, options: MpmsWriteOptions): VirtualMagneticFile {
  const rng = createRng(options.seed);
  const sweep = simulateSweep(model, options, rng);
  const unixS = options.startUnixS ?? 1709283600;
  // A VSM-mode MPMS3 sequence often logs a quoted comment row with only Comment and Time Stamp.
  const comment = format === 'MPMS3_VSM' ? [commentRow(format, `${options.mode}, ${options.fieldOe}`, unixS, 0)] : [];
  const lines = [...headerLines(format, options, unixS), ...comment, ...sweepRows(format, sweep, options, unixS, rng, 0)];
  let minK = Infinity;
  let maxK = -Infinity;
  for (const t of sweep.temperatureK) {
    minK = Math.min(minK, t);
    maxK = Math.max(maxK, t);
  }
  const truth = modelTruth(model, { mode: options.mode, minK, maxK, noiseEmu: options.noiseEmu, fieldOe: options.fieldOe, massMg: options.massMg });
  const eol = options.lineEnding ?? '\n';
  return {
    text: lines.join(eol) + eol,
    fileName: `${options.sampleName ?? 'La75Al25'}_${options.mode}_${options.fieldOe}Oe_${options.direction}_${FILE_TAGS[format]}`,
    truth,
    format,
    mode: options.mode,
    massMg: options.massMg,
    fieldOe: options.fieldOe,
    sweep,
  };
}

/** MPMS3 in VSM mode: `Moment (emu)` filled, DC columns empty; starts with a quoted comment row. */
export const writeMpms3Vsm = (model: SuperconductorModel, options: MpmsWriteOptions): VirtualMagneticFile => writeMpmsFile('MPMS3_VSM', model, options);
/** MPMS3 in DC-scan mode: `Moment (emu)` empty, `DC Moment Free Ctr (emu)` filled. */
export const writeMpms3Dc = (model: SuperconductorModel, options: MpmsWriteOptions): VirtualMagneticFile => writeMpmsFile('MPMS3_DC', model, options);
/** Classic MPMS-XL: `Long Moment (emu)`, `Field (Oe)`, key-first `INFO, WEIGHT`, blank header lines, trailing commas. */
export const writeMpmsXl = (model: SuperconductorModel, options: MpmsWriteOptions): VirtualMagneticFile => writeMpmsFile('MPMS_XL', model, options);
/** PPMS VSM option: `BYAPP,VSM,1.0,1.0`, value-first `INFO,<mg>,SAMPLE_MASS`. */
export const writePpmsVsm = (model: SuperconductorModel, options: MpmsWriteOptions): VirtualMagneticFile => writeMpmsFile('PPMS_VSM', model, options);
