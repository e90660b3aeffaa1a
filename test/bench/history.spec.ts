import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readHistory, recordRun } from '../../bench/history';

describe('benchmark history', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vt-bench-history-'));
  const path = join(dir, 'history.jsonl');
  const saved = process.env.BENCH_HISTORY;
  beforeAll(() => {
    process.env.BENCH_HISTORY = path;
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  afterAll(() => {
    process.env.BENCH_HISTORY = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it('appends one JSON line per run with commit, machine, figures and verdicts; unmeasured figures are left out', () => {
    expect(recordRun('pipeline-throughput', { rate: 20 }, { overheadP50Ms: 30.12345, apiCpuPct: NaN }, { overheadP50: 'PASS' })).toBe(path);
    recordRun('report-latency', { pieces: 1000 }, { jsonP95Ms: 113 }, { reportP95: 'MISS' });
    expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(2);
    const [first, second] = readHistory(path);
    expect(first).toMatchObject({ bench: 'pipeline-throughput', params: { rate: 20 }, figures: { overheadP50Ms: 30.123 }, verdicts: { overheadP50: 'PASS' } });
    expect(first.figures).not.toHaveProperty('apiCpuPct');
    expect(first.commit).toMatch(/^[0-9a-f]{12}$/);
    expect(first.machine.cpus).toBeGreaterThan(0);
    expect(Date.parse(first.at)).toBeGreaterThan(Date.parse('2026-01-01'));
    expect(second.verdicts).toEqual({ reportP95: 'MISS' });
  });

  it('BENCH_HISTORY=off writes nothing', () => {
    process.env.BENCH_HISTORY = 'off';
    expect(recordRun('x', {}, { a: 1 }, {})).toBeUndefined();
    process.env.BENCH_HISTORY = path;
    expect(readHistory(path)).toHaveLength(2);
  });
});
