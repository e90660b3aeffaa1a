import { findNumericBlock } from './numeric-table';

/** The block's rows as arrays, for comparison. */
const rows = (text: string): number[][] | undefined => {
  const b = findNumericBlock(text, 2);
  return b && Array.from({ length: b.rowCount }, (_, r) => Array.from({ length: b.columnCount }, (_, c) => b.at(r, c)));
};

describe('findNumericBlock', () => {
  it('reads every spelling of a number the plain fast path and the general reader accept, alike', () => {
    const text = ['1 2', '+1.5,-2.', '.5\t6e2', ' 7E-1 , 8e+1 ,', ',9 10', '1D2 3', '1,5;2,5', '1.0d+01\u00a0 2'].join('\n');
    expect(rows(text)).toEqual([
      [1, 2],
      [1.5, -2],
      [0.5, 600],
      [0.7, 80],
      [9, 10],
      [100, 3],
      [1.5, 2.5],
      [10, 2],
    ]);
  });

  it('ends the block at a line that is not all numbers, whichever reader saw it', () => {
    for (const bad of ['1 2x', '1e 2', '. 2', '+ 2', '1 2 # note', '# 1 2', '1-2 3', '1e999 2', '0x10 2']) {
      const b = findNumericBlock(['1 2', '3 4', bad, '5 6', '7 8', '9 10'].join('\n'), 2);
      expect({ bad, firstLine: b?.firstLine, rowCount: b?.rowCount }).toEqual({ bad, firstLine: 4, rowCount: 3 });
    }
  });

  it('keeps header lines (numeric ones too), stray numeric lines and line numbers over LF, CRLF and CR', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const b = findNumericBlock(['# 2theta I', '', '3', '1 2', '', '3 4', '5 6', 'end', '7'].join(eol), 2)!;
      expect(b).toMatchObject({ rowCount: 3, columnCount: 2, firstLine: 4, lastLine: 7, headerLines: ['# 2theta I', '3'], strayNumericLines: [3, 9] });
      expect(b.column(1)).toEqual([2, 4, 6]);
    }
  });

  it('takes the longest run of one width, the others becoming stray lines', () => {
    const b = findNumericBlock(['1 2', '3 4', 'x', '1 2 3', '4 5 6', '7 8 9', 'y', '1 2'].join('\n'), 2)!;
    expect(b).toMatchObject({ rowCount: 3, columnCount: 3, firstLine: 4, headerLines: ['1 2', '3 4', 'x'], strayNumericLines: [1, 2, 8] });
  });
});
