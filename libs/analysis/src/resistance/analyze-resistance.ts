/**
 * The resistance analyzer: per channel, Tc, 10–90 % width and TCR sign at the lowest field and
 * Hc2(T) from every field; one channel's values are the headline metrics.
 */
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
  /** The channel the headline metrics come from (1–4). */
  channel: number;
  /** Its column, e.g. "Bridge 1 Resistance". */
  channelName: string;
  /** Every channel with data, analysed on its own (a failed one carries its reason). */
  channels: ChannelSummary[];
}

/** One channel's analysis; the numbers are null when it failed (see `error`). */
export interface ChannelSummary {
  channel: number;
  name: string;
  unit: string;
  tcK: number | null;
  width1090K: number | null;
  tcrSign: number | null;
  hc2ZeroWhhT: number | null;
  hc2ZeroMdgT: number | null;
  xiNm: number | null;
  /** Why the channel gave no result; null when it did. */
  error: string | null;
}

/** One channel's full result (the headline metrics when it is the chosen channel). */
export type ChannelMetrics = Omit<ResistanceMetrics, 'channel' | 'channelName' | 'channels'>;

export interface ResistanceResult {
  metrics: ResistanceMetrics;
  warnings: string[];
  curves?: Curves;
}

interface ChannelResult {
  metrics: ChannelMetrics;
  warnings: string[];
  curves: Curves;
}

/** A transport channel: its number (Bridge N, chN) and the one column read for it. */
export interface TransportChannel {
  channel: number;
  name: string;
  unit: string;
  values: number[];
}

const MIN_GROUP_POINTS = 10;
const MAX_CURVE_POINTS = 400;

function countFinite(values: readonly number[]): number {
  let n = 0;
  for (const v of values) if (Number.isFinite(v)) n++;
  return n;
}

const CHANNEL_NUMBER = /(?:bridge\s*|\bch\s*)(\d+)/i;

/**
 * The file's channels, by number: `Bridge N Resistance`, `Bridge N Resistivity` (the same bridge,
 * in another unit), `Res. chN`, `Resistance ChN`. Per number the first column with data wins, in the
 * order the columns come (resistance before resistivity, as toTransportData orders them); a column
 * without a number takes the next free one. Ascending by number.
 */
export function transportChannels(data: TransportData): TransportChannel[] {
  const byNumber = new Map<number, TransportChannel>();
  const unnumbered: TransportData['channels'] = [];
  for (const c of data.channels) {
    if (countFinite(c.values) === 0) continue;
    const m = CHANNEL_NUMBER.exec(c.name);
    if (!m) unnumbered.push(c);
    else if (!byNumber.has(Number(m[1]))) byNumber.set(Number(m[1]), { channel: Number(m[1]), ...c });
  }
  for (const c of unnumbered) {
    let k = 1;
    while (byNumber.has(k)) k++;
    byNumber.set(k, { channel: k, ...c });
  }
  return [...byNumber.values()].sort((a, b) => a.channel - b.channel);
}

const summaryOf = (c: TransportChannel, r: Result<ChannelResult, AnalysisError>): ChannelSummary =>
  r.ok
    ? {
        channel: c.channel,
        name: c.name,
        unit: c.unit,
        tcK: r.value.metrics.tcK,
        width1090K: Number.isFinite(r.value.metrics.width1090K) ? r.value.metrics.width1090K : null,
        tcrSign: r.value.metrics.tcrSign,
        hc2ZeroWhhT: r.value.metrics.hc2ZeroWhhT,
        hc2ZeroMdgT: r.value.metrics.hc2ZeroMdgT,
        xiNm: r.value.metrics.xiNm,
        error: null,
      }
    : {
        channel: c.channel,
        name: c.name,
        unit: c.unit,
        tcK: null,
        width1090K: null,
        tcrSign: null,
        hc2ZeroWhhT: null,
        hc2ZeroMdgT: null,
        xiNm: null,
        error: r.error.message,
      };

