import { createRng, Rng } from './rng';
import { hc2SlopeAtTcTPerK, resistanceOhm, RibbonModel, tcAtFieldK, widthAtFieldK } from './ppms-model';

export { reducedTcAtField, resistanceOhm, tcAtFieldK, DIRTY_LIMIT_RATIO } from './ppms-model';
export type { RibbonModel } from './ppms-model';

/** Φ0 = h/2e, Wb. */
export const PHI0_WB = 2.067833848e-15;

/** As-quenched La75Al25 glass ribbon shaped after the study: Tc 3.6 K, < 0.02 K wide, μ0Hc2(0) 5.8 T. */
export const GLASS_RIBBON: RibbonModel = {
  tc0K: 3.6,
  hc2ZeroT: 5.8,
  width0K: 0.012,
  widthPerHc2K: 0.04,
  normalOhm4K: 0.15,
  tcrPerK: -1.5e-4,
};

/** Fields of the study-like campaign, tesla: dense near Tc for the slope, up to 0.65·Hc2(0). */
export const DEFAULT_FIELDS_T = [0, 0.25, 0.5, 1, 2, 3, 3.77];

export interface PpmsOptions {
  seed?: number;
  /** Resistivity option (`Bridge 1 Resistance (Ohms)`) or AC Transport option (`Res. ch1 (ohm-cm)`). */
  option?: 'resistivity' | 'actransport';
  fieldsT?: readonly number[];
  model?: Partial<RibbonModel>;
  /** Gaussian noise on R, as a fraction of the 4 K normal-state resistance. */
  noiseRel?: number;
  /** Thermometer scatter, K. */
  temperatureNoiseK?: number;
  /** Sweep bounds; default Tc0 + 1.5 K down to Tc(H) − 0.4 K (not below 0.4 K, the He-3 base). */
  tMaxK?: number;
  tMinK?: number;
  fineStepK?: number;
  coarseStepK?: number;
}

export interface PpmsTruth {
  tcK: number;
  width1090K: number;
  hc2ZeroT: number;
  xiNm: number;
  dHc2dTTPerK: number;
}

export interface PpmsFile {
  text: string;
  fileName: string;
  truth: PpmsTruth;
}

interface Reading {
  timeS: number;
  temperatureK: number;
  fieldOe: number;
  /** True temperature the sample was at (the thermometer reads it with scatter). */
  sampleK: number;
  fieldT: number;
}

/** Cooling sweeps, one per field: coarse steps, fine steps within ±0.1 K of Tc(H). */
function sweep(model: RibbonModel, opts: PpmsOptions, rng: Rng): Reading[] {
  const fields = opts.fieldsT ?? DEFAULT_FIELDS_T;
  // Floors keep a zero or negative step from looping forever.
  const fine = Math.max(opts.fineStepK ?? 0.002, 1e-5);
  const coarse = Math.max(opts.coarseStepK ?? 0.02, fine);
  const tNoise = opts.temperatureNoiseK ?? 2e-4;
  const out: Reading[] = [];
  let timeS = 30422650.78;
  for (const fieldT of fields) {
    const tcK = tcAtFieldK(model, fieldT);
    const top = opts.tMaxK ?? model.tc0K + 1.5;
    const bottom = opts.tMinK ?? Math.max(0.4, tcK - 0.4);
    timeS += 600; // field ramp and temperature stabilisation
    for (let t = top; t >= bottom; t -= Math.abs(t - tcK) < 0.1 ? fine : coarse) {
      timeS += 3 + 0.2 * rng.next();
      out.push({ timeS, sampleK: t, temperatureK: t + tNoise * rng.gauss(), fieldT, fieldOe: fieldT * 1e4 + 0.3 * rng.gauss() });
    }
  }
  return out;
}

/** Numbers as MultiVu writes them: up to 15 significant digits, shortest form. */
export function num(v: number, upperE = false): string {
  const s = String(Number(v.toPrecision(15)));
  return upperE ? s.replace('e', 'E').replace('E+', 'E') : s;
}

