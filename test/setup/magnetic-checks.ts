/**
 * Shared steps of the magnetic analyzer's specs (libs/analysis/src/magnetic): reading a
 * virtual-instrument file back through the MultiVu parser, and the check that the analysis of a
 * ZFC sweep recovered the model's truth. One definition, so a tolerance changed for one spec is
 * changed for every spec that claims "recovers the truth".
 */
import type { MagneticTruth } from '../../libs/instruments/src/mpms-model';
import type { MagneticMetrics } from '../../libs/analysis/src/magnetic/magnetic.types';
import { toMagneticSweep } from '../../libs/analysis/src/multivu/extract';
import { parseMultiVu } from '../../libs/analysis/src/multivu/parse-multivu';

/** A MultiVu file's text → parseMultiVu → toMagneticSweep, throwing the error of a step that fails. */
export function sweepFromText(text: string) {
  const parsed = parseMultiVu(new TextEncoder().encode(text));
  if (!parsed.ok) throw parsed.error;
  const sweep = toMagneticSweep(parsed.value);
  if (!sweep.ok) throw sweep.error;
  return sweep.value;
}

/**
 * The ZFC metrics match the noise-free model: Tc,mid within 0.01 K, onset within 0.05 K, FWHM
 * within 5 %, χ(1.8 K) within 1 % and FC/ZFC within 0.02 (absolute).
 */
export function expectZfcTruth(m: MagneticMetrics, t: MagneticTruth): void {
  expect(Math.abs((m.tcMidK as number) - (t.tcMidK as number))).toBeLessThan(0.01);
  expect(Math.abs((m.tcOnsetK as number) - (t.tcOnsetK as number))).toBeLessThan(0.05);
  expect(Math.abs((m.widthFwhmK as number) / (t.widthFwhmK as number) - 1)).toBeLessThan(0.05);
  expect(Math.abs((m.chiMass1p8K as number) / t.chiMass1p8K - 1)).toBeLessThan(0.01);
  expect(Math.abs((m.fcZfcRatio as number) - t.fcZfcRatio)).toBeLessThan(0.02);
}
