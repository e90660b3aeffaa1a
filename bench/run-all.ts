/**
 * `npm run bench`: every benchmark in turn, each in its own process so one's heap and JIT state do
 * not colour the next. Each prints its own table and PASS/MISS verdicts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const BENCHES = [
  'analysis-throughput',
  'parse-scaling',
  'parser-fuzz',
  'bytea-storage',
  'api-throughput',
  'pipeline-throughput',
  'report-latency',
  'web-pages',
];

let failed = 0;
for (const name of BENCHES) {
  const file = join(__dirname, `${name}.js`);
  if (!existsSync(file)) continue;
  console.log(`\n=== ${name} ===`);
  const run = spawnSync(process.execPath, [file], { stdio: 'inherit', env: process.env });
  if (run.status !== 0) {
    failed++;
    console.error(`${name} exited with ${run.status ?? run.signal}`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
