import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { virtualDscScan } from '../../../instruments/src/dsc';
import { GLASS_RIBBON_MODEL } from '../../../instruments/src/mpms-model';
import { MPMS_FORMATS, writeMpmsFile } from '../../../instruments/src/mpms-writers';
import { simulatePpms } from '../../../instruments/src/ppms';
import { laAlSaxsModel, virtualSaxs } from '../../../instruments/src/saxs';
import { laAlXrdModel, virtualXrd } from '../../../instruments/src/xrd';
import { TECHNIQUE_REGISTRY } from '../techniques';
import { candidateCodes, findSampleCodes, proposeUpload, readUploadClues, UPLOAD_HEAD_BYTES, type UploadClues } from './index';

const REAL = join(__dirname, '../../../../test/fixtures/real');
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
/** What a client sends: the first UPLOAD_HEAD_BYTES of the file. */
const clues = (fileName: string, bytes: Uint8Array): UploadClues => readUploadClues(TECHNIQUE_REGISTRY, fileName, bytes.subarray(0, UPLOAD_HEAD_BYTES));

describe('findSampleCodes', () => {
  it('normalises hand-written codes and keeps the most specific first', () => {
    expect(findSampleCodes('I0007-R2-P05_ZFC')).toEqual(['I0007-R2-P05']);
    expect(findSampleCodes('i0007_r2_p5 zfc.dat')).toEqual(['I0007-R2-P05']);
    expect(findSampleCodes('ribbon I0012-R1, piece I0012-R1-P3')).toEqual(['I0012-R1', 'I0012-R1-P03']);
  });

  it('does not read codes inside words or from short numbers', () => {
    expect(findSampleCodes('PI0007-R1 Ch1 I12 xI0001')).toEqual([]);
  });
});

describe('bulk-upload matching on the virtual instruments', () => {
  const piece = 'I0003-R1-P07';
  const existing = new Set(['I0003', 'I0003-R1', piece]);

  it.each(MPMS_FORMATS)('%s: MAGNETIC, the mode and field from the name, the piece from the header and name', (format) => {
    for (const mode of ['ZFC', 'FC'] as const) {
      const f = writeMpmsFile(format, GLASS_RIBBON_MODEL, {
        mode,
        direction: mode === 'ZFC' ? 'up' : 'down',
        fieldOe: 20,
        massMg: 2.5,
        noiseEmu: 5e-8,
        seed: 3,
        sampleName: piece,
      });
      const c = clues(f.fileName, utf8(f.text));
      expect(c.detection?.technique).toBe('MAGNETIC');
      // The head gives what the whole file gives.
      expect(c.detection).toEqual(TECHNIQUE_REGISTRY.detect(utf8(f.text), f.fileName));
      const p = proposeUpload(c, existing);
      expect(p).toMatchObject({ technique: 'MAGNETIC', mode, fieldOe: 20, sampleCode: piece, confidence: 'high' });
      expect(p.why.join(' | ')).toContain(`sample ${piece} from the header`);
    }
  });

  it('reads the mode and field from the MPMS3 SAMPLE_COMMENT when the name has none', () => {
    const f = writeMpmsFile('MPMS3_VSM', GLASS_RIBBON_MODEL, {
      mode: 'FC',
      direction: 'down',
      fieldOe: 50,
      massMg: 2.5,
      noiseEmu: 5e-8,
      seed: 4,
      sampleName: piece,
    });
    const p = proposeUpload(clues('run-0042.dat', utf8(f.text)), existing);
    expect(p).toMatchObject({ technique: 'MAGNETIC', mode: 'FC', fieldOe: 50, sampleCode: piece, confidence: 'high' });
    expect(p.why).toContain('mode FC from the header');
  });

  it('PPMS resistivity, XRD (xy, xrdml, chi), SAXS and DSC: technique from the content, sample from name or header', () => {
    const files: { fileName: string; bytes: Uint8Array; technique: string }[] = [
      { fileName: `${piece}_RvsT.dat`, bytes: utf8(simulatePpms({ seed: 2 }).text), technique: 'RESISTANCE' },
      { fileName: `${piece}_RvsT_act.dat`, bytes: utf8(simulatePpms({ seed: 2, option: 'actransport' }).text), technique: 'RESISTANCE' },
      ...(['xy-2theta', 'xrdml', 'chi', 'xy-q'] as const).map((format) => {
        const x = virtualXrd(laAlXrdModel(), { format, name: piece });
        return { fileName: x.fileName, bytes: x.bytes, technique: 'XRD' };
      }),
      { fileName: `${piece}.saxs.txt`, bytes: virtualSaxs(laAlSaxsModel()).bytes, technique: 'SAXS' },
      ...(['ta-universal-analysis', 'pyris-ascii', 'netzsch-proteus', 'mettler-stare', 'csv-units'] as const).map((format) => {
        const d = virtualDscScan({ format, sampleName: piece });
        // The CSV export has no header to carry the sample: its name does.
        return { fileName: format === 'csv-units' ? `${piece}_dsc.csv` : d.fileName, bytes: d.bytes, technique: 'DSC' };
      }),
    ];
    for (const f of files) {
      const c = clues(f.fileName, f.bytes);
      const p = proposeUpload(c, existing);
      expect({ file: f.fileName, technique: p.technique, sampleCode: p.sampleCode, mode: p.mode, confidence: p.confidence }).toEqual({
        file: f.fileName,
        technique: f.technique,
        sampleCode: piece,
        mode: null,
        confidence: 'high',
      });
      expect(c.detection).toEqual(TECHNIQUE_REGISTRY.detect(f.bytes, f.fileName));
    }
  });

  it('a code nobody may see is named, not proposed; a second existing piece makes it low', () => {
    const f = writeMpmsFile('MPMS3_DC', GLASS_RIBBON_MODEL, {
      mode: 'ZFC',
      direction: 'up',
      fieldOe: 20,
      massMg: 2.5,
      noiseEmu: 5e-8,
      seed: 5,
      sampleName: 'I0099-R1-P01',
    });
    const unknown = proposeUpload(clues(f.fileName, utf8(f.text)), existing);
    expect(unknown).toMatchObject({ sampleCode: null, confidence: 'low' });
    expect(unknown.why).toContain('no sample I0099-R1-P01 (in the header SAMPLE_MATERIAL (line 12)) exists that you may see');

    const renamed = clues(`${piece}_ZFC.dat`, utf8(f.text));
    expect(candidateCodes([renamed])).toEqual(['I0099-R1-P01', piece]);
    const both = proposeUpload(renamed, new Set([piece, 'I0099-R1-P01']));
    expect(both).toMatchObject({ sampleCode: 'I0099-R1-P01', confidence: 'low' });
    expect(both.why).toContain(`also names sample ${piece} in the file name`);
  });

  it('an unrecognised file with no code proposes nothing', () => {
    expect(proposeUpload(clues('notes.txt', utf8('shopping list\nmilk\n')), existing)).toMatchObject({
      technique: null,
      sampleCode: null,
      mode: null,
      confidence: 'none',
    });
  });
});

