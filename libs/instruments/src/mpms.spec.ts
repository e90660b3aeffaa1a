import {
  chiMassModel,
  fcLocalTcSharingOnset,
  fractionAboveTc,
  fullDiamagnetismEmuPerGOe,
  localTcDensity,
  modelTruth,
  MPMS3_COLUMNS,
  MPMS_XL_COLUMNS,
  superconductingChi,
  writeMpms3Dc,
  writeMpms3Vsm,
  writeMpmsXl,
  writePpmsVsm,
  type MpmsWriteOptions,
  type SuperconductorModel,
} from './mpms';

const model: SuperconductorModel = {
  localTc: { meanK: 3.0, sigmaLowK: 0.25, sigmaHighK: 0.12 },
  shieldedFraction0: 0.8,
  densityGCm3: 5.9,
  demagN: 0.1,
  fcFraction: 0.25,
  backgroundChiEmuPerGOe: 1.5e-6,
  backgroundSlopeEmuPerGOeK: -2e-8,
};
const options: MpmsWriteOptions = { mode: 'ZFC', direction: 'up', fieldOe: 20, massMg: 2.5, noiseEmu: 5e-8, seed: 42 };

describe('superconductor model', () => {
  it('full diamagnetism is −1/(4π ρ (1 − N)) emu g⁻¹ Oe⁻¹', () => {
    expect(fullDiamagnetismEmuPerGOe(model)).toBeCloseTo(-1 / (4 * Math.PI * 5.9 * 0.9), 15);
    // Deep in the shielded state χ_mass → f0 × full diamagnetism + background.
    expect(chiMassModel(model, 0.5, 'ZFC')).toBeCloseTo(0.8 * fullDiamagnetismEmuPerGOe(model) + 1.5e-6 - 1e-8, 12);
    expect(chiMassModel(model, 0.5, 'FC') - 1.5e-6 + 1e-8).toBeCloseTo(0.25 * 0.8 * fullDiamagnetismEmuPerGOe(model), 12);
  });

  it('the local-Tc density integrates to 1 and is the derivative of the shielded fraction', () => {
    let integral = 0;
    const h = 1e-3;
    for (let t = 1; t < 5; t += h) integral += localTcDensity(model.localTc, t + h / 2) * h;
    expect(integral).toBeCloseTo(1, 6);
    expect(fractionAboveTc(model.localTc, 3.0)).toBeCloseTo(0.12 / 0.37, 7);
    for (const t of [2.6, 2.95, 3.05, 3.2]) {
      const numeric = (fractionAboveTc(model.localTc, t - 1e-5) - fractionAboveTc(model.localTc, t + 1e-5)) / 2e-5;
      expect(numeric).toBeCloseTo(localTcDensity(model.localTc, t), 5);
    }
  });

  it('truth follows the definitions on the noise-free curve', () => {
    const truth = modelTruth(model, { mode: 'ZFC', minK: 1.8, maxK: 6, noiseEmu: 5e-8, fieldOe: 20, massMg: 2.5 });
    const noiseChi = 5e-8 / (20 * 2.5e-3);
    const s = (t: number): number => superconductingChi(model, t, 'ZFC');
    expect(s(truth.tcOnsetK as number)).toBeCloseTo(-5 * noiseChi, 12);
    expect(s(truth.tcMidK as number) / s(1.8)).toBeCloseTo(0.5, 9);
    expect(truth.widthFwhmK).toBeCloseTo(Math.sqrt(2 * Math.LN2) * 0.37, 12);
    expect(truth.width1090K as number).toBeGreaterThan(0);
    expect(truth.shieldingFraction1p8K).toBeCloseTo(-4 * Math.PI * 5.9 * chiMassModel(model, 1.8, 'ZFC') * 0.9, 12);
    expect(truth.fcZfcRatio).toBeCloseTo(chiMassModel(model, 1.8, 'FC') / chiMassModel(model, 1.8, 'ZFC'), 12);
    expect(truth.fcZfcRatio).toBeCloseTo(0.25, 3);
    // A quieter instrument sees the onset higher up the tail.
    const quiet = modelTruth(model, { mode: 'ZFC', minK: 1.8, maxK: 6, noiseEmu: 5e-10, fieldOe: 20, massMg: 2.5 });
    expect(quiet.tcOnsetK as number).toBeGreaterThan(truth.tcOnsetK as number);
    // Nothing below −5σ when the noise swamps the signal.
    expect(modelTruth(model, { mode: 'ZFC', minK: 1.8, maxK: 6, noiseEmu: 1, fieldOe: 20, massMg: 2.5 }).tcOnsetK).toBeNull();
  });

  describe('an FC distribution narrower than the ZFC one, sharing its onset (fcLocalTcSharingOnset)', () => {
    const conditions = { minK: 1.8, maxK: 6, noiseEmu: 5e-8, fieldOe: 20, massMg: 2.5 };
    const fc = fcLocalTcSharingOnset(model, 0.4, conditions);
    const zfcOnset = modelTruth(model, { mode: 'ZFC', ...conditions }).tcOnsetK as number;
    const onsetWith = (fcLocalTc: typeof fc) => modelTruth({ ...model, fcLocalTc }, { mode: 'FC', ...conditions }).tcOnsetK as number;

    it('has 0.4× the ZFC widths, and the FC sweep leaves the baseline where the ZFC one does', () => {
      expect(fc.sigmaLowK).toBeCloseTo(0.4 * 0.25, 12);
      expect(fc.sigmaHighK).toBeCloseTo(0.4 * 0.12, 12);
      expect(Math.abs(onsetWith(fc) - zfcOnset)).toBeLessThan(1e-9);
    });

    it('sits higher: P_FC(Tc > onset) = P_ZFC(Tc > onset) / fcFraction, which ZFC’s mean with the narrow widths misses', () => {
      expect(fc.meanK).toBeGreaterThan(model.localTc.meanK + 0.2);
      expect(fractionAboveTc(fc, zfcOnset) / (fractionAboveTc(model.localTc, zfcOnset) / model.fcFraction)).toBeCloseTo(1, 6);
      expect(onsetWith({ ...fc, meanK: model.localTc.meanK })).toBeLessThan(zfcOnset - 0.2);
    });

    it('is the ZFC distribution itself when FC neither narrows nor shrinks the signal', () => {
      const same = fcLocalTcSharingOnset({ ...model, fcFraction: 1 }, 1, conditions);
      expect(same.meanK).toBeCloseTo(model.localTc.meanK, 9);
    });
  });
});

