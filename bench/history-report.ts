/**
 * `npm run bench:history`: the recorded runs of every benchmark, oldest first, one table per
 * benchmark with its figures as columns and MISS verdicts named. BENCH_LAST=n keeps the last n.
 */
import { historyPath, readHistory } from './history';
import { fixed, printTable } from './pipeline-common';

function main(): void {
  const path = historyPath();
  if (!path) throw new Error('no history file: BENCH_HISTORY is off and this is not a git checkout');
  const last = Number(process.env.BENCH_LAST ?? 20);
  const records = readHistory(path);
  if (records.length === 0) return console.log(`${path}: no runs recorded yet (run a benchmark)`);
  for (const bench of [...new Set(records.map((r) => r.bench))]) {
    const runs = records.filter((r) => r.bench === bench).slice(-last);
    const keys = [...new Set(runs.flatMap((r) => Object.keys(r.figures)))];
    console.log(`\n${bench} (${runs.length} run(s))`);
    printTable(
      ['when (UTC)', 'commit', 'parameters', ...keys, 'misses'],
      runs.map((r) => {
        const misses = Object.entries(r.verdicts)
          .filter(([, v]) => v === 'MISS')
          .map(([k]) => k);
        const params = Object.entries(r.params)
          .map(([k, v]) => `${k}=${v}`)
          .join(' ');
        return [
          r.at.slice(0, 16).replace('T', ' '),
          `${r.commit}${r.dirty ? '+' : ''}`,
          params,
          ...keys.map((k) => (r.figures[k] === undefined ? '-' : fixed(r.figures[k], 1))),
          misses.join(', ') || 'none',
        ];
      }),
    );
  }
  console.log(`\n${path}; commit+ = uncommitted changes were present`);
}

main();
