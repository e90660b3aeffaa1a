/**
 * Virtual X-ray diffractometer: a La75Al25 glass pattern built from a physical model (amorphous
 * halos as pseudo-Voigt peaks on a smooth background, optional narrow Bragg peaks of a
 * crystallised sample), with counting noise, written in the formats the XRD parser reads.
 */
import { createRng, Rng } from './rng';

/** One pseudo-Voigt halo or Bragg peak; amplitude relative to the principal halo's height. */
export interface XrdPeak {
  qInvA: number;
  fwhmInvA: number;
  /** Lorentzian fraction of the pseudo-Voigt, 0–1. */
  eta: number;
  amplitude: number;
}

export interface XrdSampleModel {
  /** Amorphous halos; the first is the principal peak (q1). */
  halos: XrdPeak[];
  braggPeaks: XrdPeak[];
  /**
   * Smooth background, relative to the principal halo's height: c0 + cLow·exp(−q/qDecay) +
   * cHigh·(1 − exp(−q²/qHigh²)) + rise·exp((q − qRise)/riseWidth) (a raw pattern's intensity rising
   * at its high-angle end: fluorescence, the next halo, the sample holder).
   */
  background: {
    c0: number;
    cLow: number;
    qDecayInvA: number;
    cHigh: number;
    qHighInvA: number;
    rise?: { amplitude: number; qInvA: number; widthInvA: number };
  };
}

/** 'chi-q': Fit2D `.chi` integrated in q, headed `Q (Inverse Nanometres)` (x in nm⁻¹). */
export type XrdFormat = 'xy-2theta' | 'xy-q' | 'chi' | 'chi-q' | 'csv' | 'xrdml';

export interface XrdInstrumentOptions {
  format?: XrdFormat;
  wavelengthA?: number;
  twoThetaMinDeg?: number;
  twoThetaMaxDeg?: number;
  stepDeg?: number;
  /** q grid for 'xy-q' output, Å⁻¹. */
  qMinInvA?: number;
  qMaxInvA?: number;
  qStepInvA?: number;
  /** Expected counts at the top of the principal halo (sets the counting noise). */
  peakCounts?: number;
  seed?: number;
  name?: string;
}

export interface XrdTruth {
  q1InvA: number;
  fwhmInvA: number;
  eta: number;
  crystalline: boolean;
  braggPeaksInvA: number[];
  wavelengthA: number;
  xKind: 'twoThetaDeg' | 'qInvA';
}

export interface VirtualXrdFile {
  text: string;
  bytes: Uint8Array;
  fileName: string;
  truth: XrdTruth;
}

const LN2 = Math.LN2;

function pv(q: number, p: XrdPeak): number {
  const u = ((q - p.qInvA) / p.fwhmInvA) ** 2;
  return p.amplitude * (p.eta / (1 + 4 * u) + (1 - p.eta) * Math.exp(-4 * LN2 * u));
}

/** Model intensity at q (Å⁻¹), in units of the principal halo's height. */
export function xrdModelIntensity(model: XrdSampleModel, q: number): number {
  const b = model.background;
  let y = b.c0 + b.cLow * Math.exp(-q / b.qDecayInvA) + b.cHigh * (1 - Math.exp(-((q / b.qHighInvA) ** 2)));
  if (b.rise) y += b.rise.amplitude * Math.exp((q - b.rise.qInvA) / b.rise.widthInvA);
  for (const h of model.halos) y += pv(q, h);
  for (const p of model.braggPeaks) y += pv(q, p);
  return y;
}

/** Hexagonal d-spacing → q = 2π/d for dhcp α-La (a = 3.770 Å, c = 12.159 Å). */
function alphaLaQ(h: number, k: number, l: number): number {
  const a = 3.77;
  const c = 12.159;
  const invD2 = ((4 / 3) * (h * h + h * k + k * k)) / (a * a) + (l * l) / (c * c);
  return 2 * Math.PI * Math.sqrt(invD2);
}

export interface LaAlState {
  /** Shift q1 by this many percent (annealing in the study: +0.16 %). */
  q1ShiftPct?: number;
  /** Change the principal FWHM by this many percent (annealing: −3.8 %). */
  fwhmChangePct?: number;
  /** Add α-La Bragg peaks on a weakened halo (crystallisation control above Tx). */
  crystallized?: boolean;
  q1InvA?: number;
  fwhmInvA?: number;
  /**
   * A raw (not background-corrected) lab pattern: air and holder scatter falling steeply from low
   * angle (× 40 the halo at q = 0), so the halo is only a shoulder, and intensity rising at the
   * high-angle end.
   */
  rawBackground?: boolean;
}

