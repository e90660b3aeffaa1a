import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { realFixtureFiles } from '../../../scripts/real-fixtures';
import { packContent, unpackContent } from './stored-content';

describe('stored file content', () => {
  it('returns every real instrument file byte for byte, and compresses the text ones', async () => {
    const files = realFixtureFiles();
    expect(files.length).toBeGreaterThanOrEqual(19);
    for (const file of files) {
      const bytes = readFileSync(file);
      const stored = await packContent(bytes);
      expect(Buffer.compare(await unpackContent(stored), bytes)).toBe(0);
      if (stored.encoding === 'br') expect(stored.content.length).toBeLessThan(bytes.length);
    }
  });

  it('keeps every real MultiVu file in at most a third of its size', async () => {
    const dats = realFixtureFiles('mpms');
    expect(dats.length).toBeGreaterThanOrEqual(8);
    for (const dat of dats) {
      const bytes = readFileSync(dat);
      const stored = await packContent(bytes);
      expect(stored.encoding).toBe('br');
      expect(stored.content.length / bytes.length).toBeLessThan(0.36);
    }
  });

  it('stores bytes brotli cannot shrink as they came', async () => {
    const noise = randomBytes(64 * 1024);
    const stored = await packContent(noise);
    expect(stored.encoding).toBe('identity');
    expect(Buffer.compare(stored.content, noise)).toBe(0);
  });

  it('refuses an encoding it does not know instead of returning the wrong bytes', async () => {
    await expect(unpackContent({ encoding: 'zstd' as never, content: Buffer.from('x') })).rejects.toThrow('unknown content encoding zstd');
  });
});