describe('bulk-upload matching on the real fixtures', () => {
  const dirs = ['mpms', 'ppms', 'xrd', 'saxs', 'dsc'];
  const all = dirs.flatMap((d) => readdirSync(join(REAL, d)).map((name) => ({ dir: d, name, bytes: new Uint8Array(readFileSync(join(REAL, d, name))) })));

  it('detects from the head what the whole file detects, for every fixture', () => {
    expect(all.length).toBeGreaterThanOrEqual(19);
    for (const f of all) expect({ f: f.name, d: clues(f.name, f.bytes).detection }).toEqual({ f: f.name, d: TECHNIQUE_REGISTRY.detect(f.bytes, f.name) });
  });

  it('reads the modes and fields real MPMS file names carry, and leaves a ZFC+FC file to the person', () => {
    const byName = (name: string) => clues(name, all.find((f) => f.name === name)!.bytes);
    expect(byName('magnetopy_zfc4a_VSM_100Oe_comments_MPMS3.dat')).toMatchObject({ mode: 'ZFC', fieldOe: 100 });
    expect(byName('magnetopy_fc5_DC_200Oe_settle_CRLF_MPMS3.dat')).toMatchObject({ mode: 'FC', fieldOe: 200 });
    expect(byName('qdsquid_MPMSXL_MultiVu1.60_DC_ZFC_1kOe_blanklines.dc.dat')).toMatchObject({ mode: 'ZFC', fieldOe: 1000 });
    const both = byName('magnetopy_zfcfc1_DC_100Oe_MPMS3.dat');
    expect(both.mode).toBeUndefined();
    expect(proposeUpload(both, new Set()).why).toContain('no single mode (ZFC or FC) named; choose one');
  });

  it('finds a lab code put into a real header, and none in the fixtures as they are', () => {
    for (const f of all) expect({ f: f.name, codes: clues(f.name, f.bytes).codes }).toEqual({ f: f.name, codes: [] });
    const f = all.find((x) => x.name === 'qdsquid_MPMSXL_MultiVu1.60_DC_ZFC_1kOe_blanklines.dc.dat')!;
    const text = new TextDecoder().decode(f.bytes).replace('INFO, NAME, pb6051', 'INFO, NAME, I0002-R3-P11');
    const p = proposeUpload(clues(f.name, utf8(text)), new Set(['I0002-R3-P11']));
    expect(p).toMatchObject({ technique: 'MAGNETIC', mode: 'ZFC', fieldOe: 1000, sampleCode: 'I0002-R3-P11', confidence: 'high' });
    expect(p.why).toContain('sample I0002-R3-P11 from the header NAME (line 8)');
  });
});