/**
 * Resistive superconducting transition and upper critical field from R(T) sweeps at one or more
 * fields (MultiVu transport files via toTransportData), for every channel with data (see
 * transportChannels). The headline metrics are those of `params.channel` (its number), else of the
 * first channel with data whose analysis succeeds; `channels` lists every channel's result or reason.
 * Per channel, rows are grouped by field setpoint; Tc, 10–90 % width and TCR sign come from the
 * lowest |field|, Hc2(T) points from every group (see analyzeTransition and estimateHc2 for the
 * definitions). Field in T = |Oe| / 10⁴.
 * Errors: MISSING_PARAMETER (no such channel with data), NOT_ENOUGH_DATA, NO_TRANSITION (the
 * chosen channel's, or the first channel's when none succeeds).
 */
export function analyzeResistance(data: TransportData, params: { channel?: number } = {}): Result<ResistanceResult, AnalysisError> {
  const channels = transportChannels(data);
  if (channels.length === 0) return fail(new AnalysisError('NOT_ENOUGH_DATA', 'no resistance channel with data in the file'));
  const have = channels.map((c) => c.channel).join(', ');
  if (params.channel !== undefined && !channels.some((c) => c.channel === params.channel)) {
    return fail(new AnalysisError('MISSING_PARAMETER', `channel ${params.channel} has no data in this file (channels with data: ${have})`));
  }
  const results = channels.map((c) => analyzeChannel(data, c));
  const summaries = channels.map((c, k) => summaryOf(c, results[k]));
  const label = (k: number): string => `channel ${channels[k].channel} (${channels[k].name})`;
  let pick = params.channel !== undefined ? channels.findIndex((c) => c.channel === params.channel) : results.findIndex((r) => r.ok);
  if (pick < 0) pick = 0;
  const chosen = results[pick];
  if (!chosen.ok) {
    const why = channels.length > 1 ? `${label(pick)}: ${chosen.error.message}` : chosen.error.message;
    return fail(new AnalysisError(chosen.error.code, why));
  }
  const warnings = [...chosen.value.warnings];
  if (channels.length > 1) {
    const how = params.channel !== undefined ? 'as asked' : pick === 0 ? 'the first channel with data' : 'the first channel with a result';
    warnings.unshift(
      `headline metrics from ${label(pick)}, ${how}; channels with data: ${have} (choose with the measurement's channel condition or --channel N)`,
    );
    results.forEach((r, k) => {
      if (!r.ok) warnings.push(`${label(k)}: ${r.error.message}`);
    });
  }
  const curves: Curves = { ...chosen.value.curves };
  results.forEach((r, k) => {
    if (!r.ok || k === pick) return;
    const first = Object.entries(r.value.curves).find(([key]) => key.startsWith('R(T)'));
    if (first) curves[`${first[0]}, channel ${channels[k].channel}`] = first[1];
  });
  return ok({
    metrics: { ...chosen.value.metrics, channel: channels[pick].channel, channelName: channels[pick].name, channels: summaries },
    warnings,
    curves,
  });
}

/** One channel's analysis (see analyzeResistance). */
function analyzeChannel(data: TransportData, channel: TransportChannel): Result<ChannelResult, AnalysisError> {
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
  if (!lowest) return fail(new AnalysisError('NOT_ENOUGH_DATA', 'no sweep'));
  if (!lowest.ok) return lowest;
  const base = lowest.value;
  const lowestK = Math.min(...groups[0].rows.map((i) => data.temperatureK[i]));
  const highestK = Math.max(...groups[0].rows.map((i) => data.temperatureK[i]));
  if (!(base.tcK >= lowestK && base.tcK <= highestK)) {
    return fail(new AnalysisError('IMPLAUSIBLE', `Tc ${base.tcK} K lies outside the sweep (${lowestK}–${highestK} K)`));
  }
  if (Number.isFinite(base.width1090K) && !(base.width1090K > 0)) {
    return fail(new AnalysisError('IMPLAUSIBLE', `the 10–90 % width came out ${base.width1090K} K (not positive)`));
  }
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
