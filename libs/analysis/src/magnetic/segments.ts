/**
 * Splits a magnetisation file into its segments, as an MPMS sequence writes them: in time (file)
 * order, first into runs at a constant field, then each run at the turning points of its
 * temperature. A run whose field keeps changing is an M(H) loop; a constant-field run that barely
 * moves in temperature is a hold. Each χ(T) segment is then labelled ZFC or FC (see labelModes).
 */
import { median } from '../core/numeric';

export type SegmentKind = 'M(T)' | 'M(H)' | 'hold';
export type SegmentMode = 'ZFC' | 'FC';
export type SegmentDirection = 'up' | 'down' | 'none';
/** What told the segment's mode: a Comment row, the measurement's `mode`, the file header or name, the field it was cooled in, the sweep direction or its place in the sequence. */
export type ModeSource = 'comment' | 'condition' | 'header' | 'cooling' | 'direction' | 'order';
export const MODE_SOURCES: readonly ModeSource[] = ['comment', 'condition', 'header', 'cooling', 'direction', 'order'];

export interface SegmentSplit {
  kind: SegmentKind;
  direction: SegmentDirection;
  /** Point indices [from, to) into the input arrays. */
  from: number;
  to: number;
  /** Median field, Oe (NaN when the file has no field column). */
  fieldOe: number;
  fieldMinOe: number;
  fieldMaxOe: number;
  tMinK: number;
  tMaxK: number;
  /** ZFC or FC for M(T) segments when something says so; null otherwise. */
  mode: SegmentMode | null;
  modeFrom: ModeSource | null;
}

export interface SplitInput {
  temperatureK: ArrayLike<number>;
  fieldOe: ArrayLike<number>;
  /** The file's data row of each point (default: the point index), to place Comment rows. */
  rows?: ArrayLike<number>;
  /** Comment rows of the file, by data row. */
  comments?: readonly { row: number; text: string }[];
  /** Texts describing the whole file (header comment, sequence file, title, file name). */
  hints?: readonly string[];
  /** The measurement's stated mode: labels a file holding one χ(T) segment. */
  mode?: SegmentMode;
}

/** Shortest constant-field run taken as one: shorter runs are field steps of an M(H) loop. */
const MIN_RUN_POINTS = 8;
/** Smallest temperature span of a χ(T) segment, K; less is a hold at one temperature. */
const MIN_SWEEP_SPAN_K = 0.2;
/** Fewer points than this between segments are strays (a field being set), not a loop. */
const MIN_LOOP_POINTS = 10;

/** Two fields are the same setting within 2 Oe or 2 %. */
export const sameField = (a: number, b: number): boolean =>
  (Number.isNaN(a) && Number.isNaN(b)) || Math.abs(a - b) <= Math.max(2, 0.02 * Math.max(Math.abs(a), Math.abs(b)));

/** Words naming a mode: ZFC; FC (FCC, FCW, "field cooled") but not the FC inside ZFC. */
export function modeNamed(text: string): SegmentMode | null {
  const zfc = /(?:^|[^A-Za-z])ZFC|zero[- _]?field[- _]?cool/i.test(text);
  const rest = text.replace(/zero[- _]?field[- _]?cool\w*/gi, '');
  const fc = /(?:^|[^A-Za-z])FC[CW]?(?:[^A-Za-z]|$)/i.test(rest) || /field[- _]?cool/i.test(rest);
  if (zfc && !fc) return 'ZFC';
  if (fc && !zfc) return 'FC';
  return null;
}

interface Run {
  from: number;
  to: number;
}

/** Runs at one field, also cut where a Comment row naming a mode stands between two points (`cuts`). */
function constantFieldRuns(h: ArrayLike<number>, n: number, cuts: ReadonlySet<number>): Run[] {
  const runs: Run[] = [];
  let from = 0;
  for (let i = 1; i <= n; i++) {
    if (i === n || cuts.has(i) || !sameField(h[i], h[from])) {
      runs.push({ from, to: i });
      from = i;
    }
  }
  return runs;
}

/**
 * Cuts [from, to) at every turning point of the temperature: once the sweep has moved one way, a
 * move back by more than the hysteresis (5 × the median step, at least 0.05 K, so jitter is no
 * turn) starts a new segment just after the extreme.
 */
