/**
 * Virtual PPMS with up to four transport channels read on every row, on a temperature grid that
 * may be coarse and have a gap (a 2–300 K run with no points between 12 and 166 K), written as a
 * Resistivity-option file (`Bridge N Resistance (Ohms)`) or an Electrical Transport Option file
 * (`Resistance ChN (Ohms)`). Each channel is its own piece with its own model and truth.
 */
import { num, PHI0_WB, resistivityHeader, RESISTIVITY_COLUMNS } from './ppms';
import { resistanceOhm, RibbonModel, tcAtFieldK, widthAtFieldK } from './ppms-model';
import { createRng } from './rng';
import { GLASS_RIBBON } from './ppms';

export type ChannelLayout = 'resistivity' | 'eto';

export interface ChannelPiece {
  /** Model of the piece on this channel (defaults: the as-quenched glass ribbon). */
  model?: Partial<RibbonModel>;
  /** Leave the channel's column empty on every row (no piece wired to it). */
  empty?: boolean;
}

export interface PpmsChannelsOptions {
  seed?: number;
  layout?: ChannelLayout;
  /** One entry per channel, channel 1 first (at most four). */
  channels: ChannelPiece[];
  fieldsT?: readonly number[];
  tMinK?: number;
  tMaxK?: number;
  /** Step of the coarse grid, K. */
  coarseStepK?: number;
  /** Fine steps within ±fineSpanK of every channel's Tc(H). */
  fineStepK?: number;
  fineSpanK?: number;
  /** No readings strictly between these temperatures, K. */
  gapK?: readonly [number, number];
  /** Gaussian noise on R, as a fraction of each channel's 4 K normal-state resistance. */
  noiseRel?: number;
}

export interface ChannelTruth {
  channel: number;
  /** Null for an empty channel, or one superconducting over the whole scan (Tc above the top). */
  tcK: number | null;
  width1090K: number | null;
  hc2ZeroT: number;
  xiNm: number;
}

export interface PpmsChannelsFile {
  text: string;
  fileName: string;
  truth: ChannelTruth[];
}

const ETO_COLUMNS = [
  'Comment',
  'Time Stamp (sec)',
  'Temperature (K)',
  'Magnetic Field (Oe)',
  'Sample Position (deg)',
  ...[1, 2, 3, 4].flatMap((k) => [`Resistance Ch${k} (Ohms)`, `Resistance Std. Dev. Ch${k} (Ohms)`, `Phase Angle Ch${k} (deg)`, `Excitation Ch${k} (mA)`]),
  'Chamber Pressure (Torr)',
];

function etoHeader(title: string): string[] {
  return [
    '[Header]',
    '; Electrical Transport Option data file',
    `TITLE,${title}`,
    'BYAPP,ETO,1.3,1.0',
    'INFO,PPMS DynaCool Electrical Transport Option,APPNAME',
    'DATATYPE,COMMENT,1',
    'DATATYPE,TIME,2',
    '[Data]',
    ETO_COLUMNS.join(','),
  ];
}

/** Temperatures of one cooling sweep: the coarse grid plus fine steps around each Tc, the gap left out, descending. */
function temperatures(opts: PpmsChannelsOptions, tcs: number[]): number[] {
  const top = opts.tMaxK ?? 300;
  const bottom = opts.tMinK ?? 2;
  const coarse = Math.max(opts.coarseStepK ?? 2, 1e-3);
  const fine = Math.max(opts.fineStepK ?? 0.005, 1e-5);
  const span = opts.fineSpanK ?? 0.15;
  const set = new Set<number>();
  for (let k = 0; bottom + k * coarse <= top + 1e-9; k++) set.add(Number((bottom + k * coarse).toFixed(6)));
  for (const tc of tcs) {
    for (let t = tc - span; t <= tc + span + 1e-9; t += fine) if (t >= bottom && t <= top) set.add(Number(t.toFixed(6)));
  }
  const [gapLo, gapHi] = opts.gapK ?? [Infinity, -Infinity];
  return [...set].filter((t) => !(t > gapLo && t < gapHi)).sort((a, b) => b - a);
}

