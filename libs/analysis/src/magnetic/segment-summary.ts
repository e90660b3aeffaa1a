/** A segment's entry in the stored `segments` list: where it lies in the file and, when analysed, its own metrics. */
import type { MagneticMetrics, MagneticSegment } from './magnetic.types';
import type { SegmentSplit } from './segments';

const finiteOrNull = (v: number): number | null => (Number.isFinite(v) ? v : null);

export function segmentSummary(s: SegmentSplit, index: number, rows: number[], role: MagneticSegment['role']): MagneticSegment {
  return {
    index: index + 1,
    kind: s.kind,
    mode: s.mode,
    modeFrom: s.modeFrom,
    direction: s.direction,
    role,
    points: s.to - s.from,
    firstRow: rows[s.from] + 1,
    lastRow: rows[s.to - 1] + 1,
    fieldOe: finiteOrNull(s.fieldOe),
    fieldMinOe: finiteOrNull(s.fieldMinOe),
    fieldMaxOe: finiteOrNull(s.fieldMaxOe),
    tMinK: s.tMinK,
    tMaxK: s.tMaxK,
    tcOnsetK: null,
    tcMidK: null,
    width1090K: null,
    chiMass1p8K: null,
    tcDistribution: null,
    failure: null,
  };
}

export const segmentMetrics = (m: MagneticMetrics): Pick<MagneticSegment, 'tcOnsetK' | 'tcMidK' | 'width1090K' | 'chiMass1p8K' | 'tcDistribution'> => ({
  tcOnsetK: m.tcOnsetK,
  tcMidK: m.tcMidK,
  width1090K: m.width1090K,
  chiMass1p8K: m.chiMass1p8K,
  tcDistribution: m.tcDistribution,
});
