import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');
const eslintBin = join(root, 'node_modules', 'eslint', 'bin', 'eslint.js');

function lint(paths: string[]): { exitCode: number; messages: { ruleId: string | null; message: string; filePath: string }[] } {
  const run = spawnSync(process.execPath, [eslintBin, '--config', join(root, 'eslint.boundary.mjs'), '--no-inline-config', '--format', 'json', ...paths], {
    cwd: root,
    encoding: 'utf8',
  });
  const results = JSON.parse(run.stdout || '[]') as { filePath: string; messages: { ruleId: string | null; message: string }[] }[];
  return { exitCode: run.status ?? -1, messages: results.flatMap((r) => r.messages.map((m) => ({ ...m, filePath: r.filePath }))) };
}

/** The architectural rule is enforced, not only declared: libs/ imports no framework and does no I/O (the rule alone, eslint.boundary.mjs; `npm run lint` runs it with the rest). */
describe('libs/ boundary (eslint no-restricted-imports)', () => {
  it('libs/ has no restricted imports', () => {
    const { exitCode, messages } = lint(['libs']);
    expect(messages.map((m) => `${m.filePath}: ${m.message}`)).toEqual([]);
    expect(exitCode).toBe(0);
  });

  it('flags a framework import and file I/O in libs/', () => {
    const dir = mkdtempSync(join(root, 'libs', 'analysis', 'src', 'tmp-lint-'));
    try {
      // Assembled from parts so this spec itself never reads as a framework import.
      const framework = ['@nestjs', 'common'].join('/');
      writeFileSync(
        join(dir, 'probe.ts'),
        `import { Injectable } from '${framework}';\nimport { readFileSync } from 'node:fs';\nexport { Injectable, readFileSync };\n`,
      );
      const { exitCode, messages } = lint([dir]);
      expect(exitCode).toBe(1);
      expect(messages.map((m) => m.ruleId)).toEqual(['no-restricted-imports', 'no-restricted-imports']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
