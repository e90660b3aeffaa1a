/**
 * One file of each kind a piece's page plots, from the virtual instruments: a ZFC-then-FC magnetic
 * sequence in one MPMS3 file, a PPMS file with two wired channels, a raw XRD pattern (a steep
 * background, so the halo is fitted after a SNIP background), a DSC heating scan and a SAXS
 * profile. Shared by the plot module's tests, the browser journey and the demo.
 */
import { FC_WIDTH_RATIO } from './campaign';
import { virtualDscScan } from './dsc';
import { fcLocalTcSharingOnset, GLASS_RIBBON_MODEL } from './mpms-model';
import { writeMpmsSequence } from './mpms-writers';
import { simulatePpmsChannels } from './ppms-channels';
import { glassSaxsModel, virtualSaxs } from './saxs';
import { laAlXrdModel, virtualXrd } from './xrd';

export interface PlotSpecimen {
  technique: 'MAGNETIC' | 'RESISTANCE' | 'XRD' | 'DSC' | 'SAXS';
  /** The measurement conditions to record with it. */
  conditions: Record<string, string | number>;
  fileName: string;
  text: string;
}

/** The specimens, deterministic for a seed. */
export function plotSpecimens(seed = 7): PlotSpecimen[] {
  const massMg = 2;
  const noiseEmu = 1e-7;
  // FC with its own, narrower distribution sharing the ZFC onset, as in the virtual campaigns.
  const model = {
    ...GLASS_RIBBON_MODEL,
    fcLocalTc: fcLocalTcSharingOnset(GLASS_RIBBON_MODEL, FC_WIDTH_RATIO, { minK: 1.8, maxK: 6, noiseEmu, fieldOe: 20, massMg }),
  };
  const sequence = writeMpmsSequence('MPMS3_VSM', model, {
    seed,
    massMg,
    segments: [
      { mode: 'ZFC', direction: 'up', fieldOe: 20, noiseEmu, comment: 'ZFC, 20' },
      { mode: 'FC', direction: 'down', fieldOe: 20, noiseEmu, comment: 'FC, 20' },
    ],
  });
  const transport = simulatePpmsChannels({ seed, channels: [{}, { model: { tc0K: 3.7 } }], fieldsT: [0, 1] });
  const xrd = virtualXrd(laAlXrdModel({ rawBackground: true }), { seed, twoThetaMinDeg: 10, twoThetaMaxDeg: 80 });
  const dsc = virtualDscScan({ format: 'csv-units', seed });
  const saxs = virtualSaxs(glassSaxsModel(), { seed });
  return [
    { technique: 'MAGNETIC', conditions: { mode: 'ZFC', fieldOe: 20, demagN: 0 }, fileName: sequence.fileName, text: sequence.text },
    { technique: 'RESISTANCE', conditions: {}, fileName: transport.fileName, text: transport.text },
    { technique: 'XRD', conditions: { wavelengthA: 1.5406 }, fileName: xrd.fileName, text: xrd.text },
    { technique: 'DSC', conditions: { heatingRateKPerMin: 20 }, fileName: dsc.fileName, text: dsc.text },
    { technique: 'SAXS', conditions: {}, fileName: saxs.fileName, text: saxs.text },
  ];
}
