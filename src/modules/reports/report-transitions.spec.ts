import { reportInput, reportRun } from '../../../test/factories/report.factory';
import { figurePieces, transitionPiece } from './report-transitions';

const result = (sampleId: string, technique: 'MAGNETIC' | 'RESISTANCE', mode: 'ZFC' | 'FC' | null) =>
  reportRun(sampleId, technique, mode, `${sampleId}-${technique}-${mode}`, {}, '1.1.0');

const input = reportInput({
  pieces: [
    { sampleId: 'a', code: 'P-A', level: 0 },
    { sampleId: 'b', code: 'P-B', level: 0 },
    { sampleId: 'c', code: 'P-C', level: 1 },
    { sampleId: 'd', code: 'P-D', level: 5 },
  ],
  results: [
    result('a', 'MAGNETIC', 'ZFC'),
    result('b', 'MAGNETIC', 'ZFC'),
    result('b', 'MAGNETIC', 'FC'),
    result('b', 'RESISTANCE', null),
    result('c', 'MAGNETIC', null),
  ],
});

describe('figurePieces', () => {
  it('by default takes one piece per level with a ZFC run, preferring one with a resistance run too', () => {
    expect(figurePieces(input).pieces).toEqual([
      { sampleId: 'b', code: 'P-B', level: 0, runs: { zfc: 'b-MAGNETIC-ZFC', fc: 'b-MAGNETIC-FC', resistance: 'b-RESISTANCE-null' } },
      { sampleId: 'c', code: 'P-C', level: 1, runs: { zfc: 'c-MAGNETIC-null' } },
    ]);
  });

  it('takes the pieces asked for, in that order and any case, and names the codes not in the campaign', () => {
    const chosen = figurePieces(input, ['p-d', 'P-A', 'NOPE']);
    expect(chosen.pieces.map((p) => p.code)).toEqual(['P-D', 'P-A']);
    expect(chosen.unknown).toEqual(['NOPE']);
  });
});

describe('transitionPiece', () => {
  it('reads dχ/dT of the ZFC and FC runs and R(T) at the lowest field of the resistance run', () => {
    const curve = (v: number) => ({ x: [1, 2], y: [v, v], xLabel: 'T', yLabel: 'y' });
    const curves = new Map<string, unknown>([
      ['z', { dChiDt: curve(1), chiZfc: curve(9) }],
      ['f', { dChiDt: curve(2) }],
      ['r', { 'R(T) 3.77 T': curve(7), 'R(T) 0 T': curve(3), 'R(T) 0 T, channel 2': curve(8), 'Hc2(T)': curve(9) }],
    ]);
    const p = transitionPiece({ sampleId: 's', code: 'X', level: 1, runs: { zfc: 'z', fc: 'f', resistance: 'r' } }, curves, 'min');
    expect(p).toEqual({ code: 'X', subtitle: 'level 1 min', zfcDerivative: curve(1), fcDerivative: curve(2), resistance: curve(3) });
    expect(transitionPiece({ sampleId: 's', code: 'Y', level: 0, runs: { zfc: 'missing' } }, curves, '')).toEqual({ code: 'Y', subtitle: 'level 0' });
  });
});