/**
 * A multi-channel R(T) file: every row carries a reading of each wired channel at the same
 * temperature and field. Truth per channel from the noise-free model (see simulatePpms): Tc and
 * 10–90 % width at the lowest field, null when Tc(H) lies above the sweep (superconducting
 * throughout) or the channel is empty.
 */
export function simulatePpmsChannels(opts: PpmsChannelsOptions): PpmsChannelsFile {
  const seed = opts.seed ?? 1;
  const rng = createRng(seed);
  const layout = opts.layout ?? 'resistivity';
  const fields = opts.fieldsT ?? [0];
  const models = opts.channels.slice(0, 4).map((c) => ({ ...GLASS_RIBBON, ...c.model }));
  const noise = opts.noiseRel ?? 2e-5;
  const top = opts.tMaxK ?? 300;
  const title = `${models.length}-channel R(T) at ${fields.join('/')} T, seed ${seed}`;
  const lines = layout === 'eto' ? etoHeader(title) : resistivityHeader(title);
  const width = layout === 'eto' ? ETO_COLUMNS.length : RESISTIVITY_COLUMNS.split(',').length;
  const columns = layout === 'eto' ? ETO_COLUMNS : RESISTIVITY_COLUMNS.split(',');
  const at = (name: string): number => columns.indexOf(name);
  let timeS = 30422650.78;
  for (const fieldT of fields) {
    timeS += 600;
    const tcs = models.map((m, k) => (opts.channels[k].empty ? NaN : tcAtFieldK(m, fieldT))).filter(Number.isFinite);
    for (const t of temperatures(opts, tcs)) {
      timeS += 3 + 0.2 * rng.next();
      const cells = new Array<string>(width).fill('');
      cells[at('Time Stamp (sec)')] = num(timeS);
      cells[at('Temperature (K)')] = num(t + 2e-4 * rng.gauss());
      cells[at('Magnetic Field (Oe)')] = num(fieldT * 1e4 + 0.3 * rng.gauss());
      cells[at('Sample Position (deg)')] = '0';
      models.forEach((m, k) => {
        if (opts.channels[k].empty) return;
        const sd = noise * m.normalOhm4K;
        const ohm = num(resistanceOhm(m, t, fieldT) + sd * rng.gauss());
        if (layout === 'eto') {
          cells[at(`Resistance Ch${k + 1} (Ohms)`)] = ohm;
          cells[at(`Resistance Std. Dev. Ch${k + 1} (Ohms)`)] = num(sd);
          cells[at(`Excitation Ch${k + 1} (mA)`)] = '0.1';
        } else {
          cells[at(`Bridge ${k + 1} Resistance (Ohms)`)] = ohm;
          cells[at(`Bridge ${k + 1} Resistivity (${k < 2 ? 'Ohm' : 'Ohm-m'})`)] = ohm;
          cells[at(`Bridge ${k + 1} Excitation (uA)`)] = '99.9799995422363';
          cells[at(`Bridge ${k + 1} Std. Dev. (${k < 2 ? 'Ohm' : 'Ohm-m'})`)] = num(sd);
        }
      });
      lines.push(cells.join(','));
    }
  }
  const lowestT = Math.min(...fields.map((f) => Math.abs(f)));
  const truth = models.map((m, k): ChannelTruth => {
    const tcK = tcAtFieldK(m, lowestT);
    const seen = !opts.channels[k].empty && tcK < top;
    return {
      channel: k + 1,
      tcK: seen ? tcK : null,
      width1090K: seen ? widthAtFieldK(m, lowestT) : null,
      hc2ZeroT: m.hc2ZeroT,
      xiNm: Math.sqrt(PHI0_WB / (2 * Math.PI * m.hc2ZeroT)) * 1e9,
    };
  });
  return { text: lines.join('\n') + '\n', fileName: `RvsT_${models.length}ch_${layout}_seed${seed}.dat`, truth };
}