describe('MultiVu writers', () => {
  it('MPMS3 VSM: 89 columns, value-first SAMPLE_MASS, quoted comment row, Moment filled, DC empty', () => {
    const f = writeMpms3Vsm(model, options);
    const lines = f.text.split('\n');
    expect(lines[0]).toBe('[Header]');
    expect(lines).toContain('BYAPP,MPMS3 w/ AC,1.0,1.1');
    expect(lines).toContain('INFO,2.5,SAMPLE_MASS');
    const dataAt = lines.indexOf('[Data]');
    const header = lines[dataAt + 1].split(',');
    expect(header).toHaveLength(89);
    expect(header).toEqual([...MPMS3_COLUMNS]);
    expect(lines[dataAt + 2]).toMatch(/^"ZFC, 20",\d+(\.\d+)?$/);
    const first = lines[dataAt + 3].split(',');
    expect(first).toHaveLength(89);
    expect(Number(first[header.indexOf('Moment (emu)')])).toBeCloseTo(f.sweep.momentEmu[0], 18);
    expect(first[header.indexOf('DC Moment Free Ctr (emu)')]).toBe('');
    expect(first[header.indexOf('Transport Action')]).toBe('1');
    expect(lines.filter((l) => l !== '').length - dataAt - 3).toBe(f.sweep.temperatureK.length);
  });

  it('MPMS3 DC scan: Moment empty, DC Moment Free Ctr filled', () => {
    const f = writeMpms3Dc(model, options);
    const lines = f.text.split('\n');
    const dataAt = lines.indexOf('[Data]');
    const header = lines[dataAt + 1].split(',');
    const first = lines[dataAt + 2].split(',');
    expect(first[header.indexOf('Moment (emu)')]).toBe('');
    expect(Number(first[header.indexOf('DC Moment Free Ctr (emu)')])).toBeCloseTo(f.sweep.momentEmu[0], 18);
    expect(first[header.indexOf('Transport Action')]).toBe('6');
  });

  it('MPMS-XL: key-first WEIGHT, blank header lines, Long Moment, e+000 numbers, trailing commas', () => {
    const f = writeMpmsXl(model, { ...options, massMg: 48.4 });
    const lines = f.text.split('\n');
    expect(lines).toContain('INFO, WEIGHT, 48.400');
    expect(lines).toContain('BYAPP,MPMS Measurement,2.1,Summary');
    const dataAt = lines.indexOf('[Data]');
    expect(lines.slice(0, dataAt).filter((l) => l === '').length).toBeGreaterThanOrEqual(8);
    expect(lines[dataAt + 1]).toBe(`${MPMS_XL_COLUMNS.join(',')},`);
    const row = lines[dataAt + 2];
    expect(row.endsWith(',')).toBe(true);
    expect(row.split(',')).toHaveLength(31);
    expect(row.split(',')[4]).toMatch(/^-?\d\.\d{6}e[+-]\d{3}$/);
    expect(Number(row.split(',')[3])).toBeCloseTo(f.sweep.temperatureK[0], 5);
  });

  it('PPMS VSM: BYAPP,VSM, SAMPLE_MASS and the bare-quote column', () => {
    const f = writePpmsVsm(model, options);
    expect(f.text).toMatch(/^\[Header\]\n; VSM Data File/);
    expect(f.text).toContain('\nBYAPP,VSM,1.0,1.0\n');
    expect(f.text).toContain('\nINFO,2.5,SAMPLE_MASS\n');
    expect(f.text).toContain(',Coil Signal" (mV),');
  });

  it('is reproducible by seed, sweeps in the requested direction, and honours CRLF', () => {
    expect(writeMpms3Vsm(model, options).text).toBe(writeMpms3Vsm(model, options).text);
    expect(writeMpms3Vsm(model, { ...options, seed: 43 }).text).not.toBe(writeMpms3Vsm(model, options).text);
    const up = writeMpms3Vsm(model, options).sweep.temperatureK;
    const down = writeMpms3Vsm(model, { ...options, direction: 'down' }).sweep.temperatureK;
    expect(up[0]).toBeLessThan(up[up.length - 1]);
    expect(down[0]).toBeGreaterThan(down[down.length - 1]);
    expect(Math.min(...up)).toBeGreaterThanOrEqual(1.8);
    expect(Math.max(...up)).toBeLessThanOrEqual(6);
    expect(up).toHaveLength(421);
    expect(writeMpms3Vsm(model, { ...options, points: 2000 }).sweep.temperatureK).toHaveLength(2000);
    const crlf = writeMpms3Vsm(model, { ...options, lineEnding: '\r\n' }).text;
    expect(crlf.split('\r\n').length).toBe(writeMpms3Vsm(model, options).text.split('\n').length);
  });

  it('adds Gaussian noise of the requested size', () => {
    const quiet = writeMpms3Vsm(model, { ...options, noiseEmu: 0 });
    const noisy = writeMpms3Vsm(model, { ...options, noiseEmu: 1e-7 });
    // Same seed → same temperatures; the moment difference is the noise alone.
    const diff = noisy.sweep.momentEmu.map((m, i) => m - quiet.sweep.momentEmu[i]);
    const sd = Math.sqrt(diff.reduce((a, d) => a + d * d, 0) / diff.length);
    expect(sd / 1e-7).toBeGreaterThan(0.9);
    expect(sd / 1e-7).toBeLessThan(1.1);
  });
});