export const RESISTIVITY_COLUMNS =
  'Comment,Time Stamp (sec),Status (code),Temperature (K),Magnetic Field (Oe),Sample Position (deg),Bridge 1 Resistivity (Ohm),Bridge 1 Excitation (uA),Bridge 2 Resistivity (Ohm),Bridge 2 Excitation (uA),Bridge 3 Resistivity (Ohm-m),Bridge 3 Excitation (uA),Bridge 4 Resistivity (Ohm-m),Bridge 4 Excitation (uA),Bridge 1 Std. Dev. (Ohm),Bridge 2 Std. Dev. (Ohm),Bridge 3 Std. Dev. (Ohm-m),Bridge 4 Std. Dev. (Ohm-m),Number of Readings,Bridge 1 Resistance (Ohms),Bridge 2 Resistance (Ohms),Bridge 3 Resistance (Ohms),Bridge 4 Resistance (Ohms),Signal 1 Vin (V),Signal 2 Vin (V),Digital Inputs (code),Drive 1 Iout (mA),Drive 1 Ipower (watts),Drive 2 Iout (mA),Drive 2 Ipower (watts),Pressure (),Map 20 (),Map 21 (),Map 22 (),Map 23 (),Map 24 (),Map 25 (),Map 26 (),Map 27 (),Map 28 (),Map 29 ()';

export function resistivityHeader(title: string): string[] {
  const fieldGroup = Array.from({ length: 40 }, (_, k) => k + 2).join(',');
  return [
    '[Header]',
    `TITLE, ${title}`,
    'FILEOPENTIME,30422650.78,12/18/2024,10:42 AM',
    'BYAPP, Resistivity, 2.1, 1.0',
    'INFO, APPNAME, PPMS MultiVu Application, 1.5.11',
    'INFO, La75Al25 ribbon, Sample1 Name',
    'INFO, 1, Sample1 Cross Section',
    'INFO, 1, Sample1 Length',
    'INFO, Ohm, Sample1 Units',
    ...[2, 3, 4].flatMap((k) => [
      `INFO, , Sample${k} Name`,
      `INFO, 1, Sample${k} Cross Section`,
      `INFO, 1, Sample${k} Length`,
      `INFO, ${k < 3 ? 'Ohm' : 'Ohm-m'}, Sample${k} Units`,
    ]),
    `FIELDGROUP, Resistivity,${fieldGroup}`,
    'STARTUPGROUP, Resistivity',
    'STARTUPAXIS, X, 2, LINEAR, AUTO',
    'STARTUPAXIS, Y1, 7, LINEAR, AUTO',
    'PLOT_APPEARANCE, ALL, HORZ_GRID_ON, VERT_GRID_ON, MARKERS_AND_LINES, ALL_LINES',
    'DATATYPE, TIME, 2',
    'DATATYPE, COMMENT, 1',
    'TEMPERATURETOLERANCE, 0.05',
    '[Data]',
    RESISTIVITY_COLUMNS,
  ];
}

/** Resistivity-option row: 23 of the 41 header fields, as the real instrument writes them. */
function resistivityRow(r: Reading, ohm: number, sdOhm: number): string {
  const cells = [
    '',
    num(r.timeS),
    '4369',
    num(r.temperatureK),
    num(r.fieldOe),
    '0',
    num(ohm),
    '99.9799995422363',
    '',
    '',
    '',
    '',
    '',
    '',
    num(sdOhm),
    '',
    '',
    '',
    '25',
    num(ohm),
    '',
    '',
    '',
  ];
  return cells.join(',');
}

