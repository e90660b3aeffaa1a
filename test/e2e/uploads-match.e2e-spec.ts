import { GLASS_RIBBON_MODEL } from '../../libs/instruments/src/mpms-model';
import { writeMpmsFile } from '../../libs/instruments/src/mpms-writers';
import { laAlXrdModel, virtualXrd } from '../../libs/instruments/src/xrd';
import { newLineage } from '../factories/sample.factory';
import { TestApi } from '../setup/test-api';
import { startTestLab, type TestLab } from '../setup/test-lab';

const head = (text: string | Uint8Array): string =>
  Buffer.from(text)
    .subarray(0, 16 * 1024)
    .toString('base64');

/** POST /api/uploads/match: proposals from names and heads against the samples that exist. */
describe('bulk-upload matching route', () => {
  let lab: TestLab;
  let api: TestApi;
  let member: string;
  let pieces: { id: string; code: string }[];

  beforeAll(async () => {
    lab = await startTestLab('match');
    api = lab.api;
    member = lab.member.token;
    pieces = (await newLineage(api, member, lab.alloy.id, 2)).pieces;
  });
  afterAll(() => lab?.close());

  it('proposes technique, mode, field and the existing piece with its id, file by file', async () => {
    const [a, b] = pieces;
    const zfc = writeMpmsFile('MPMS_XL', GLASS_RIBBON_MODEL, {
      mode: 'ZFC',
      direction: 'up',
      fieldOe: 20,
      massMg: 2,
      noiseEmu: 5e-8,
      seed: 1,
      sampleName: a.code,
    });
    const fc = writeMpmsFile('PPMS_VSM', GLASS_RIBBON_MODEL, {
      mode: 'FC',
      direction: 'down',
      fieldOe: 20,
      massMg: 2,
      noiseEmu: 5e-8,
      seed: 2,
      sampleName: b.code,
    });
    const xrd = virtualXrd(laAlXrdModel(), { format: 'xrdml', name: b.code });
    const res = await api.request('POST', '/api/uploads/match', {
      token: member,
      body: {
        files: [
          { fileName: `run/${zfc.fileName}`, headBase64: head(zfc.text) },
          { fileName: fc.fileName, headBase64: head(fc.text) },
          { fileName: xrd.fileName, headBase64: head(xrd.bytes) },
          { fileName: 'I9999-R1-P01_ZFC.dat', headBase64: head(zfc.text.replace(a.code, 'I9999-R1-P01')) },
        ],
      },
    });
    expect(res.status).toBe(200);
    const p = res.body.proposals;
    expect(p).toHaveLength(4);
    expect(p[0]).toMatchObject({
      technique: 'MAGNETIC',
      format: 'multivu-mpms-xl',
      mode: 'ZFC',
      fieldOe: 20,
      sampleCode: a.code,
      sampleId: a.id,
      confidence: 'high',
    });
    expect(p[1]).toMatchObject({ technique: 'MAGNETIC', mode: 'FC', sampleCode: b.code, sampleId: b.id, confidence: 'high' });
    expect(p[2]).toMatchObject({ technique: 'XRD', mode: null, fieldOe: null, sampleCode: b.code, sampleId: b.id, confidence: 'high' });
    expect(p[3]).toMatchObject({ technique: 'MAGNETIC', sampleCode: null, sampleId: null, confidence: 'low' });
    expect(p[3].why.join(' ')).toContain('no sample I9999-R1-P01');
  });

  it('GET /api/techniques serves the registry: modes and metric labels and units', async () => {
    const res = await api.request('GET', '/api/techniques', { token: member });
    expect(res.status).toBe(200);
    expect(res.body.map((t: { id: string }) => t.id)).toEqual(['MAGNETIC', 'RESISTANCE', 'XRD', 'SAXS', 'DSC']);
    const magnetic = res.body[0];
    expect(magnetic.modes).toEqual(['ZFC', 'FC']);
    expect(magnetic.metrics.find((m: { key: string }) => m.key === 'tcOnsetK')).toMatchObject({ kind: 'number', label: 'Tc onset', unit: 'K' });
    expect(res.body.find((t: { id: string }) => t.id === 'XRD').modes).toEqual([]);
    // Each technique's summary names metrics it lists (the web app's latest-results strip reads them).
    expect(magnetic.summary[0]).toBe('tcOnsetK');
    for (const t of res.body as { summary: string[]; metrics: { key: string }[] }[]) {
      expect(t.summary.filter((k) => !t.metrics.some((m) => m.key === k))).toEqual([]);
    }
  });

  it('refuses bad input naming the field, and asks for a token', async () => {
    const bad = await api.request('POST', '/api/uploads/match', { token: member, body: { files: [{ fileName: 'x.dat', headBase64: '%%%' }] } });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('files.0.headBase64');
    const many = await api.request('POST', '/api/uploads/match', {
      token: member,
      body: { files: Array.from({ length: 41 }, (_, i) => ({ fileName: `f${i}.dat`, headBase64: 'AA==' })) },
    });
    expect(many.status).toBe(400);
    expect(many.body.message).toContain('at most 40 files');
    const big = await api.request('POST', '/api/uploads/match', { token: member, body: { files: [{ fileName: 'x.dat', headBase64: 'A'.repeat(22_000) }] } });
    expect(big.status).toBe(400);
    expect(big.body.message).toContain('at most the first 16384 bytes');
    expect((await api.request('POST', '/api/uploads/match', { body: { files: [] } })).status).toBe(401);
  });
});
