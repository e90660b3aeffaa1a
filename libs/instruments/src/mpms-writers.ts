/**
 * Virtual magnetometers: write a simulated ZFC/FC sweep as a Quantum Design MultiVu `.dat` file,
 * in the dialect of MPMS3 VSM mode, MPMS3 DC-scan mode, classic MPMS-XL, or PPMS VSM, together with
 * the truth the magnetic analyzer should recover. Each dialect has its own file (mpms3-writer,
 * mpms-xl-writer, ppms-vsm-writer); sequences of several segments are in mpms-sequence.
 */
import { type MpmsFormat, type MpmsWriteOptions } from './mpms-dat';
import { commentRow, FILE_TAGS, headerLines, sweepRows } from './mpms-dialects';
import { modelTruth, simulateSweep, type MagneticTruth, type SimulatedSweep, type SuperconductorModel, type SweepMode } from './mpms-model';
import { createRng } from './rng';

export { MPMS_FORMATS, type MpmsFormat, type MpmsWriteOptions } from './mpms-dat';
export * from './mpms-sequence';

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
