/** Number and factor wording shared by the report renderers (server) and the web app (browser). */

/** A campaign factor as charts and labels need it: anneal hold minutes at one temperature, or cryo cycles between two. */
export type FactorSpec =
  { kind: 'ANNEAL_HOLD_MIN'; targetK: number; levels: number[] } | { kind: 'CRYO_CYCLES'; lowK: number; highK: number; levels: number[] };

/** A typographic minus: "−0.5" reads better than "-0.5" in a report. */
const withMinus = (s: string): string => s.replace(/^-/, '−');

/** A number to `sig` significant digits (trailing zeros dropped); "—" when absent or not finite. */
export function formatNumber(value: number | null | undefined, sig = 4): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return withMinus(String(Number(value.toPrecision(sig))));
}

/**
 * "value ± error", the error rounded to one significant digit (two when it starts with 1, so 0.14
 * does not become 0.1) and the value to the same decimal place, e.g. 1.185 ± 0.004. Without a
 * positive finite error the value alone, to 4 significant digits.
 */
export function formatWithError(value: number | null | undefined, error: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (error === null || error === undefined || !Number.isFinite(error) || error <= 0) return formatNumber(value);
  const exponent = Math.floor(Math.log10(error));
  const leading = Math.floor(error / 10 ** exponent);
  const decimals = -(exponent - (leading === 1 ? 1 : 0));
  if (decimals >= 0) {
    const d = Math.min(decimals, 20);
    return `${withMinus(value.toFixed(d))} ± ${error.toFixed(d)}`;
  }
  const step = 10 ** -decimals;
  return `${withMinus(String(Math.round(value / step) * step))} ± ${Math.round(error / step) * step}`;
}

/** A signed percentage with one decimal, e.g. "−38.3 %", "+2.0 %"; "—" when absent. */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const rounded = Number(value.toFixed(1));
  if (rounded === 0) return '0.0 %';
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded).toFixed(1)} %`;
}

/** Unit of a factor level: anneal hold minutes or cryo cycles. */
export function levelUnit(factor: FactorSpec): string {
  return factor.kind === 'ANNEAL_HOLD_MIN' ? 'min' : 'cycles';
}

/** Axis name of the factor, with its unit, e.g. "hold at 453 K (min)". */
export function factorAxisName(factor: FactorSpec): string {
  return factor.kind === 'ANNEAL_HOLD_MIN'
    ? `hold at ${formatNumber(factor.targetK)} K (min)`
    : `cycles ${formatNumber(factor.lowK)} K ↔ ${formatNumber(factor.highK)} K`;
}

/** One sentence describing the factor and its levels, e.g. "Anneal hold at 453 K: 0, 0.5, 1 min". */
export function describeFactor(factor: FactorSpec): string {
  const levels = [...factor.levels]
    .sort((a, b) => a - b)
    .map((l) => formatNumber(l, 6))
    .join(', ');
  return factor.kind === 'ANNEAL_HOLD_MIN'
    ? `Anneal hold time at ${formatNumber(factor.targetK)} K; levels ${levels} min`
    : `Cryogenic cycling between ${formatNumber(factor.lowK)} K and ${formatNumber(factor.highK)} K; levels ${levels} cycles`;
}

/** A level with its unit, e.g. "0.5 min", "27 cycles". */
export function formatLevel(level: number, factor: FactorSpec): string {
  const unit = levelUnit(factor);
  return `${formatNumber(level, 6)} ${level === 1 && unit === 'cycles' ? 'cycle' : unit}`;
}