function splitAtTurns(t: ArrayLike<number>, from: number, to: number): Run[] {
  const steps: number[] = [];
  for (let i = from + 1; i < to; i++) steps.push(Math.abs(t[i] - t[i - 1]));
  const hysteresisK = Math.max(0.05, 5 * (steps.length ? median(steps) : 0));
  const out: Run[] = [];
  let start = from;
  while (start < to) {
    let dir = 0;
    let lo = start;
    let hi = start;
    let cut = to;
    for (let i = start + 1; i < to; i++) {
      if (t[i] < t[lo]) lo = i;
      if (t[i] > t[hi]) hi = i;
      if (dir === 0 && t[hi] - t[lo] > hysteresisK) dir = hi > lo ? 1 : -1;
      if (dir > 0 && t[hi] - t[i] > hysteresisK) {
        cut = hi + 1;
        break;
      }
      if (dir < 0 && t[i] - t[lo] > hysteresisK) {
        cut = lo + 1;
        break;
      }
    }
    out.push({ from: start, to: cut });
    start = cut;
  }
  return out;
}

function describe(kind: SegmentKind, run: Run, t: ArrayLike<number>, h: ArrayLike<number>): SegmentSplit {
  let tMinK = Infinity;
  let tMaxK = -Infinity;
  let fieldMinOe = Infinity;
  let fieldMaxOe = -Infinity;
  const fields: number[] = [];
  for (let i = run.from; i < run.to; i++) {
    tMinK = Math.min(tMinK, t[i]);
    tMaxK = Math.max(tMaxK, t[i]);
    if (Number.isFinite(h[i])) {
      fieldMinOe = Math.min(fieldMinOe, h[i]);
      fieldMaxOe = Math.max(fieldMaxOe, h[i]);
      fields.push(h[i]);
    }
  }
  const rise = t[run.to - 1] - t[run.from];
  const direction: SegmentDirection = kind !== 'M(T)' || Math.abs(rise) < MIN_SWEEP_SPAN_K / 2 ? 'none' : rise > 0 ? 'up' : 'down';
  return {
    kind,
    direction,
    from: run.from,
    to: run.to,
    fieldOe: fields.length ? median(fields) : NaN,
    fieldMinOe: fields.length ? fieldMinOe : NaN,
    fieldMaxOe: fields.length ? fieldMaxOe : NaN,
    tMinK,
    tMaxK,
    mode: null,
    modeFrom: null,
  };
}

/**
 * ZFC/FC labels of the χ(T) segments, strongest evidence first: a Comment row just before (or at
 * the start of) the segment; for a file with one χ(T) segment, the measurement's `mode`, then a
 * header/file-name text naming one mode; the field the sample was cooled in, when the file recorded
 * the cooling (a cooling segment at zero field before a warming one: ZFC; in the measuring field:
 * FC); a sweep measured while cooling in a (non-zero) field is FC; otherwise the first warming sweep at a
 * field is ZFC and a later one at the same field FC.
 */
function labelModes(segments: SegmentSplit[], input: SplitInput): void {
  const rows = input.rows;
  const rowOf = (i: number): number => (rows ? rows[i] : i);
  const sweeps = segments.filter((s) => s.kind === 'M(T)');
  let previousEnd = -1;
  for (const s of segments) {
    if (s.kind === 'M(T)') {
      const first = rowOf(s.from);
      const late = rowOf(Math.min(s.to - 1, s.from + 2));
      const said = (input.comments ?? []).filter((c) => c.row > previousEnd && c.row <= late).map((c) => modeNamed(c.text));
      const mode = [...said].reverse().find((m) => m !== null);
      if (mode && first >= 0) {
        s.mode = mode;
        s.modeFrom = 'comment';
      }
    }
    previousEnd = rowOf(s.to - 1);
  }
  if (sweeps.length === 1 && sweeps[0].mode === null) {
    const hinted = (input.hints ?? []).map(modeNamed).filter((m): m is SegmentMode => m !== null);
    if (input.mode) {
      sweeps[0].mode = input.mode;
      sweeps[0].modeFrom = 'condition';
    } else if (hinted.length > 0 && hinted.every((m) => m === hinted[0])) {
      sweeps[0].mode = hinted[0];
      sweeps[0].modeFrom = 'header';
    }
  }
  segments.forEach((s, k) => {
    if (s.kind !== 'M(T)' || s.mode !== null) return;
    const before = segments[k - 1];
    if (sameField(s.fieldOe, 0)) return; // cooling (or warming) at zero field: nothing to normalise by
    if (s.direction === 'down') {
      s.mode = 'FC';
      s.modeFrom = 'direction';
    } else if (before && before.direction === 'down' && before.kind === 'M(T)') {
      s.mode = sameField(before.fieldOe, 0) ? 'ZFC' : 'FC';
      s.modeFrom = 'cooling';
    } else {
      const earlier = sweeps.some((o) => o.from < s.from && sameField(o.fieldOe, s.fieldOe));
      s.mode = earlier ? 'FC' : 'ZFC';
      s.modeFrom = 'order';
    }
  });
}

