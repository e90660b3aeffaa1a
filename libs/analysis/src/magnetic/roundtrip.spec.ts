/** Virtual-instrument file → parseMultiVu → toMagneticSweep → analyzeMagnetic, for every writer. */
import { MPMS_FORMATS, writeMpmsFile, type SuperconductorModel } from '../../../instruments/src/mpms';
import { expectZfcTruth, sweepFromText } from '../../../../test/setup/magnetic-checks';
import { analyzeMagnetic } from './analyze-magnetic';

const model: SuperconductorModel = {
  localTc: { meanK: 3.05, sigmaLowK: 0.2, sigmaHighK: 0.15 },
  shieldedFraction0: 0.75,
  densityGCm3: 5.9,
  demagN: 0,
  fcFraction: 0.25,
  backgroundChiEmuPerGOe: 1.5e-6,
  backgroundSlopeEmuPerGOeK: -2e-8,
};
const EXPECTED_COLUMN: Record<string, string> = {
  MPMS3_VSM: 'Moment (emu)',
  MPMS3_DC: 'DC Moment Free Ctr (emu)',
  MPMS_XL: 'Long Moment (emu)',
  PPMS_VSM: 'Moment (emu)',
};

describe('round trip through the MultiVu parser', () => {
  for (const format of MPMS_FORMATS) {
    for (const lineEnding of ['\n', '\r\n'] as const) {
      it(`${format} (${lineEnding === '\n' ? 'LF' : 'CRLF'}): header mass, moment column and metrics survive`, () => {
        const common = { fieldOe: 20, massMg: 2.137, noiseEmu: 5e-8, lineEnding, sampleName: 'LA75-RT' };
        const zfc = writeMpmsFile(format, model, { ...common, mode: 'ZFC', direction: 'up', seed: 31 });
        const fc = writeMpmsFile(format, model, { ...common, mode: 'FC', direction: 'down', seed: 32 });
        const zs = sweepFromText(zfc.text);
        const fs = sweepFromText(fc.text);
        expect(zs.massMg).toBeCloseTo(2.137, 9);
        expect(zs.momentColumn).toBe(EXPECTED_COLUMN[format]);
        expect(zs.temperatureK).toHaveLength(zfc.sweep.temperatureK.length);
        const r = analyzeMagnetic(zs, { massG: (zs.massMg as number) / 1000, densityGCm3: 5.9, fc: fs });
        if (!r.ok) throw r.error;
        const m = r.value.metrics;
        expectZfcTruth(m, zfc.truth);
        expect(m.fieldOe).toBeCloseTo(20, 6);
      });
    }
  }
});