const ACT_COLUMNS =
  'Comment,Time Stamp (sec),Status (code),Temperature (K),Magnetic Field (Oe),Sample Position (deg),Excitation (mA),Frequency (Hz),Volts ch1,Volts ch2,V Std.Dev. ch1,V Std.Dev. ch2,Res. ch1 (ohm-cm),Res. ch2 (ohm-cm),Res. Std.Dev. ch1,Res. Std.Dev. ch2,Hall ch1 (cm^3/coul),Hall ch2 (cm^3/coul),Hall Std.Dev. ch1,Hall Std.Dev. ch2,Crit.Cur. ch1 (mA),Crit.Cur. ch2 (mA),C.Cur. Std.Dev. ch1,C.Cur. Std.Dev. ch2,ACT Status (code),ACT Gain,2nd Harm. ch1 (dB),2nd Harm. ch2 (dB),3rd Harm. ch1 (dB),3rd Harm. ch2 (dB),Quad.Error ch1 (ohm-cm-rad),Quad.Error ch2 (ohm-cm-rad),Drive Signal ch1 (V),Drive Signal ch2 (V),Bridge 1 Resistance (ohms),Bridge 1 Excitation (uA),Bridge 2 Resistance (ohms),Bridge 2 Excitation (uA),Bridge 3 Resistance (ohms),Bridge 3 Excitation (uA),Bridge 4 Resistance (ohms),Bridge 4 Excitation (uA),Signal 1 Vin (V),Signal 2 Vin (V),Digital Inputs (code),Drive 1 Iout (mA),Drive 1 Ipower (watts),Drive 2 Iout (mA),Drive 2 Ipower (watts),Pressure (),Map 20 (),Map 21 (),Map 22 (),Map 23 (),Map 24 (),Map 25 (),Map 26 (),Map 27 (),Map 28 (),Map 29 ()';

/** Ribbon geometry for ρ = R·A/L: 1 mm × 30 µm cross-section (cm²), voltage-lead separations (cm). */
const CROSS_SECTION_CM2 = 3e-4;
const LEAD_SEPARATION_CM = [0.3, 0.25];

function actHeader(title: string): string[] {
  return [
    '[Header]',
    '; AC Transport Data File (default extension .dat)',
    '; Copyright 1998, Quantum Design, Inc. All rights reserved.',
    `TITLE,${title}, PPMS2`,
    'FILEOPENTIME,30422650.78,,12/18/2024 10:42:13',
    'BYAPP,ACTRANSPORT,2.0,1.1',
    'INFO,PPMS AC Transport Option Release 2.2.5. Build 2,APPNAME',
    ...LEAD_SEPARATION_CM.flatMap((l, k) => [
      `INFO,La75Al25 as-quenched ribbon piece ${k + 1},SAMPLE${k + 1}_MATERIAL`,
      `INFO,melt-spun 40 m/s, 4 wire, Ag paint, w=1.0, d=0.03, l=${l * 10} mm,SAMPLE${k + 1}_COMMENT`,
      `INFO,${l},SAMPLE${k + 1}_LEAD_SEPARATION`,
      `INFO,${CROSS_SECTION_CM2},SAMPLE${k + 1}_CROSS_SECTION`,
    ]),
    'TEMPERATURETOLERANCE,0.05',
    'DATATYPE,COMMENT,1',
    'DATATYPE,TIME,2',
    'FIELDGROUP,ACResist,2,4,5,6,7,8,9,10,13,14,15,16,53',
    'STARTUPGROUP,All',
    'STARTUPAXIS,X,2',
    'STARTUPAXIS,Y1,3',
    '[Data]',
    ACT_COLUMNS,
  ];
}

