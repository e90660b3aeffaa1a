import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { buildExamples, EXAMPLES_DIR } from '../scripts/make-examples';

/** examples/ holds exactly what scripts/make-examples.ts writes, so truth.json is their truth. */
describe('examples/', () => {
  const built = buildExamples();

  it.each(Object.keys(built.files))('%s is the virtual instrument’s output, byte for byte', (name) => {
    expect(Buffer.compare(readFileSync(join(EXAMPLES_DIR, name)), Buffer.from(built.files[name]))).toBe(0);
  });

  it('truth.json is the truth they were generated from', () => {
    expect(JSON.parse(readFileSync(join(EXAMPLES_DIR, 'truth.json'), 'utf8'))).toEqual(JSON.parse(JSON.stringify(built.truth)));
  });

  it('holds nothing else but its README', () => {
    expect(readdirSync(EXAMPLES_DIR).sort()).toEqual([...Object.keys(built.files), 'README.md', 'truth.json'].sort());
  });
});