/**
 * The segments of a magnetisation file in time order (see the file comment), with ZFC/FC labels
 * on the χ(T) ones. Points not in any segment (a few strays while a field is set) are left out.
 */
export function splitSegments(input: SplitInput): SegmentSplit[] {
  const t = input.temperatureK;
  const h = input.fieldOe;
  const n = Math.min(t.length, h.length);
  if (n === 0) return [];
  const segments: SegmentSplit[] = [];
  let loopFrom = -1;
  const closeLoop = (to: number): void => {
    if (loopFrom >= 0 && to - loopFrom >= MIN_LOOP_POINTS) segments.push(describe('M(H)', { from: loopFrom, to }, t, h));
    loopFrom = -1;
  };
  // A sequence writes "ZFC, 100" / "FC, 100" between its sweeps: a new segment starts there.
  const cuts = new Set<number>();
  const rows = input.rows;
  for (const c of input.comments ?? []) {
    if (modeNamed(c.text) === null) continue;
    let i = 0;
    while (i < n && (rows ? rows[i] : i) < c.row) i++;
    if (i > 0 && i < n) cuts.add(i);
  }
  for (const run of constantFieldRuns(h, n, cuts)) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = run.from; i < run.to; i++) {
      lo = Math.min(lo, t[i]);
      hi = Math.max(hi, t[i]);
    }
    const steady = run.to - run.from >= MIN_RUN_POINTS;
    if (!steady || (hi - lo < MIN_SWEEP_SPAN_K && loopFrom >= 0)) {
      // Field steps (or a short pause at one field inside a loop) belong to an M(H) loop; a loop at
      // another temperature is another loop.
      if (loopFrom >= 0 && Math.abs(t[run.from] - t[loopFrom]) > MIN_SWEEP_SPAN_K) closeLoop(run.from);
      if (loopFrom < 0) loopFrom = run.from;
      continue;
    }
    closeLoop(run.from);
    if (hi - lo < MIN_SWEEP_SPAN_K) {
      segments.push(describe('hold', run, t, h));
      continue;
    }
    for (const piece of splitAtTurns(t, run.from, run.to)) {
      let pLo = Infinity;
      let pHi = -Infinity;
      for (let i = piece.from; i < piece.to; i++) {
        pLo = Math.min(pLo, t[i]);
        pHi = Math.max(pHi, t[i]);
      }
      segments.push(describe(pHi - pLo < MIN_SWEEP_SPAN_K ? 'hold' : 'M(T)', piece, t, h));
    }
  }
  closeLoop(n);
  labelModes(segments, input);
  return segments;
}

/** "20 Oe", "−70000…70000 Oe at 5.0 K" etc.: how a failure message names a segment's field. */
export function describeField(s: SegmentSplit): string {
  const oe = (v: number): string => `${Number(v.toPrecision(4))} Oe`;
  if (Number.isNaN(s.fieldOe)) return 'no field column';
  if (s.kind === 'M(H)') return `M(H) loop ${Number(s.fieldMinOe.toPrecision(4))}…${oe(s.fieldMaxOe)} at ${(0.5 * (s.tMinK + s.tMaxK)).toFixed(1)} K`;
  return oe(s.fieldOe);
}
