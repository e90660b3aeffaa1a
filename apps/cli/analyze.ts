/**
 * `npm run -s analyze -- FILE [--technique T] [options]`: prints one JSON object with the analysis
 * of FILE, or the reason it could not be analysed on stderr with exit code 1 (2 for a usage
 * error). The techniques and options come from the technique registry; `--help` lists them.
 */
import { readFileSync } from 'node:fs';
import { analyzeFile } from '../../libs/analysis/src/analyze-file';
import { help, parseCli, UsageError } from './analyze-args';

function main(): number {
  let input: ReturnType<typeof parseCli>;
  try {
    input = parseCli(process.argv.slice(2), (path) => readFileSync(path));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    if (!(e instanceof UsageError)) return 1;
    return 2;
  }
  if (input === 'help') {
    process.stdout.write(`${help()}\n`);
    return 0;
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
    process.stderr.write(`${input.file}: ${result.error.code}: ${result.error.message}\n`);
    return 1;
  }
  const { technique, format, analyzer, analyzerVersion, metrics, warnings } = result.value;
  process.stdout.write(`${JSON.stringify({ technique, format, analyzer, analyzerVersion, metrics, warnings }, null, 2)}\n`);
  return 0;
}

process.exitCode = main();
