/**
 * Virtual MPMS sequences: one file holding several segments in time order (ZFC then FC, two
 * fields, an M(H) loop), in any MultiVu dialect, with the truth of each χ(T) sweep.
 */
import { type MpmsFormat, type MpmsWriteOptions } from './mpms-dat';
import { commentRow, FILE_TAGS, headerLines, sweepRows } from './mpms-dialects';
import { modelTruth, simulateSweep, superconductingChi, type MagneticTruth, type SimulatedSweep, type SuperconductorModel, type SweepPlan } from './mpms-model';
import { createRng, type Rng } from './rng';

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
