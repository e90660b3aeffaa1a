/**
 * SAXS/SANS column files: q, I, σ (3 columns), q, I (σ missing → warning), 4 columns (q, I, and
 * two of uncertain meaning → σ treated as unknown), RKH/COLETTE headers with numeric control
 * lines. q stated in nm⁻¹ is converted to Å⁻¹ (and I is left as is).
 */
import { fail, ok, ParseError, Result } from '../core/errors';
import { decodeText, looksBinary } from '../core/text';
import { describeLines, readNumericBlock } from '../xrd/numeric-table';
import { SaxsProfile } from './saxs.types';

const MIN_POINTS = 5;
const PER_NM = /nm\s*(?:\^\s*)?[-−]\s*1|1\s*\/\s*nm|nm⁻¹|inv(erse)?\s*nm/i;
const PER_A = /(a|å|angstroms?)\s*(?:\^\s*)?[-−]\s*1|1\s*\/\s*(a|å|angstroms?)\b|å⁻¹|inv(erse)?\s*(a|å|angstroms?)\b/i;

/** RKH/COLETTE: a FORTRAN format line such as ` 3 (F12.5,2E16.6)` right before the data. */
export function isRkhColette(headerLines: string[]): boolean {
  return headerLines.some((l) => /^\s*\d+\s*\(\s*\d*[FEG]\d+\.\d+/i.test(l));
}

/** Parse decoded SAXS text; never throws. */
export function parseSaxsText(text: string, fileName?: string): Result<SaxsProfile, ParseError> {
  const read = readNumericBlock(text, MIN_POINTS);
  if (!read.ok) return read;
  const block = read.value;
  const warnings: string[] = [];
  const metadata: Record<string, string | number> = { firstDataLine: block.firstLine, rows: block.rowCount, columns: block.columnCount };
  const rkh = isRkhColette(block.headerLines);
  if (block.strayNumericLines.length > 0) {
    const what = rkh ? 'RKH/COLETTE control' : 'numeric';
    warnings.push(`${describeLines(block.strayNumericLines)} of ${what} numbers before or after the data were not taken as data`);
  }
  const header = block.headerLines.join('\n');
  let qScale = 1;
  if (PER_NM.test(header)) {
    qScale = 0.1;
    metadata.qUnitInFile = '1/nm';
  } else if (PER_A.test(header)) {
    metadata.qUnitInFile = '1/A';
  } else if (!rkh) {
    warnings.push('the q unit is not stated; q taken as Å⁻¹');
  }
  let format: string;
  let sigma: number[] | undefined;
  const cols = block.columnCount;
  if (cols === 2) {
    format = 'q-i';
    warnings.push('no σ column: intensity uncertainties are unknown (the analyzer estimates them from the scatter)');
  } else if (cols === 3) {
    format = rkh ? 'rkh-colette' : 'q-i-sigma';
    sigma = block.column(2);
  } else {
    format = `q-i-${cols}col`;
    warnings.push(`${cols} columns: column 1 taken as q and column 2 as I; the meaning of the others is ambiguous, so σ is treated as unknown`);
  }
  if (/sans|loq|neutron/i.test(header)) metadata.radiation = 'neutron';
  let q = block.column(0).map((v) => v * qScale);
  let intensity = block.column(1);
  // Rows with q ≤ 0 (beam-stop points) carry no small-angle information.
  const keep = q.map((v) => v > 0);
  const dropped = keep.filter((k) => !k).length;
  if (dropped > 0) warnings.push(`${dropped} row(s) with q ≤ 0 dropped`);
  q = q.filter((_, i) => keep[i]);
  intensity = intensity.filter((_, i) => keep[i]);
  sigma = sigma?.filter((_, i) => keep[i]);
  if (q.length < MIN_POINTS) return fail(new ParseError('TOO_FEW_POINTS', `only ${q.length} rows with q > 0`, block.firstLine));
  for (let i = 1; i < q.length; i++) {
    if (q[i] < q[i - 1]) {
      const idx = q.map((_, k) => k).sort((a, b) => q[a] - q[b]);
      q = idx.map((k) => q[k]);
      intensity = idx.map((k) => intensity[k]);
      sigma = sigma && idx.map((k) => sigma![k]);
      warnings.push('q is not ascending; rows sorted by q');
      break;
    }
  }
  if (sigma && sigma.some((s) => !(s > 0))) warnings.push('some σ are zero or negative; those points get the median σ in fits');
  if (intensity.some((v) => v <= 0)) warnings.push('some intensities are ≤ 0 (over-subtracted background?)');
  if (fileName) metadata.fileName = fileName;
  return ok({ qInvA: q, intensity, sigma, format, metadata, warnings });
}

/** Parse SAXS file bytes (UTF-8 or Latin-1, LF or CRLF). */
export function parseSaxs(bytes: Uint8Array, fileName?: string): Result<SaxsProfile, ParseError> {
  if (bytes.length === 0) return fail(new ParseError('EMPTY_FILE', 'the file is empty'));
  if (looksBinary(bytes)) return fail(new ParseError('BINARY_CONTENT', 'binary content; SAXS parsers read q, I, σ text'));
  return parseSaxsText(decodeText(bytes).text, fileName);
}
