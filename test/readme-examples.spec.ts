import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ROOT } from '../scripts/processes';

interface Example {
  command: string;
  exitCode: number;
  /** Metrics quoted after `exit 0:` as `"name": number`. */
  numbers: [string, string][];
  /** Text quoted after `exit 1: stderr`. */
  stderr?: string;
}

/**
 * The README's command-line examples, read from its ```sh blocks: each `npm run -s analyze -- …`
 * line and the `#   exit N: …` comment under it saying what it prints.
 */
function readmeExamples(): Example[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const lines = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => m[1].split('\n'));
  const examples: Example[] = [];
  lines.forEach((line, i) => {
    if (!line.startsWith('npm run -s analyze -- ')) return;
    const outcome = /^#\s+exit (\d+)(?::\s*(.*))?$/.exec(lines[i + 1] ?? '');
    if (!outcome) throw new Error(`README example "${line}" has no "#   exit N: …" line under it`);
    const said = outcome[2] ?? '';
    examples.push({
      command: line,
      exitCode: Number(outcome[1]),
      numbers: [...said.matchAll(/"(\w+)": (-?[\d.]+)/g)].map((m) => [m[1], m[2]]),
      stderr: /^stderr "(.*)"$/.exec(said)?.[1],
    });
  });
  return examples;
}

describe('README command-line examples run as written', () => {
  const examples = readmeExamples();

  it('are there: a superconducting ZFC/FC pair, an XRD pair and a file that fails with its reason', () => {
    expect(examples.map((e) => e.exitCode)).toEqual([0, 0, 1]);
    expect(examples[0].command).toContain('--fc ');
    expect(examples[1].command).toContain('--reference ');
  });

  it.each(readmeExamples().map((e) => [e.command, e]))('%s', (_command, example) => {
    const args = example.command.split(/\s+/).slice(1);
    const run = spawnSync('npm', args, { cwd: ROOT, encoding: 'utf8', env: process.env });
    expect({ status: run.status, stderr: run.status === example.exitCode ? '' : run.stderr }).toEqual({ status: example.exitCode, stderr: '' });
    if (example.exitCode === 0) {
      const metrics = (JSON.parse(run.stdout) as { metrics: Record<string, number> }).metrics;
      expect(example.numbers.length).toBeGreaterThan(0);
      for (const [name, quoted] of example.numbers) {
        // Quoted to its last digit: the output may differ from it by at most one unit there.
        const unit = 10 ** -(quoted.split('.')[1]?.length ?? 0);
        expect({ name, off: Math.abs(metrics[name] - Number(quoted)) <= unit }).toEqual({ name, off: true });
      }
    } else {
      expect(example.stderr).toBeDefined();
      expect(run.stderr).toContain(example.stderr);
    }
  });
});
