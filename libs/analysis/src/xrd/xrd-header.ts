/**
 * What the free-text header of a column file says about the x axis and the wavelength, in the
 * words the integration programs and diffractometer vendors write: pyFAI/DIOPTAS (`# q_nm^-1`,
 * `# q_A^-1`, `# 2th_deg`, `# 2th_rad`, `# r_mm`), Fit2D `.chi` (`Q (Inverse Nanometres)`,
 * `2-Theta Angle (Degrees)`, `Radial distance (mm)`), GSAS-II exports (`2-theta`, `Q`, `TOF`),
 * vendor exports (`2Theta`, `Angle`, `2θ (°)`, `Q (1/Å)`), and `# Wavelength: 1.908e-11`.
 */
import { XrdXKind } from './xrd.types';

export interface XAxisInfo {
  xKind: XrdXKind;
  /** Factor taking the file's x to Å⁻¹ (q: 0.1 for nm⁻¹) or to degrees (2θ: 180/π for radians). */
  qScale: number;
  label?: string;
  /** An x axis the analyzer cannot use (radial distance in mm, time of flight, d-spacing), as the file names it. */
  unsupported?: string;
}

// No two \s* side by side (`\s*-?\s*`): over a long blank run they split it every way, quadratically.
const TWO_THETA = /(^|[^a-z0-9])2\s*(?:-\s*)?th(eta)?([^a-z]|$)|two[\s_-]*theta|2\s*θ|2θ|\btth\b|^\s*angle\b|[\s,;]angle\s*[([]/i;
const Q_LABEL = /(^|[^a-z])q([^a-z]|$)|\bq_?(nm|a)\b/i;
const PER_NM = /nm\s*(?:\^\s*)?[-−]\s*1|1\s*\/\s*nm|nm⁻¹|inv(erse)?[\s_-]*(nm|nanomet(er|re)s?)\b|\bq_nm\b/i;
const PER_A =
  /(a|å|angstroms?|ångströms?)\s*(?:\^\s*)?[-−]\s*1|1\s*\/\s*(a|å|angstroms?)(?![a-z])|å⁻¹|inv(erse)?[\s_-]*(a|å|angstroms?|ångströms?)(?![a-z])|\bq_a\b/i;
const RADIANS = /\brad(ians?)?\b|2th_rad/i;
const UNSUPPORTED: [RegExp, string][] = [
  [/\br_mm\b|radial\s+distance|\(mm\)|\bmm\b/i, 'radial distance on the detector (mm)'],
  [/\btof\b|time[\s-]+of[\s-]+flight/i, 'time of flight'],
  [/\bd[\s_-]*spacing\b|\bd\s*\((?:a|å|angstroms?|nm)\)/i, 'd-spacing'],
  [/\bchi_deg\b|azimuth/i, 'azimuthal angle χ'],
];

/**
 * Classify the x axis from header lines; the last labelled line wins (column labels come last).
 * 2θ in radians comes back as twoThetaDeg with qScale 180/π (x × qScale is in degrees).
 */
export function detectXAxis(headerLines: string[]): XAxisInfo {
  for (let i = headerLines.length - 1; i >= 0; i--) {
    const line = headerLines[i].replace(/^\s*[#!%;'*/]+/, '');
    if (/wave\s*-?length|lambda/i.test(line)) continue;
    const first = line.split(/[\t,;]|\s{2,}/).find((f) => f.trim() !== '') ?? line;
    for (const [pattern, what] of UNSUPPORTED) {
      if (pattern.test(first) && !TWO_THETA.test(first) && !Q_LABEL.test(first)) return { xKind: 'unknown', qScale: 1, label: line.trim(), unsupported: what };
    }
    if (TWO_THETA.test(line)) return { xKind: 'twoThetaDeg', qScale: RADIANS.test(first) ? 180 / Math.PI : 1, label: line.trim() };
    if (Q_LABEL.test(line) && PER_NM.test(line)) return { xKind: 'qInvA', qScale: 0.1, label: line.trim() };
    if (Q_LABEL.test(line) && PER_A.test(line)) return { xKind: 'qInvA', qScale: 1, label: line.trim() };
  }
  return { xKind: 'unknown', qScale: 1 };
}

const NUMBER = /[-+]?(\d+(?:\.\d*)?|\.\d+)([eE][-+]?\d+)?/;

/**
 * Wavelength in Å from a header line such as `# Wavelength: 1.908e-11` (pyFAI writes metres),
 * `wavelength = 0.15406 nm` or `Wavelength (A): 1.5406`. An explicit unit wins; without one a
 * value below 1e-6 is taken as metres and anything else as Å. Values outside 0.01–100 Å are ignored.
 */
export function detectWavelengthA(headerLines: string[]): number | undefined {
  for (const raw of headerLines) {
    const m = /(wave\s*-?length|lambda|λ|k\s*(?:-\s*)?alpha\s*1|kα1)/i.exec(raw);
    if (!m) continue;
    const rest = raw.slice(m.index + m[0].length);
    const num = NUMBER.exec(rest);
    if (!num) continue;
    let value = Number(num[0]);
    if (!Number.isFinite(value) || value <= 0) continue;
    const around = `${rest.slice(0, num.index)} ${rest.slice(num.index + num[0].length, num.index + num[0].length + 16)}`;
    if (/\bnm\b|\[nm\]|\(nm\)/i.test(around)) value *= 10;
    else if (/\bpm\b/i.test(around)) value /= 100;
    else if (/å|angstrom|\(a\)|\[a\]|\ba\b/i.test(around)) value *= 1;
    else if (/\(m\)|\[m\]|\bm\b/.test(around) || value < 1e-6) value *= 1e10;
    if (value > 0.01 && value < 100) return value;
  }
  return undefined;
}
