/** Is this text a MultiVu `.dat`, and of which technique? Reads the header and column line only. */
import { ParseError } from '../core/errors';
import type { FileSample, FormatMatch } from '../technique/technique';
import { isSpaceOrComma, trimEndWhere } from '../core/text';
import { AC_MOMENT_COLUMNS, isTransportChannelName, MOMENT_COLUMNS } from './extract';
import { multiVuFormat } from './format';
import type { MultiVuInstrument } from './multivu.types';
import { parseMultiVu, readMultiVuHeader } from './parse-multivu';

/** The two techniques whose files are MultiVu `.dat` files. */
export type MultiVuTechnique = 'MAGNETIC' | 'RESISTANCE';

const MAGNETIC_INSTRUMENTS: readonly MultiVuInstrument[] = ['MPMS3', 'MPMS_XL', 'PPMS_VSM', 'PPMS_ACMS'];
const TRANSPORT_INSTRUMENTS: readonly MultiVuInstrument[] = ['PPMS_RESISTIVITY', 'PPMS_ACT'];

/** True when the first non-blank line is `[Header]` (possibly padded by a spreadsheet re-save). */
export function looksLikeMultiVu(text: string): boolean {
  const m = /^\s*([^\r\n]*)/.exec(text.slice(0, 4096));
  return m !== null && trimEndWhere(m[1], isSpaceOrComma).toLowerCase() === '[header]';
}

/**
 * MultiVu detection: MAGNETIC when the column line has a moment column (DC, or AC-only → format
 * suffix '-ac'), RESISTANCE when it has transport channels; when it has both or neither, the
 * instrument (BYAPP) decides. Format: 'multivu-mpms3', 'multivu-mpms-xl', 'multivu-ppms-vsm',
 * 'multivu-ppms-acms', 'multivu-ppms-resistivity', 'multivu-ppms-act' or 'multivu'.
 */
export function detectMultiVuFormat(text: string): { technique: MultiVuTechnique; format: string } | undefined {
  if (!looksLikeMultiVu(text)) return undefined;
  const header = readMultiVuHeader(text);
  if (!header.ok) return undefined;
  const { instrument, columnNames } = header.value;
  const lower = new Set(columnNames.map((n) => n.toLowerCase()));
  const hasDcMoment = MOMENT_COLUMNS.some((n) => lower.has(n.toLowerCase()));
  const hasAcMoment = AC_MOMENT_COLUMNS.some((n) => lower.has(n.toLowerCase()));
  const hasChannels = columnNames.some(isTransportChannelName);
  const hasMoment = hasDcMoment || hasAcMoment;
  let technique: MultiVuTechnique | undefined;
  if (hasMoment && !hasChannels) technique = 'MAGNETIC';
  else if (hasChannels && !hasMoment) technique = 'RESISTANCE';
  else if (TRANSPORT_INSTRUMENTS.includes(instrument)) technique = 'RESISTANCE';
  else if (MAGNETIC_INSTRUMENTS.includes(instrument)) technique = 'MAGNETIC';
  if (technique === undefined) return undefined;
  const format = multiVuFormat(instrument) + (technique === 'MAGNETIC' && !hasDcMoment && hasAcMoment ? '-ac' : '');
  return { technique, format };
}

/**
 * A MultiVu technique's detector: the header's columns (or instrument) name the technique, so a
 * match is certain (confidence 1). The header is read once per file for both techniques.
 */
export function multiVuMatch(sample: FileSample, technique: MultiVuTechnique): FormatMatch | undefined {
  const found = sample.memo('multivu', () => detectMultiVuFormat(sample.text));
  return found?.technique === technique ? { format: found.format, confidence: 1 } : undefined;
}

/** A file that starts like a MultiVu file but that no technique recognised is better explained by the MultiVu parser. */
export function explainBrokenMultiVu(sample: FileSample): ParseError | undefined {
  if (!looksLikeMultiVu(sample.text)) return undefined;
  const parsed = parseMultiVu(sample.bytes);
  return parsed.ok ? undefined : parsed.error;
}
