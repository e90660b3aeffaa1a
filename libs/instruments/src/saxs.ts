/**
 * Virtual SAXS camera: a homogeneous glass scatters as a smooth power law I = A q^slope, plus a
 * flat background B (incoherent and thermal diffuse scattering, detector dark level); a
 * heterogeneous variant adds a Gaussian bump (nanoscale density fluctuation at q ≈ 2π/d).
 * Gaussian noise with a relative σ that is also written to the file.
 */
import { createRng } from './rng';

export interface SaxsSampleModel {
  /** Power-law exponent (negative), e.g. −3. */
  slope: number;
  /** I at q = 0.01 Å⁻¹ (arbitrary units, e.g. cm⁻¹). */
  intensityAt001: number;
  /** Optional bump: Gaussian in q, amplitude relative to the power law at its centre. */
  bump?: { qInvA: number; widthInvA: number; relAmplitude: number };
  /** Flat background B, same units as the intensity; 0 when absent. */
  backgroundB?: number;
}

export type SaxsFormat = 'q-i-sigma' | 'q-i' | 'q-i-sigma-nm' | 'rkh' | '4col';

export interface SaxsInstrumentOptions {
  format?: SaxsFormat;
  qMinInvA?: number;
  qMaxInvA?: number;
  points?: number;
  /** Relative σ of each intensity (counting statistics after reduction). */
  relSigma?: number;
  seed?: number;
  name?: string;
}

export interface SaxsTruth {
  slope: number;
  /** −slope: the exponent n of I = A·q^−n + B. */
  powerLawN: number;
  backgroundB: number;
  homogeneous: boolean;
  bumpQInvA?: number;
}

export interface VirtualSaxsFile {
  text: string;
  bytes: Uint8Array;
  fileName: string;
  truth: SaxsTruth;
}

/** Homogeneous La75Al25 glass (slope −3) or the same with a bump at 0.06 Å⁻¹ (d ≈ 10 nm). */
export function laAlSaxsModel(withBump = false): SaxsSampleModel {
  return { slope: -3, intensityAt001: 1e4, bump: withBump ? { qInvA: 0.06, widthInvA: 0.006, relAmplitude: 0.25 } : undefined };
}

/**
 * A homogeneous glass as the study measured it: Porod's law (n = 4, sharp interfaces of the ribbon)
 * on a flat background that dominates above ≈ 0.1 Å⁻¹, so a bare power law fitted in log–log would
 * give n ≈ 2; `withBump` adds the density-fluctuation bump at 0.06 Å⁻¹.
 */
export function glassSaxsModel(withBump = false): SaxsSampleModel {
  return { ...laAlSaxsModel(withBump), slope: -4, intensityAt001: 1e4, backgroundB: 3 };
}

/** Model intensity at q (Å⁻¹). */
export function saxsModelIntensity(model: SaxsSampleModel, q: number): number {
  const power = model.intensityAt001 * (q / 0.01) ** model.slope;
  const b = model.bump;
  const structured = b ? power * (1 + b.relAmplitude * Math.exp(-0.5 * ((q - b.qInvA) / b.widthInvA) ** 2)) : power;
  return structured + (model.backgroundB ?? 0);
}

const e = (v: number): string => v.toExponential(6);

/** Write one virtual SAXS file; q is log-spaced. */
export function virtualSaxs(model: SaxsSampleModel, options: SaxsInstrumentOptions = {}): VirtualSaxsFile {
  const format = options.format ?? 'q-i-sigma';
  const n = options.points ?? 150;
  const qMin = options.qMinInvA ?? 0.005;
  const qMax = options.qMaxInvA ?? 0.3;
  const rel = options.relSigma ?? 0.02;
  const rng = createRng(options.seed ?? 1);
  const name = options.name ?? 'La75Al25';
  const rows = Array.from({ length: n }, (_, i) => {
    const q = qMin * (qMax / qMin) ** (i / (n - 1));
    const mean = saxsModelIntensity(model, q);
    const sigma = rel * mean;
    return { q, i: mean + sigma * rng.gauss(), s: sigma };
  });
  let text: string;
  let fileName: string;
  if (format === 'q-i') {
    text = ['# Vitrack virtual SAXS', '# q(A^-1) I(cm^-1)', ...rows.map((r) => `${e(r.q)} ${e(r.i)}`)].join('\n') + '\n';
    fileName = `${name}_saxs.dat`;
  } else if (format === 'q-i-sigma-nm') {
    text = ['# Vitrack virtual SAXS', '# q (nm^-1)\tI (cm^-1)\tsigma', ...rows.map((r) => `${e(r.q * 10)}\t${e(r.i)}\t${e(r.s)}`)].join('\n') + '\n';
    fileName = `${name}_saxs_nm.dat`;
  } else if (format === 'rkh') {
    const head = [
      ` Vitrack virtual SAXS ${name}`,
      ' Wav  1.54 > 1.54',
      `${String(n).padStart(5)}    0    0    0    1${String(n).padStart(5)}    0`,
      '         0         0         0         0',
      ' 3 (F12.5,2E16.6)',
    ];
    text = [...head, ...rows.map((r) => `${r.q.toFixed(5).padStart(12)}${e(r.i).padStart(16)}${e(r.s).padStart(16)}`)].join('\n') + '\n';
    fileName = `${name}_rkh.txt`;
  } else if (format === '4col') {
    text = rows.map((r) => ` ${e(r.q)}\t ${e(r.i)}\t ${e(r.i * 1.19e-6)}\t ${e(r.s)}`).join('\n') + '\n';
    fileName = `${name}_4col.txt`;
  } else {
    text = ['# Vitrack virtual SAXS', '# q(A^-1),I(cm^-1),sigma', ...rows.map((r) => `${e(r.q)},${e(r.i)},${e(r.s)}`)].join('\n') + '\n';
    fileName = `${name}_saxs.csv`;
  }
  const truth: SaxsTruth = {
    slope: model.slope,
    powerLawN: -model.slope,
    backgroundB: model.backgroundB ?? 0,
    homogeneous: !model.bump,
    bumpQInvA: model.bump?.qInvA,
  };
  return { text, bytes: new TextEncoder().encode(text), fileName, truth };
}
