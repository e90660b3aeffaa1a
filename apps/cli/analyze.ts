/**
 * `npm run -s analyze -- FILE [--fc FILE] [--reference FILE] [--technique T] [--mass-g X]
 * [--field-oe X] [--wavelength-a X] [--density-g-cm3 X] [--demag N] [--exo up|down]
 * [--heating-rate-k-per-min X]`: prints one JSON object with the analysis of FILE, or the reason it
 * could not be analysed on stderr with exit code 1 (2 for a usage error).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeFile } from '../../libs/analysis/src/analyze-file';
import { TECHNIQUE_REGISTRY, type AnalyzeParams, type TechniqueId as Technique } from '../../libs/analysis/src/techniques';

const TECHNIQUES = TECHNIQUE_REGISTRY.ids;

const USAGE =
  'usage: analyze FILE [--fc FILE] [--reference FILE] [--technique MAGNETIC|RESISTANCE|XRD|SAXS|DSC] [--mass-g X] [--field-oe X] [--wavelength-a X] [--density-g-cm3 X] [--demag N] [--exo up|down] [--heating-rate-k-per-min X]';

class UsageError extends Error {}

function number(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const v = Number(raw);
  if (!Number.isFinite(v)) throw new UsageError(`--${name} must be a number, got "${raw}"`);
  return v;
}

function parseCli(argv: string[]): { file: string; params: AnalyzeParams } {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      fc: { type: 'string' },
      reference: { type: 'string' },
      technique: { type: 'string' },
      'mass-g': { type: 'string' },
      'field-oe': { type: 'string' },
      'wavelength-a': { type: 'string' },
      'density-g-cm3': { type: 'string' },
      demag: { type: 'string' },
      exo: { type: 'string' },
      'heating-rate-k-per-min': { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new UsageError(USAGE);
  const technique = values.technique?.toUpperCase();
  if (technique !== undefined && !TECHNIQUES.includes(technique as Technique)) throw new UsageError(`--technique must be one of ${TECHNIQUES.join(', ')}`);
  if (values.exo !== undefined && values.exo !== 'up' && values.exo !== 'down') throw new UsageError('--exo must be up or down');
  const file = positionals[0];
  const params: AnalyzeParams = {
    fileName: basename(file),
    technique: technique as Technique | undefined,
    massG: number('mass-g', values['mass-g']),
    fieldOe: number('field-oe', values['field-oe']),
    wavelengthA: number('wavelength-a', values['wavelength-a']),
    densityGCm3: number('density-g-cm3', values['density-g-cm3']),
    demagN: number('demag', values.demag),
    heatingRateKPerMin: number('heating-rate-k-per-min', values['heating-rate-k-per-min']),
    exo: values.exo as AnalyzeParams['exo'],
    fc: values.fc ? readFileSync(values.fc) : undefined,
    reference: values.reference ? readFileSync(values.reference) : undefined,
  };
  return { file, params: Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined)) as AnalyzeParams };
}

function main(): number {
  let input: { file: string; params: AnalyzeParams };
  try {
    input = parseCli(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(input.file);
  } catch (e) {
    process.stderr.write(`cannot read ${input.file}: ${(e as Error).message}\n`);
    return 1;
  }
  const result = analyzeFile(bytes, input.params);
  if (!result.ok) {
    const err = result.error as Error & { code: string };
    process.stderr.write(`${input.file}: ${err.code}: ${err.message}\n`);
    return 1;
  }
  const { technique, format, analyzer, analyzerVersion, metrics, warnings } = result.value;
  process.stdout.write(`${JSON.stringify({ technique, format, analyzer, analyzerVersion, metrics, warnings }, null, 2)}\n`);
  return 0;
}

process.exitCode = main();
