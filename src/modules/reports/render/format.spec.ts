import { describeFactor, escapeHtml, factorAxisName, formatNumber, formatPercent, formatWithError } from './format';

describe('report text formatting', () => {
  it('escapes the five HTML-special characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('rounds the error to 1 significant digit (2 when it starts with 1) and the value to match', () => {
    expect(formatWithError(1.18545, 0.0386)).toBe('1.19 ± 0.04');
    expect(formatWithError(1.18545, 0.0146)).toBe('1.185 ± 0.015');
    expect(formatWithError(0.0095013, 0.0000157)).toBe('0.009501 ± 0.000016');
    expect(formatWithError(-0.00055, 0.0001)).toBe('−0.00055 ± 0.00010');
    expect(formatWithError(1234.5, 56)).toBe('1230 ± 60');
    expect(formatWithError(3.14159, 0)).toBe('3.142');
    expect(formatWithError(3.14159, NaN)).toBe('3.142');
    expect(formatWithError(null, 0.1)).toBe('—');
  });

  it('formats numbers and percentages for reading', () => {
    expect(formatNumber(0.00950137)).toBe('0.009501');
    expect(formatNumber(-2.5)).toBe('−2.5');
    expect(formatNumber(NaN)).toBe('—');
    expect(formatPercent(-38.304)).toBe('−38.3 %');
    expect(formatPercent(2)).toBe('+2.0 %');
    expect(formatPercent(-0.01)).toBe('0.0 %');
    expect(formatPercent(null)).toBe('—');
  });

  it('describes both factor kinds', () => {
    expect(describeFactor({ kind: 'ANNEAL_HOLD_MIN', targetK: 453, levels: [5, 0, 0.5] })).toBe('Anneal hold time at 453 K; levels 0, 0.5, 5 min');
    expect(describeFactor({ kind: 'CRYO_CYCLES', lowK: 77, highK: 293, levels: [0, 27, 50] })).toBe(
      'Cryogenic cycling between 77 K and 293 K; levels 0, 27, 50 cycles',
    );
    expect(factorAxisName({ kind: 'CRYO_CYCLES', lowK: 77, highK: 293, levels: [] })).toBe('cycles 77 K ↔ 293 K');
  });
});
