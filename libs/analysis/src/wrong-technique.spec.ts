import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { virtualDscScan } from '../../instruments/src/dsc';
import { writeMpmsFile } from '../../instruments/src/mpms';
import { GLASS_RIBBON_MODEL } from '../../instruments/src/mpms-model';
import { simulatePpms } from '../../instruments/src/ppms';
import { laAlXrdModel, virtualXrd } from '../../instruments/src/xrd';
import { analyzeFile } from './analyze-file';
import { TECHNIQUE_IDS, type TechniqueId } from './techniques';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const GLASS = GLASS_RIBBON_MODEL;

/** Virtual-instrument files whose format names their technique (MultiVu header, XRDML root, DSC export). */
const FILES: Record<Exclude<TechniqueId, 'SAXS'>, { bytes: Uint8Array; fileName: string; label: RegExp }> = {
  MAGNETIC: (() => {
    const v = writeMpmsFile('MPMS3_VSM', GLASS, { seed: 3, mode: 'ZFC', direction: 'up', fieldOe: 20, massMg: 2, noiseEmu: 1e-7 });
    return { bytes: utf8(v.text), fileName: v.fileName, label: /^this is MAGNETIC data \(magnetic susceptibility χ\(T\), multivu-mpms3\)/ };
  })(),
  RESISTANCE: (() => {
    const v = simulatePpms({ seed: 5 });
    return { bytes: utf8(v.text), fileName: v.fileName, label: /^this is RESISTANCE data \(resistance R\(T\), multivu-ppms-resistivity\)/ };
  })(),
  XRD: (() => {
    const v = virtualXrd(laAlXrdModel(), { format: 'xrdml', seed: 2 });
    return { bytes: v.bytes, fileName: v.fileName, label: /^this is XRD data \(X-ray diffraction, xrdml\)/ };
  })(),
  DSC: (() => {
    const v = virtualDscScan({ format: 'ta-universal-analysis', seed: 4 });
    return { bytes: v.bytes, fileName: v.fileName, label: /^this is DSC data \(.*, ta-universal-analysis\)/ };
  })(),
};

const cases = (Object.keys(FILES) as (keyof typeof FILES)[]).flatMap((own) => TECHNIQUE_IDS.filter((t) => t !== own).map((asked) => [own, asked] as const));

describe('a file of another technique fails at once, naming both', () => {
  it.each(cases)('a %s file given as %s', (own, asked) => {
    const f = FILES[own];
    const r = analyzeFile(f.bytes, { technique: asked, fileName: f.fileName });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('WRONG_TECHNIQUE');
    expect(r.error.message).toMatch(f.label);
    expect(r.error.message).toContain(`; the measurement is ${asked} (`);
  });

  it('each of those files is analysed by its own technique', () => {
    for (const [own, f] of Object.entries(FILES)) {
      const r = analyzeFile(f.bytes, { technique: own as TechniqueId, fileName: f.fileName });
      expect(r.ok ? r.value.technique : r.error.code).toBe(own);
    }
  });

  it('the real MPMS .dat of the issue, uploaded to an XRD measurement, no longer gives q1 = −8.10 Å⁻¹', () => {
    const dir = join(__dirname, '../../../test/fixtures/real/mpms');
    const name = 'magnetopy_zfcfc1_DC_100Oe_MPMS3.dat';
    const r = analyzeFile(new Uint8Array(readFileSync(join(dir, name))), { technique: 'XRD', fileName: name });
    expect(r.ok ? 'ok' : `${r.error.code}: ${r.error.message}`).toMatch(
      /^WRONG_TECHNIQUE: this is MAGNETIC data \(magnetic susceptibility χ\(T\), multivu-mpms3\); the measurement is XRD \(X-ray diffraction/,
    );
  });
});
