import { DomainError } from './domain-error';

/** How far ahead of the server's clock an entry may be dated (clocks of instrument PCs drift). */
export const FUTURE_SLACK_MS = 5 * 60_000;
/** Nothing in the lab predates this; it also keeps absurd years (and PostgreSQL's range) out. */
export const EARLIEST_PERFORMED_AT = new Date('1900-01-01T00:00:00Z');

/**
 * `performedAt` (default now) checked against the lab's clock and the sample's creation: not before
 * the step that created the sample (`notBefore`, e.g. the cut that made a piece), not more than
 * five minutes ahead of now. Refusals are 422 naming `performedAt`.
 */
export function checkPerformedAt(at: Date | undefined, notBefore?: { at: Date; what: string }, now = new Date()): Date {
  const when = at ?? now;
  const iso = (d: Date) => (Number.isFinite(d.getTime()) ? d.toISOString() : String(d));
  if (!Number.isFinite(when.getTime())) throw outOfRange('performedAt must be a date and time (ISO 8601)');
  if (when.getTime() > now.getTime() + FUTURE_SLACK_MS) {
    throw outOfRange(`performedAt ${iso(when)} lies in the future (more than 5 minutes after now, ${iso(now)})`);
  }
  if (when < EARLIEST_PERFORMED_AT) throw outOfRange(`performedAt ${iso(when)} lies before ${EARLIEST_PERFORMED_AT.toISOString().slice(0, 10)}`);
  if (notBefore && when < notBefore.at) {
    throw outOfRange(`performedAt ${iso(when)} lies before ${notBefore.what} (${iso(notBefore.at)})`);
  }
  return when;
}

const outOfRange = (message: string) => new DomainError('PERFORMED_AT_OUT_OF_RANGE', message, 'performedAt');
