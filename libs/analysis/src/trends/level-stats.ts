import { mean, sampleStandardDeviation } from 'simple-statistics';

export interface LevelStat {
  level: number;
  mean: number;
  /** Sample standard deviation (n − 1); 0 for a single value. */
  std: number;
  n: number;
  /** (mean − baseline mean) / |baseline mean| × 100, the baseline being the lowest level. */
  changePct: number;
}

/**
 * Per level of a campaign factor: mean, sample standard deviation and n of a metric, and its
 * change in % against the baseline level (the lowest level, e.g. as-quenched). Rows with a
 * non-finite value are ignored; levels come out in ascending order.
 */
export function levelStats(rows: { level: number; value: number }[]): LevelStat[] {
  const byLevel = new Map<number, number[]>();
  for (const { level, value } of rows) {
    if (!Number.isFinite(value) || !Number.isFinite(level)) continue;
    const list = byLevel.get(level) ?? [];
    list.push(value);
    byLevel.set(level, list);
  }
  const levels = [...byLevel.keys()].sort((a, b) => a - b);
  if (levels.length === 0) return [];
  const baseline = mean(byLevel.get(levels[0]) as number[]);
  return levels.map((level) => {
    const values = byLevel.get(level) as number[];
    const m = mean(values);
    return {
      level,
      mean: m,
      std: values.length > 1 ? sampleStandardDeviation(values) : 0,
      n: values.length,
      changePct: baseline !== 0 ? ((m - baseline) / Math.abs(baseline)) * 100 : NaN,
    };
  });
}