/** AC Transport row: 60 fields; only the measured channel's cells are filled (channels alternate by row). */
function actRow(r: Reading, ch: 0 | 1, ohm: number, sdOhm: number, rng: Rng): string {
  const cells: string[] = new Array<string>(60).fill('');
  const excitationMA = 1.02880465367804;
  const volts = ohm * excitationMA * 1e-3;
  const toRho = CROSS_SECTION_CM2 / LEAD_SEPARATION_CM[ch];
  cells[1] = num(r.timeS);
  cells[2] = '4417';
  cells[3] = num(r.temperatureK);
  cells[4] = num(r.fieldOe);
  cells[5] = '0';
  cells[6] = num(excitationMA);
  cells[7] = '93';
  cells[8 + ch] = num(volts, true);
  cells[10 + ch] = num(sdOhm * excitationMA * 1e-3, true);
  cells[12 + ch] = num(ohm * toRho, true);
  cells[14 + ch] = num(sdOhm * toRho, true);
  cells[24] = '0';
  cells[25] = '125000';
  cells[26 + ch] = num(-50 - 8 * rng.next());
  cells[28 + ch] = num(-31 - 2 * rng.next());
  cells[30 + ch] = num(2e-10 * rng.next(), true);
  cells[32 + ch] = num(volts * (1 + 1e-5 * rng.gauss()), true);
  cells[53] = num(r.temperatureK);
  return cells.join(',');
}

/**
 * Virtual PPMS: R(T) cooling sweeps of a La75Al25 glass ribbon at several fields, written as a
 * MultiVu `.dat` of the Resistivity option (bridge 1) or of the AC Transport option (two ribbon
 * pieces on ch1/ch2, alternating rows, resistivity in ohm-cm). The model (ppms-model.ts) follows
 * the full dirty-limit digamma Hc2(T); truth is taken from the noise-free model: Tc and 10–90 %
 * width at the lowest field by the 50 % / 10–90 % criteria of R/R_n (exactly Tc(H) and the
 * model width for the tanh shape), μ0Hc2(0) the generating value, ξ(0) = sqrt(Φ0/(2π μ0Hc2(0))) and dμ0Hc2/dT at Tc0.
 */
export function simulatePpms(opts: PpmsOptions = {}): PpmsFile {
  const seed = opts.seed ?? 1;
  const model: RibbonModel = { ...GLASS_RIBBON, ...opts.model };
  const option = opts.option ?? 'resistivity';
  const rng = createRng(seed);
  const readings = sweep(model, opts, rng);
  const sdOhm = (opts.noiseRel ?? 2e-5) * model.normalOhm4K;
  const fields = opts.fieldsT ?? DEFAULT_FIELDS_T;
  const title = `La75Al25 ribbon R(T) at ${fields.join('/')} T, seed ${seed}`;
  const lines: string[] = [];
  if (option === 'resistivity') {
    lines.push(...resistivityHeader(title));
    for (const r of readings) lines.push(resistivityRow(r, resistanceOhm(model, r.sampleK, r.fieldT) + sdOhm * rng.gauss(), sdOhm));
  } else {
    lines.push(...actHeader(title));
    for (const r of readings) {
      lines.push(actRow(r, 0, resistanceOhm(model, r.sampleK, r.fieldT) + sdOhm * rng.gauss(), sdOhm, rng));
      // The second channel is read a moment later, further down the cooling sweep.
      const later: Reading = { ...r, timeS: r.timeS + 1.4, sampleK: r.sampleK - 0.0005, temperatureK: r.temperatureK - 0.0005 };
      lines.push(actRow(later, 1, resistanceOhm(model, later.sampleK, r.fieldT) + sdOhm * rng.gauss(), sdOhm, rng));
    }
  }
  const hc2ZeroT = model.hc2ZeroT;
  const lowestT = Math.min(...fields.map((f) => Math.abs(f)));
  return {
    text: lines.join('\n') + '\n',
    fileName: `La75Al25_RvsT_${fields.length}fields_${option === 'resistivity' ? 'Resistivity' : 'ACT'}_seed${seed}.dat`,
    truth: {
      tcK: tcAtFieldK(model, lowestT),
      width1090K: widthAtFieldK(model, lowestT),
      hc2ZeroT,
      xiNm: Math.sqrt(PHI0_WB / (2 * Math.PI * hc2ZeroT)) * 1e9,
      dHc2dTTPerK: hc2SlopeAtTcTPerK(model),
    },
  };
}
