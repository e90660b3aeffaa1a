/**
 * Which segments of a split file the magnetic analysis reads: the headline χ(T) sweep in the
 * measurement's mode, its FC partner (in the same file or the fc parameter's), each as a sweep of its own.
 */
import { AnalysisError, fail, ok, type ParseError, type Result } from '../core/errors';
import type { MagneticSweep } from '../core/types';
import { magneticColumns, toMagneticSweep, type MultiVuMagneticSweep } from '../multivu/extract';
import { parseMultiVu } from '../multivu/parse-multivu';
import { describeField, sameField, splitSegments, type SegmentMode, type SegmentSplit } from './segments';

export interface Chosen {
  headline: SegmentSplit;
  partner: SegmentSplit | undefined;
  /** True when fieldOe chose among several fields (it then does not override the field column). */
  selectedField: boolean;
  note?: string;
}

/** "100 Oe (ZFC, FC) and 1000 Oe (ZFC, FC)" plus any M(H) loops: the fields a file holds. */
function fieldsFound(segments: SegmentSplit[]): string {
  const groups: { field: SegmentSplit; modes: string[] }[] = [];
  for (const s of segments.filter((x) => x.kind === 'M(T)' && !sameField(x.fieldOe, 0))) {
    const g = groups.find((x) => sameField(x.field.fieldOe, s.fieldOe));
    if (g) g.modes.push(s.mode ?? '?');
    else groups.push({ field: s, modes: [s.mode ?? '?'] });
  }
  const parts = groups.map((g) => `χ(T) at ${describeField(g.field)} (${g.modes.join(', ')})`);
  for (const s of segments.filter((x) => x.kind === 'M(H)')) parts.push(describeField(s));
  return parts.join(' and ');
}

/**
 * The headline χ(T) segment and its FC partner. Several fields, or χ(T) beside M(H) loops, need
 * fieldOe; a file with no χ(T) segment fails naming what it holds.
 */
export function chooseSegments(segments: SegmentSplit[], fieldOe: number | undefined, mode: SegmentMode): Result<Chosen, AnalysisError> {
  // χ = m/H needs a field: sweeps at zero field (a recorded cooling) are reported, never analysed.
  const sweeps = segments.filter((s) => s.kind === 'M(T)' && !sameField(s.fieldOe, 0));
  const loops = segments.filter((s) => s.kind === 'M(H)');
  if (sweeps.length === 0) {
    const held = loops.length > 0 ? `only ${loops.map(describeField).join(' and ')}` : 'no temperature sweep (every point at one temperature)';
    return fail(new AnalysisError('UNSUPPORTED', `no χ(T) sweep in this file: it holds ${held}; the magnetic analyzer reads χ(T) (ZFC/FC) sweeps`));
  }
  const fields = sweeps.filter((s, k) => sweeps.findIndex((o) => sameField(o.fieldOe, s.fieldOe)) === k);
  const ambiguous = fields.length > 1 || loops.length > 0;
  let candidates = sweeps;
  if (ambiguous) {
    if (fieldOe === undefined) {
      return fail(
        new AnalysisError(
          'MISSING_PARAMETER',
          `this file holds ${fieldsFound(segments)}: set the measurement condition fieldOe (Oe) to the χ(T) field to analyse (CLI --field-oe)`,
        ),
      );
    }
    candidates = sweeps.filter((s) => sameField(s.fieldOe, fieldOe));
    if (candidates.length === 0) {
      return fail(
        new AnalysisError('MISSING_PARAMETER', `fieldOe is ${fieldOe} Oe but this file holds ${fieldsFound(segments)}: no χ(T) sweep at ${fieldOe} Oe`),
      );
    }
  }
  const headline = candidates.find((s) => s.mode === mode) ?? candidates[0];
  const note = headline.mode !== mode ? `no ${mode} segment in this file: headline metrics from the ${headline.mode ?? 'unlabelled'} segment` : undefined;
  const partner =
    headline.mode === 'ZFC'
      ? (candidates.find((s) => s !== headline && s.mode === 'FC' && s.from > headline.from) ?? candidates.find((s) => s !== headline && s.mode === 'FC'))
      : undefined;
  return ok({ headline, partner, selectedField: ambiguous, ...(note !== undefined && { note }) });
}

/** One segment's points as a sweep of their own. */
export function segmentSweep(sweep: MultiVuMagneticSweep, s: SegmentSplit): MagneticSweep {
  const out: MagneticSweep = {
    temperatureK: sweep.temperatureK.slice(s.from, s.to),
    momentEmu: sweep.momentEmu.slice(s.from, s.to),
    fieldOe: sweep.fieldOe.slice(s.from, s.to),
    momentColumn: sweep.momentColumn,
  };
  if (sweep.massMg !== undefined) out.massMg = sweep.massMg;
  return out;
}

/** The FC sweep of a partner file: its FC segment nearest the headline's field, else its only χ(T) segment. */
export function partnerSweep(bytes: Uint8Array, fieldOe: number): Result<MagneticSweep, ParseError | AnalysisError> {
  const parsed = parseMultiVu(bytes, { keep: magneticColumns });
  const fcSweep = parsed.ok ? toMagneticSweep(parsed.value) : parsed;
  if (!fcSweep.ok) return fcSweep;
  const file = parsed.ok ? parsed.value : undefined;
  const segments = splitSegments({
    temperatureK: fcSweep.value.temperatureK,
    fieldOe: fcSweep.value.fieldOe,
    rows: fcSweep.value.rows,
    comments: file?.comments ?? [],
    mode: 'FC',
  });
  const sweeps = segments.filter((s) => s.kind === 'M(T)');
  const pick = sweeps.find((s) => s.mode === 'FC' && (Number.isNaN(fieldOe) || sameField(s.fieldOe, fieldOe))) ?? (sweeps.length === 1 ? sweeps[0] : undefined);
  if (!pick) return fail(new AnalysisError('NOT_ENOUGH_DATA', `the partner file holds no FC χ(T) segment at ${fieldOe} Oe`));
  return ok(segmentSweep(fcSweep.value, pick));
}
