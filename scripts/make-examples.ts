/**
 * `npm run -s examples:make`: writes the files the README's command-line examples analyse into
 * examples/, from the virtual instruments in libs/instruments (deterministic seeds), with the truth
 * they were generated from in examples/truth.json. A unit spec regenerates them and checks the
 * shipped bytes are exactly these, and another runs every README example on them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GLASS_DENSITY_G_CM3, iterateCampaign } from '../libs/instruments/src/campaign';
import { laAlXrdModel, virtualXrd } from '../libs/instruments/src/xrd';
import { ROOT } from './processes';

export const EXAMPLES_DIR = join(ROOT, 'examples');

/** The study's anneal: q1 +0.16 % and the halo 3.8 % narrower after 10 min at 453 K. */
const ANNEALED = { q1ShiftPct: 0.16, fwhmChangePct: -3.8 };

export interface Examples {
  /** File name in examples/ → bytes. */
  files: Record<string, Uint8Array>;
  truth: Record<string, unknown>;
}

export function buildExamples(): Examples {
  // The first piece of the 453 K anneal campaign's as-quenched level: ZFC warming and FC cooling at 20 Oe.
  const piece = iterateCampaign('ANNEAL_453K', { format: 'MPMS3_VSM' }).next().value;
  if (!piece) throw new Error('the anneal campaign yielded no piece');
  const seeds = { asQuenched: 11, annealed: 12 };
  const asQuenched = virtualXrd(laAlXrdModel(), { format: 'xy-2theta', seed: seeds.asQuenched, name: 'La75Al25 as-quenched' });
  const annealed = virtualXrd(laAlXrdModel(ANNEALED), { format: 'xy-2theta', seed: seeds.annealed, name: 'La75Al25 annealed 453 K 10 min' });
  const zfcName = `${piece.sampleCode}.zfc.dat`;
  const fcName = `${piece.sampleCode}.fc.dat`;
  return {
    files: {
      [zfcName]: Buffer.from(piece.zfc.text, 'utf8'),
      [fcName]: Buffer.from(piece.fc.text, 'utf8'),
      'as-quenched.xy': asQuenched.bytes,
      'annealed.xy': annealed.bytes,
    },
    truth: {
      generatedBy: 'scripts/make-examples.ts (npm run -s examples:make)',
      magnetic: {
        files: [zfcName, fcName],
        instrument: 'MPMS3 VSM (virtual)',
        sample: piece.sampleCode,
        massMg: piece.massMg,
        densityGCm3: GLASS_DENSITY_G_CM3,
        demagN: piece.model.demagN,
        ...piece.zfc.truth,
      },
      xrd: {
        files: ['as-quenched.xy', 'annealed.xy'],
        wavelengthA: asQuenched.truth.wavelengthA,
        asQuenched: asQuenched.truth,
        annealed: annealed.truth,
        q1ShiftPct: ANNEALED.q1ShiftPct,
        // Δρ/ρ ≈ 3 Δq1/q1 (docs/analysis-definitions.md "XRD").
        densityChangePct: 3 * ANNEALED.q1ShiftPct,
      },
    },
  };
}

function main(): void {
  const { files, truth } = buildExamples();
  mkdirSync(EXAMPLES_DIR, { recursive: true });
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(EXAMPLES_DIR, name), bytes);
  writeFileSync(join(EXAMPLES_DIR, 'truth.json'), `${JSON.stringify(truth, null, 2)}\n`);
  console.log(`wrote ${Object.keys(files).length} files and truth.json to ${EXAMPLES_DIR}`);
}

if (require.main === module) main();
