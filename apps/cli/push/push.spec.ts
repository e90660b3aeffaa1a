import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ledger } from './ledger';
import { parsePushArgs, UsageError } from './push-args';
import { StabilityTracker } from './stability';

describe('StabilityTracker', () => {
  it('calls a file finished only after its size and mtime held for the whole window', () => {
    const t = new StabilityTracker(5000);
    expect(t.observe('a', 10, 1, 0)).toBe(false);
    expect(t.observe('a', 10, 1, 4999)).toBe(false);
    expect(t.observe('a', 20, 2, 5000)).toBe(false); // grew: the window starts again
    expect(t.observe('a', 20, 2, 9999)).toBe(false);
    expect(t.observe('a', 20, 2, 10000)).toBe(true);
  });

  it('never calls an empty file finished, and forgets removed files', () => {
    const t = new StabilityTracker(1000);
    t.observe('e', 0, 1, 0);
    expect(t.observe('e', 0, 1, 5000)).toBe(false);
    t.observe('b', 5, 1, 0);
    t.retain(new Set(['e']));
    expect(t.observe('b', 5, 1, 5000)).toBe(false);
  });
});

describe('Ledger', () => {
  it('survives a reopen and tells uploaded and refused content from pending', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-'));
    const file = join(dir, 'ledger.json');
    const l = Ledger.open(file);
    l.set('aa', { path: 'x.dat', measurementId: 'm1' });
    l.set('bb', { path: 'y.dat', measurementId: 'm2', uploadedAt: '2026-12-01T00:00:00Z' });
    l.set('cc', { path: 'z.dat', rejected: '422: no' });
    const again = Ledger.open(file);
    expect([again.done('aa'), again.done('bb'), again.done('cc'), again.done('dd')]).toEqual([false, true, true, false]);
    expect(again.get('aa')?.measurementId).toBe('m1');
    expect(again.uploadedCount).toBe(1);
    expect(JSON.parse(readFileSync(file, 'utf8')).version).toBe(1);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('parsePushArgs', () => {
  const env = { VITRACK_TOKEN: 'vt_abc' };
  it('reads options with defaults, the token from the environment', () => {
    expect(parsePushArgs(['--dir', '/data/mpms/', '--stable-seconds', '30'], env)).toEqual({
      dir: '/data/mpms/',
      apiUrl: 'http://127.0.0.1:3000',
      token: 'vt_abc',
      stateFile: '/data/mpms/.vitrack-push.json',
      stableSeconds: 30,
      scanSeconds: 2,
      maxBackoffSeconds: 30,
    });
    expect(parsePushArgs(['--help'], {})).toBe('help');
  });

  it('refuses a missing folder or token, unknown options and bad numbers', () => {
    expect(() => parsePushArgs([], env)).toThrow('--dir is required');
    expect(() => parsePushArgs(['--dir', 'd'], {})).toThrow('VITRACK_TOKEN');
    expect(() => parsePushArgs(['--dir', 'd', '--token', 'x'], env)).toThrow('unknown option --token');
    expect(() => parsePushArgs(['--dir', 'd', '--scan-seconds', '-1'], env)).toThrow(UsageError);
  });
});
