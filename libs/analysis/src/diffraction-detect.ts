/**
 * Content-first recognition of diffraction files (XRD patterns and SAXS profiles), with the file
 * name as a tie-break. Conservative: returns undefined for anything that may be another
 * technique's file (MultiVu `[Header]`, TA `StartOfData`, more than 4 columns, negative x…).
 */
import type { FileSample, FormatMatch } from './technique/technique';
import { isRkhColette } from './saxs/saxs.parser';
import { findNumericBlock } from './xrd/numeric-table';
import { detectXAxis } from './xrd/xrd-header';
import { looksLikeXrdml } from './xrd/xrdml.parser';

export interface DiffractionFormat {
  technique: 'XRD' | 'SAXS';
  format: string;
}

const OTHER_TECHNIQUE = /\[Header\]|\[Data\]|StartOfData|BYAPP|Heat\s*Flow|Temperature\s*\(|Moment\s*\(|Resist|DSC|TG\s*\(/i;
const SAXS_WORDS = /\b(u?saxs|sans|small[-\s]angle|guinier|porod)\b|\bsigma\b|\bdI\b|\berror\b/i;
const XRD_WORDS = /pyFAI|dioptas|fit2d|2\s*(?:-\s*)?theta|2th|wavelength|xrd|diffract/i;

/** Decide whether `text` is an XRD pattern or a SAXS profile; undefined when it is neither (or unsure). */
export function detectDiffractionFormat(text: string, fileName?: string): DiffractionFormat | undefined {
  const name = (fileName ?? '').toLowerCase();
  if (looksLikeXrdml(text)) return { technique: 'XRD', format: 'xrdml' };
  const head = text.slice(0, 20000);
  if (OTHER_TECHNIQUE.test(head)) return undefined;
  const block = findNumericBlock(text, 2);
  if (!block || block.rowCount < 5 || block.columnCount > 4) return undefined;
  const header = block.headerLines.join('\n');
  const first = block.at(0, 0);
  const last = block.at(block.rowCount - 1, 0);
  const xMin = Math.min(first, last);
  const xMax = Math.max(first, last);
  if (!(xMin >= 0)) return undefined;
  if (isRkhColette(block.headerLines)) return { technique: 'SAXS', format: 'rkh-colette' };
  const axis = detectXAxis(block.headerLines);
  const nameSaxs = /saxs|sans/.test(name);
  const nameXrd = /\.(xy|chi|xrdml)$|xrd|diffr/.test(name);
  if (axis.xKind === 'twoThetaDeg' || /pyFAI|dioptas/i.test(header)) return { technique: 'XRD', format: /pyFAI|dioptas/i.test(header) ? 'pyfai-xy' : 'xy' };
  if (block.columnCount >= 3) {
    // q, I, σ: small q (SAXS range) and σ never negative.
    let sigmaOk = true;
    for (let r = 0; r < block.rowCount && sigmaOk; r++) sigmaOk = block.at(r, 2) >= 0;
    const qMaxInvA = xMax * axis.qScale;
    if (sigmaOk && qMaxInvA < 5 && !(nameXrd && !nameSaxs))
      return { technique: 'SAXS', format: block.columnCount === 3 ? 'q-i-sigma' : `q-i-${block.columnCount}col` };
    if (nameXrd) return { technique: 'XRD', format: 'xy' };
    return undefined;
  }
  // Two columns: an XRD pattern unless the header or the name says small-angle.
  if (SAXS_WORDS.test(header) || (nameSaxs && !XRD_WORDS.test(header))) return { technique: 'SAXS', format: 'q-i' };
  if (xMax > 180 && axis.xKind !== 'qInvA') return undefined;
  const ext = /\.([a-z0-9]+)$/.exec(name)?.[1];
  return { technique: 'XRD', format: ext === 'chi' ? 'chi' : ext === 'csv' ? 'csv' : 'xy' };
}

/**
 * The XRD and SAXS detectors: one classification per file (memoised on the sample), each
 * technique claiming its own answer. An XRDML root element is certain (0.95); a numeric table is
 * weak evidence (0.3), below every DSC export's named headers, which used to be checked first.
 */
export function diffractionMatch(sample: FileSample, technique: DiffractionFormat['technique']): FormatMatch | undefined {
  const found = sample.memo('diffraction', () => detectDiffractionFormat(sample.text, sample.fileName));
  if (found?.technique !== technique) return undefined;
  return { format: found.format, confidence: found.format === 'xrdml' ? 0.95 : 0.3 };
}
