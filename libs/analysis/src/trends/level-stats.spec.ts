import { levelStats } from './level-stats';

describe('levelStats', () => {
  it('groups by level, sorts, and reports change against the lowest level', () => {
    const stats = levelStats([
      { level: 5, value: 4 },
      { level: 0, value: 10 },
      { level: 0, value: 12 },
      { level: 1, value: 6 },
      { level: 1, value: 8 },
      { level: 1, value: NaN },
    ]);
    expect(stats.map((s) => s.level)).toEqual([0, 1, 5]);
    expect(stats[0]).toEqual({ level: 0, mean: 11, std: Math.SQRT2, n: 2, changePct: 0 });
    expect(stats[1].mean).toBe(7);
    expect(stats[1].n).toBe(2);
    expect(stats[1].changePct).toBeCloseTo(((7 - 11) / 11) * 100, 12);
    expect(stats[2]).toEqual({ level: 5, mean: 4, std: 0, n: 1, changePct: ((4 - 11) / 11) * 100 });
  });

  it('uses |baseline| so a negative metric (signed χ) still reports its relative change', () => {
    const stats = levelStats([
      { level: 0, value: -0.01 },
      { level: 1, value: -0.0062 },
    ]);
    expect(stats[1].changePct).toBeCloseTo(38, 10);
  });

  it('returns nothing for no rows', () => {
    expect(levelStats([])).toEqual([]);
  });
});
