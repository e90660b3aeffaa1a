/**
 * How the app shows an analysis's metrics: a label, the unit read from the key's suffix (the
 * project names units in keys: tcOnsetK, q1InvA, dhRelaxJPerG), and the uncertainty when the
 * analyzer gives one (q1ErrInvA beside q1InvA, slopeErr beside slope). Labels for known keys live
 * here until the technique registry's metric descriptors replace this table.
 */
import { formatNumber, formatWithError } from '../../../../libs/charts/src/format';

const UNITS: [suffix: string, unit: string][] = [
  ['EmuPerGOe', 'emu g⁻¹ Oe⁻¹'],
  ['JPerGK', 'J g⁻¹ K⁻¹'],
  ['JPerG', 'J g⁻¹'],
  ['KPerMin', 'K/min'],
  ['InvA', 'Å⁻¹'],
  ['Pct', '%'],
  ['Oe', 'Oe'],
  ['Nm', 'nm'],
  ['TPerK', 'T/K'],
  ['K', 'K'],
  ['T', 'T'],
];

const LABELS: Record<string, string> = {
  tcOnsetK: 'Tc onset',
  tcMidK: 'Tc mid',
  widthFwhmK: 'Transition width (FWHM of dχ/dT)',
  width1090K: 'Transition width 10–90 %',
  chiMass1p8K: 'χ_mass at 1.8 K',
  shieldingFraction1p8K: 'Shielding fraction at 1.8 K',
  fcZfcRatio: 'FC/ZFC at 1.8 K',
  noiseEmuPerGOe: 'Baseline noise',
  fieldOe: 'Field',
  tcK: 'Tc (50 % of R_n)',
  tcrSign: 'Sign of dR/dT above Tc',
  hc2ZeroWhhT: 'μ0Hc2(0), WHH',
  hc2ZeroMdgT: 'μ0Hc2(0), Maki–de Gennes',
  xiNm: 'Coherence length ξ(0)',
  q1InvA: 'Halo position q₁',
  fwhmInvA: 'Halo FWHM',
  q1ShiftPct: 'q₁ shift vs reference',
  fwhmChangePct: 'FWHM change vs reference',
  densityChangePct: 'Δρ/ρ vs reference',
  eta: 'Pseudo-Voigt mixing η',
  wavelengthA: 'Wavelength',
  crystalline: 'Bragg peaks (crystalline)',
  slope: 'Power-law exponent n',
  homogeneous: 'Homogeneous (no bumps)',
  reducedChi2: 'Reduced χ²',
  tgOnsetK: 'Tg onset',
  tgMidK: 'Tg mid',
  dCpJPerGK: 'ΔCp at Tg',
  txOnsetK: 'Tx onset',
  txPeakK: 'Tx peak',
  dhCrystJPerG: 'Crystallization enthalpy',
  dhRelaxJPerG: 'Relaxation enthalpy',
  dTxK: 'Supercooled-liquid range ΔTx',
  heatingRateKPerMin: 'Heating rate',
};

/** The unit a metric key names by its suffix ('' for none). */
export function unitOf(key: string): string {
  if (key === 'wavelengthA') return 'Å';
  if (/1p8K$/.test(key) || /Ratio$/.test(key) || key === 'eta') return key === 'chiMass1p8K' ? 'emu g⁻¹ Oe⁻¹' : '';
  for (const [suffix, unit] of UNITS) {
    // The suffix must follow a lower-case letter or digit (tcOnsetK, q1InvA), not be the word itself.
    if (key.endsWith(suffix) && key.length > suffix.length && /[a-z0-9]/.test(key[key.length - suffix.length - 1])) return unit;
  }
  return '';
}

/** The uncertainty key of a metric: q1InvA → q1ErrInvA, slope → slopeErr. */
export function errorKeyOf(key: string): string[] {
  const out = [`${key}Err`];
  for (const [suffix] of UNITS) if (key.endsWith(suffix) && key.length > suffix.length) out.push(`${key.slice(0, -suffix.length)}Err${suffix}`);
  return out;
}

const humanize = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());

export interface MetricRow {
  key: string;
  label: string;
  /** "3.612 ± 0.004" or "yes"/"no" or "—". */
  value: string;
  unit: string;
}

/** The metrics worth a row: numbers (with their uncertainty) and booleans; uncertainty keys and structured values are folded in or left out. */
export function metricRows(metrics: Record<string, unknown>): MetricRow[] {
  const errorKeys = new Set<string>();
  for (const key of Object.keys(metrics)) for (const e of errorKeyOf(key)) if (e in metrics) errorKeys.add(e);
  return Object.entries(metrics).flatMap(([key, v]): MetricRow[] => {
    if (errorKeys.has(key)) return [];
    const label = LABELS[key] ?? humanize(key);
    if (typeof v === 'boolean') return [{ key, label, value: v ? 'yes' : 'no', unit: '' }];
    if (v === null) return [{ key, label, value: '—', unit: unitOf(key) }];
    if (typeof v !== 'number') return [];
    const errKey = errorKeyOf(key).find((e) => typeof metrics[e] === 'number');
    const value = errKey ? formatWithError(v, metrics[errKey] as number) : formatNumber(v);
    return [{ key, label, value, unit: unitOf(key) }];
  });
}
