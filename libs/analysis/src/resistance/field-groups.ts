import { medianHigh } from '../core/numeric';

/** One field setpoint of a transport file: the rows measured there. */
export interface FieldGroup {
  /** Setpoint, Oe: the group's median reading rounded to 1 Oe (readings jitter by a fraction of an Oe). */
  fieldOe: number;
  rows: number[];
  /** max − min of the readings, Oe: large when a slow field sweep chained into one group. */
  spanOe: number;
}

/**
 * Groups rows by magnetic field: sorted readings are split wherever consecutive values differ by
 * more than max(10 Oe, 0.2 % of the field), which separates setpoints but tolerates magnet jitter
 * (a fraction of an Oe in persistent mode, a few Oe when driven).
 * Rows with a non-finite field are left out. Groups come back in ascending |field|.
 */
export function groupByField(fieldOe: readonly number[]): FieldGroup[] {
  const idx = fieldOe.map((_, i) => i).filter((i) => Number.isFinite(fieldOe[i]));
  idx.sort((a, b) => fieldOe[a] - fieldOe[b]);
  const groups: number[][] = [];
  let current: number[] = [];
  for (const i of idx) {
    if (current.length > 0) {
      const prev = fieldOe[current[current.length - 1]];
      const tolOe = Math.max(10, 0.002 * Math.abs(prev));
      if (fieldOe[i] - prev > tolOe) {
        groups.push(current);
        current = [];
      }
    }
    current.push(i);
  }
  if (current.length > 0) groups.push(current);
  return groups
    .map((rows) => {
      const readings = rows.map((i) => fieldOe[i]);
      // Ascending by field already (idx was sorted), so the span is last − first.
      return {
        fieldOe: Math.round(medianHigh(readings)) + 0,
        rows: [...rows].sort((a, b) => a - b),
        spanOe: readings[readings.length - 1] - readings[0],
      };
    })
    .sort((a, b) => Math.abs(a.fieldOe) - Math.abs(b.fieldOe));
}
