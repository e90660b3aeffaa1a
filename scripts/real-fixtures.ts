import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './processes';

/** The real instrument files, with their provenance in PROVENANCE.md there. */
export const REAL_FIXTURES_DIR = join(ROOT, 'test', 'fixtures', 'real');

/** Every real instrument file under `subdir` (all of them by default), as absolute paths. */
export function realFixtureFiles(subdir = ''): string[] {
  const dir = join(REAL_FIXTURES_DIR, subdir);
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.endsWith('.md'))
    .map((e) => join(e.parentPath ?? e.path, e.name))
    .sort();
}