/**
 * La75Al25 glass: principal halo at q1 ≈ 2.20 Å⁻¹ (FWHM ≈ 0.46 Å⁻¹), second halo at ≈ 1.84 q1,
 * air scatter at low q and a Compton-like rise at high q.
 */
export function laAlXrdModel(state: LaAlState = {}): XrdSampleModel {
  const q1 = (state.q1InvA ?? 2.2) * (1 + (state.q1ShiftPct ?? 0) / 100);
  const fwhm = (state.fwhmInvA ?? 0.46) * (1 + (state.fwhmChangePct ?? 0) / 100);
  const braggPeaks: XrdPeak[] = state.crystallized
    ? [
        [1, 0, 0, 0.9],
        [0, 0, 4, 0.6],
        [1, 0, 2, 0.7],
        [1, 0, 4, 1.4],
        [1, 1, 0, 1.0],
        [2, 0, 2, 0.4],
      ].map(([h, k, l, amp]) => ({ qInvA: alphaLaQ(h, k, l), fwhmInvA: 0.012, eta: 0.5, amplitude: amp }))
    : [];
  return {
    halos: [
      { qInvA: q1, fwhmInvA: fwhm, eta: 0.35, amplitude: state.crystallized ? 0.4 : 1 },
      { qInvA: 1.84 * q1, fwhmInvA: 1.5 * fwhm, eta: 0.3, amplitude: 0.3 },
    ],
    braggPeaks,
    background: state.rawBackground
      ? { c0: 0.15, cLow: 40, qDecayInvA: 0.55, cHigh: 0.2, qHighInvA: 5, rise: { amplitude: 1.5, qInvA: 5, widthInvA: 0.25 } }
      : { c0: 0.15, cLow: 0.8, qDecayInvA: 0.5, cHigh: 0.2, qHighInvA: 5 },
  };
}

/** Counting noise: Poisson for small means (Knuth), Gaussian with variance = mean above 30. */
function countingNoise(mean: number, rng: Rng): number {
  if (mean <= 0) return 0;
  if (mean < 30) {
    const limit = Math.exp(-mean);
    let k = 0;
    let p = rng.next();
    while (p > limit && k < 1000) {
      k++;
      p *= rng.next();
    }
    return k;
  }
  return Math.max(0, Math.round(mean + Math.sqrt(mean) * rng.gauss()));
}

const qOf = (twoThetaDeg: number, wavelengthA: number): number => (4 * Math.PI * Math.sin((twoThetaDeg * Math.PI) / 360)) / wavelengthA;

function grid(min: number, max: number, step: number): number[] {
  const n = Math.floor((max - min) / step + 1e-9) + 1;
  return Array.from({ length: n }, (_, i) => Number((min + i * step).toFixed(10)));
}

const sci = (v: number): string => {
  const [m, e] = v.toExponential(9).split('e');
  const exp = Number(e);
  return `${m}E${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`.toUpperCase();
};

function xrdmlText(twoTheta: number[], counts: number[], wavelengthA: number, name: string): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<xrdMeasurements xmlns="http://www.xrdml.com/XRDMeasurement/1.6" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" status="Completed">',
    `\t<sample type="To be analyzed"><id>${name}</id><name>${name}</name></sample>`,
    '\t<xrdMeasurement measurementType="Scan" status="Completed" sampleMode="Reflection">',
    '\t\t<usedWavelength intended="K-Alpha 1">',
    `\t\t\t<kAlpha1 unit="Angstrom">${wavelengthA.toFixed(7)}</kAlpha1>`,
    '\t\t\t<kAlpha2 unit="Angstrom">1.5444260</kAlpha2>',
    '\t\t\t<ratioKAlpha2KAlpha1>0.5000</ratioKAlpha2KAlpha1>',
    '\t\t</usedWavelength>',
    '\t\t<scan appendNumber="0" mode="Continuous" scanAxis="Gonio" status="Completed">',
    '\t\t\t<dataPoints>',
    '\t\t\t\t<positions axis="2Theta" unit="deg">',
    `\t\t\t\t\t<startPosition>${twoTheta[0].toFixed(8)}</startPosition>`,
    `\t\t\t\t\t<endPosition>${twoTheta[twoTheta.length - 1].toFixed(8)}</endPosition>`,
    '\t\t\t\t</positions>',
    '\t\t\t\t<commonCountingTime unit="seconds">40.000</commonCountingTime>',
    `\t\t\t\t<intensities unit="counts">${counts.join(' ')}</intensities>`,
    '\t\t\t</dataPoints>',
    '\t\t</scan>',
    '\t</xrdMeasurement>',
    '</xrdMeasurements>',
  ];
  return lines.join('\r\n') + '\r\n';
}

