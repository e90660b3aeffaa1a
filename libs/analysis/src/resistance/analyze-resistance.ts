/** The resistance analyzer: Tc, 10–90 % width and TCR sign at the lowest field, Hc2(T) from every field. */
import { AnalysisError, fail, ok, Result } from '../core/errors';
import { decimate } from '../core/numeric';
import type { Curves, TransportData } from '../core/types';
import { groupByField } from './field-groups';
import { estimateHc2, Hc2Metrics } from './hc2';
import { Hc2Point, mdgCurveT } from './mdg-fit';
import { analyzeTransition } from './transition';

export interface ResistanceMetrics extends Hc2Metrics {
  /** Tc at the lowest field: 50 % of the normal-state resistance just above the transition, K. */
  tcK: number;
  /** T(90 %) − T(10 %) at the lowest field, K (NaN if the sweep stops inside the transition). */
  width1090K: number;
  /** Sign of dR/dT above Tc at the lowest field; 0 when not significant. */
  tcrSign: -1 | 0 | 1;
  /** One point per field group with a transition: μ0H (T) and its 50 % Tc (K). */
  hc2Points: Hc2Point[];
}

export interface ResistanceResult {
  metrics: ResistanceMetrics;
  warnings: string[];
  curves?: Curves;
}

const MIN_GROUP_POINTS = 10;
const MAX_CURVE_POINTS = 400;

function countFinite(values: readonly number[]): number {
  let n = 0;
  for (const v of values) if (Number.isFinite(v)) n++;
  return n;
}

/**
 * Resistive superconducting transition and upper critical field from R(T) sweeps at one or more
 * fields (MultiVu transport files via toTransportData).
 * Channel: `params.channel` (exact name, else case-insensitive substring) or the channel with
 * the most finite values (first on a tie). Rows are grouped by field setpoint; Tc, 10–90 % width
 * and TCR sign come from the lowest |field|, Hc2(T) points from every group (see analyzeTransition
 * and estimateHc2 for the definitions). Field in T = |Oe| / 10⁴.
 * Errors: MISSING_PARAMETER (unknown channel), NOT_ENOUGH_DATA, NO_TRANSITION (lowest field).
 */
export function analyzeResistance(data: TransportData, params: { channel?: string } = {}): Result<ResistanceResult, AnalysisError> {
  if (data.channels.length === 0) return fail(new AnalysisError('NOT_ENOUGH_DATA', 'no resistance channel in the file'));
  let channel = data.channels[0];
  if (params.channel !== undefined) {
    const wanted = params.channel.toLowerCase();
    const found = data.channels.find((c) => c.name === params.channel) ?? data.channels.find((c) => c.name.toLowerCase().includes(wanted));
    if (!found)
      return fail(new AnalysisError('MISSING_PARAMETER', `channel "${params.channel}" not found (have: ${data.channels.map((c) => c.name).join(', ')})`));
    channel = found;
  } else {
    for (const c of data.channels) if (countFinite(c.values) > countFinite(channel.values)) channel = c;
  }
  const warnings: string[] = [];
  const rows = Math.min(data.temperatureK.length, data.fieldOe.length, channel.values.length);
  const usable = (i: number): boolean => i < rows && Number.isFinite(data.temperatureK[i]) && Number.isFinite(channel.values[i]);
  let fieldOe = data.fieldOe.slice(0, rows).map((f, i) => (usable(i) ? f : NaN));
  if (countFinite(fieldOe) === 0) {
    warnings.push('no magnetic-field readings: all rows taken as zero field');
    fieldOe = Array.from({ length: rows }, (_, i) => (usable(i) ? 0 : NaN));
  }
  const groups = groupByField(fieldOe).filter((g) => {
    if (g.spanOe > Math.max(50, 0.01 * Math.abs(g.fieldOe))) {
      warnings.push(`field ${g.fieldOe} Oe: readings spread over ${g.spanOe.toFixed(0)} Oe (a field sweep?), ignored`);
      return false;
    }
    if (g.rows.length >= MIN_GROUP_POINTS) return true;
    warnings.push(`field ${g.fieldOe} Oe: only ${g.rows.length} points, ignored`);
    return false;
  });
  if (warnings.length > 20) warnings.splice(20, warnings.length - 20, `… ${warnings.length - 20} more ignored field groups`);
  if (groups.length === 0)
    return fail(new AnalysisError('NOT_ENOUGH_DATA', `no field setpoint with ${MIN_GROUP_POINTS} or more R(T) points in "${channel.name}"`));

  const curves: Curves = {};
  const hc2Points: Hc2Point[] = [];
  let lowest: ReturnType<typeof analyzeTransition> | undefined;
  for (const g of groups) {
    const tK = g.rows.map((i) => data.temperatureK[i]);
    const r = g.rows.map((i) => channel.values[i]);
    const tr = analyzeTransition(tK, r);
    if (lowest === undefined) lowest = tr;
    const order = tK.map((_, i) => i).sort((a, b) => tK[a] - tK[b]);
    const fieldT = Math.abs(g.fieldOe) / 1e4;
    curves[`R(T) ${fieldT} T`] = {
      ...decimate(
        order.map((i) => tK[i]),
        order.map((i) => r[i]),
        MAX_CURVE_POINTS,
      ),
      xLabel: 'Temperature (K)',
      yLabel: `${channel.name}`,
    };
    if (tr.ok) hc2Points.push({ fieldT, tcK: tr.value.tcK });
    else if (lowest !== tr) warnings.push(`field ${g.fieldOe} Oe: ${tr.error.message}`);
  }
  if (!lowest || !lowest.ok) return lowest ?? fail(new AnalysisError('NOT_ENOUGH_DATA', 'no sweep'));
  const base = lowest.value;
  if (!Number.isFinite(base.width1090K)) warnings.push('the sweep does not reach 10 % of R_n: width not determined');
  if (groups.length === 1) warnings.push('single field in the file: Hc2(T) needs R(T) at several fields');

  // The fit inputs (slope points, MdG fit) feed the curves, not the metrics.
  const { slopePoints: _slopePoints, mdg, ...hc2Metrics } = estimateHc2(hc2Points, warnings);
  if (hc2Points.length > 1) {
    curves['Hc2(T)'] = { x: hc2Points.map((p) => p.tcK), y: hc2Points.map((p) => p.fieldT), xLabel: 'Temperature (K)', yLabel: 'μ0Hc2 (T)' };
  }
  if (mdg) {
    const fit = mdg;
    const tK = Array.from({ length: 101 }, (_, k) => (fit.tc0K * (k + 0.5)) / 101);
    curves['Hc2 Maki–de Gennes'] = { x: tK, y: tK.map((t) => mdgCurveT(fit, t)), xLabel: 'Temperature (K)', yLabel: 'μ0Hc2 (T)' };
  }
  return ok({
    metrics: {
      tcK: base.tcK,
      width1090K: base.width1090K,
      tcrSign: base.tcrSign,
      hc2Points,
      ...hc2Metrics,
    },
    warnings,
    curves,
  });
}
