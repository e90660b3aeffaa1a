/**
 * MultiVu header records. INFO lines come in two orders (see test/fixtures/real/PROVENANCE.md):
 * value-first with the KEY last (MPMS3, PPMS-VSM, ACT, the PPMS Resistivity sample block) and
 * key-first (MPMS-XL, ACMS, the Resistivity APPNAME line), plus single `key: value` fields.
 */
import type { MultiVuInstrument } from './multivu.types';

/** MPMS3-style keys: upper-case with an underscore (SAMPLE_MASS) or the bare APPNAME. */
const TRAILING_KEY = /^(?:APPNAME|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)$/;
/** PPMS Resistivity sample keys are phrases: `Sample1 Name`, `Sample3 Units`. */
const TRAILING_PHRASE_KEY = /^Sample\s*\d+\s+[A-Za-z][A-Za-z ]*$/;
/** A leading key in key-first files: upper-case words, optionally ending in ':' (`BACKGROUND DATA FILE:`). */
const LEADING_KEY = /^[A-Z][A-Z0-9 _./-]*:?$/;

/**
 * Interpret the fields after `INFO` (already split, trailing empty fields dropped, not trimmed).
 * Values that held unquoted commas are re-joined with ','. Returns undefined for an empty record.
 */
export function parseInfoFields(fields: string[]): { key: string; value: string } | undefined {
  if (fields.length === 0) return undefined;
  const first = fields[0].trim();
  if (fields.length === 1) {
    const colon = first.indexOf(':');
    if (colon > 0) return { key: first.slice(0, colon).trim(), value: first.slice(colon + 1).trim() };
    return first === '' ? undefined : { key: first, value: '' };
  }
  const last = fields[fields.length - 1].trim();
  if (TRAILING_KEY.test(last) || TRAILING_PHRASE_KEY.test(last)) {
    return { key: last, value: fields.slice(0, -1).join(',').trim() };
  }
  if (LEADING_KEY.test(first)) {
    return { key: first.replace(/:$/, '').trim(), value: fields.slice(1).join(',').trim() };
  }
  // MPMS3 is the commonest writer, so an unrecognised shape is read its way.
  return { key: last, value: fields.slice(0, -1).join(',').trim() };
}

/**
 * The instrument from BYAPP (first field), then INFO APPNAME and the `;` banner line as fallbacks.
 * BYAPP values seen: `MPMS3 w/ AC`, `MPMS3`, `SQUID AC` (early MPMS3), `MPMS Measurement` (MPMS-XL),
 * `VSM`, `ACMS`, `Resistivity`, `ACTRANSPORT`.
 */
export function detectInstrument(byApp: string, appName: string, banner: string): MultiVuInstrument {
  const app = (byApp.split(',')[0] ?? '').trim().toUpperCase();
  if (app.startsWith('MPMS3') || app === 'SQUID AC' || app === 'SQUID VSM') return 'MPMS3';
  if (app === 'MPMS MEASUREMENT' || app === 'MPMS') return 'MPMS_XL';
  if (app === 'VSM') return 'PPMS_VSM';
  if (app === 'ACMS' || app.startsWith('ACMS')) return 'PPMS_ACMS';
  if (app === 'RESISTIVITY') return 'PPMS_RESISTIVITY';
  if (app === 'ACTRANSPORT' || app === 'AC TRANSPORT') return 'PPMS_ACT';
  const hint = `${appName} ${banner}`.toUpperCase();
  if (hint.includes('MPMS3')) return 'MPMS3';
  if (hint.includes('MPMS MULTIVU')) return 'MPMS_XL';
  if (hint.includes('AC TRANSPORT')) return 'PPMS_ACT';
  if (hint.includes('VSM')) return 'PPMS_VSM';
  if (hint.includes('ACMS')) return 'PPMS_ACMS';
  if (hint.includes('RESISTIVITY')) return 'PPMS_RESISTIVITY';
  return 'UNKNOWN';
}

/** The unit in a column name's trailing `(unit)`, e.g. `Long Moment [w/o ABS] (emu)` → `emu`; `()` → undefined. */
export function unitOf(columnName: string): string | undefined {
  const m = /\(([^()]*)\)\s*$/.exec(columnName);
  const unit = m?.[1].trim();
  return unit ? unit : undefined;
}