/**
 * Write one virtual XRD file of `model` with seeded counting noise. Truth carries q1 and FWHM of
 * the principal halo (the pseudo-Voigt parameters, the analyzer's definition) and the Bragg peaks.
 */
export function virtualXrd(model: XrdSampleModel, options: XrdInstrumentOptions = {}): VirtualXrdFile {
  const format = options.format ?? 'xy-2theta';
  const wavelengthA = options.wavelengthA ?? 1.5406;
  const peakCounts = options.peakCounts ?? 20000;
  const rng = createRng(options.seed ?? 1);
  const name = options.name ?? 'La75Al25';
  const halo = model.halos[0];
  const scale = peakCounts / halo.amplitude;
  const truth: XrdTruth = {
    q1InvA: halo.qInvA,
    fwhmInvA: halo.fwhmInvA,
    eta: halo.eta,
    crystalline: model.braggPeaks.length > 0,
    braggPeaksInvA: model.braggPeaks.map((p) => p.qInvA).sort((a, b) => a - b),
    wavelengthA,
    xKind: format === 'xy-q' || format === 'chi-q' ? 'qInvA' : 'twoThetaDeg',
  };
  const counts = (q: number): number => countingNoise(scale * xrdModelIntensity(model, q), rng);

  let text: string;
  let fileName: string;
  if (format === 'chi-q') {
    const q = grid(options.qMinInvA ?? 1.0, options.qMaxInvA ?? 5.0, options.qStepInvA ?? 0.004);
    const rows = q.map((v) => `  ${(10 * v).toExponential(6)}  ${counts(v).toExponential(6)}`);
    text = [`${name}.tif: virtual Fit2D integration`, 'Q (Inverse Nanometres)', 'Intensity', `${String(rows.length).padStart(11)}`, ...rows].join('\n') + '\n';
    fileName = `${name}_q.chi`;
  } else if (format === 'xy-q') {
    const q = grid(options.qMinInvA ?? 1.0, options.qMaxInvA ?? 5.0, options.qStepInvA ?? 0.004);
    const rows = q.map((v) => `${sci(v)}  ${sci(counts(v))}`);
    const header = [
      '# == pyFAI calibration ==',
      '# Distance Sample to Detector: 0.2 m',
      '# ',
      `# Wavelength: ${(wavelengthA * 1e-10).toExponential(4)}`,
      '# Polarization factor: None',
      '#',
      '# q_A^-1\t I',
    ];
    text = [...header, ...rows].join('\n') + '\n';
    fileName = `${name}_q.xy`;
  } else {
    const twoTheta = grid(options.twoThetaMinDeg ?? 15, options.twoThetaMaxDeg ?? 80, options.stepDeg ?? 0.02);
    const y = twoTheta.map((t) => counts(qOf(t, wavelengthA)));
    if (format === 'xrdml') {
      text = xrdmlText(twoTheta, y, wavelengthA, name);
      fileName = `${name}.xrdml`;
    } else if (format === 'chi') {
      const rows = twoTheta.map((t, i) => `  ${t.toExponential(6)}  ${y[i].toExponential(6)}`);
      text =
        [`${name}.tif: virtual Fit2D integration`, '2-Theta Angle (Degrees)', 'Intensity', `${String(rows.length).padStart(11)}`, ...rows].join('\n') + '\n';
      fileName = `${name}.chi`;
    } else if (format === 'csv') {
      text = [`# Wavelength (Angstrom): ${wavelengthA}`, '2theta_deg,counts', ...twoTheta.map((t, i) => `${t.toFixed(3)},${y[i]}`)].join('\r\n') + '\r\n';
      fileName = `${name}.csv`;
    } else {
      text =
        [
          `# Vitrack virtual diffractometer, sample ${name}`,
          `# Wavelength: ${wavelengthA} A (Cu Ka1)`,
          '# 2theta_deg  intensity_counts',
          ...twoTheta.map((t, i) => `${t.toFixed(4)} ${y[i]}`),
        ].join('\n') + '\n';
      fileName = `${name}.xy`;
    }
  }
  return { text, bytes: new TextEncoder().encode(text), fileName, truth };
}
