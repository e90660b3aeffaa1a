/**
 * What the name and the first bytes of an instrument file say about where it belongs: the
 * technique and format (the registry's detectors), the measurement mode and field, and the sample
 * codes written in the name or the header (MPMS `INFO,…,SAMPLE_MATERIAL`, MPMS-XL `INFO, NAME`,
 * PPMS `Sample1 Name`, an XRDML `<sample><name>`, a DSC `Sample ID:` line, a `# sample …` comment).
 * Pure: the API turns clues into proposals once it knows which codes exist (proposeUpload).
 */
import { decodeText } from '../core/text';
import { parseInfoFields } from '../multivu/header';
import type { MeasurementMode } from '../technique/parameters';
import type { TechniqueRegistryView } from '../technique/registry';
import type { Detection } from '../technique/technique';

/** How much of a file the matcher reads; clients send at most this many leading bytes. */
export const UPLOAD_HEAD_BYTES = 16 * 1024;

/** A sample code found in the file name or header, normalised (`i7_r2_p5` → `I0007-R2-P05`). */
export interface CodeClue {
  code: string;
  /** Where it was found, for people: `file name`, `header SAMPLE_MATERIAL (line 7)`. */
  where: string;
  fromFileName: boolean;
}

export interface UploadClues {
  fileName: string;
  /** The registry's best detection on the head, if any technique recognised it. */
  detection?: Detection;
  /** The detected technique's measurement modes (empty when it has none or nothing was detected). */
  modes: readonly MeasurementMode[];
  /** Measurement mode, when the technique has modes and exactly one is named. */
  mode?: MeasurementMode;
  modeWhere?: string;
  /** Applied field in Oe from `20Oe`, `1 kOe` in the name or a header comment. */
  fieldOe?: number;
  /** Codes in order of preference: header sample fields first, then the file name, then other header lines. */
  codes: CodeClue[];
}

/**
 * Lab codes (see src/modules/samples/sample-code.ts): ingot `I` + 4 digits, ribbon `-R<n>`, piece
 * `-P<nn>`. Written by hand they lose dashes or padding (`I0007_R2_P5`, `i0007r2p05`); the
 * lookarounds keep `I` from matching inside a word.
 */
const CODE = /(?<![A-Za-z0-9])I(\d{4,5})(?:[-_ ]?R(\d{1,3})(?:[-_ ]?P(\d{1,3}))?)?(?![A-Za-z0-9])/gi;

function normaliseCode(ingot: string, ribbon?: string, piece?: string): string {
  let code = `I${ingot}`;
  if (ribbon !== undefined) code += `-R${Number(ribbon)}`;
  if (piece !== undefined) code += `-P${String(Number(piece)).padStart(2, '0')}`;
  return code;
}

/** Every code in `text`, in order, most specific first where two overlap (a piece beats its ribbon). */
export function findSampleCodes(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(CODE)) {
    const code = normaliseCode(m[1], m[2], m[3]);
    if (!out.includes(code)) out.push(code);
  }
  return out;
}

/** Header keys that name the sample (upper-cased for comparison). */
const SAMPLE_KEYS = /^(SAMPLE\d*_MATERIAL|NAME|SAMPLE\s*\d*\s+NAME|SAMPLE(\s*ID|\s*NAME)?|ID)$/i;

/** The header lines worth reading: MultiVu stops at [Data]; other formats' headers are short anyway. */
function headerLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  const data = lines.findIndex((l) => /^\s*\[data\]/i.test(l));
  return (data >= 0 ? lines.slice(0, data) : lines).slice(0, 200);
}

/** A header line's key, when the line is a field: MultiVu INFO (either order), `Key: value`, `Key\tvalue`, XML `<name>`. */
function fieldKey(line: string): string | undefined {
  const info = /^\s*INFO\s*([,\t])(.*)$/i.exec(line);
  if (info) {
    const fields = info[2].split(info[1]);
    while (fields.length > 0 && fields[fields.length - 1].trim() === '') fields.pop();
    return parseInfoFields(fields)?.key;
  }
  if (/^\s*TITLE\b/i.test(line)) return 'TITLE';
  const xml = /<(name|id)>/i.exec(line);
  if (xml && /<sample\b/i.test(line)) return `sample ${xml[1]}`;
  const kv = /^\s*[#;!%]*\s*([A-Za-z][A-Za-z0-9 _]{0,30}?)\s*(?::|\t|=)/.exec(line);
  return kv?.[1].trim();
}

const MODE_TOKEN = /(?<![A-Za-z])(ZFC|FCW|FCC|FC)(?![A-Za-z])/gi;

/** The one mode named in `text` (FCW/FCC count as FC), or undefined when none or both are. */
function modeIn(text: string, modes: readonly MeasurementMode[]): MeasurementMode | undefined {
  const found = new Set<MeasurementMode>();
  for (const m of text.matchAll(MODE_TOKEN)) {
    const mode = m[1].toUpperCase() === 'ZFC' ? 'ZFC' : 'FC';
    if (modes.includes(mode)) found.add(mode);
  }
  return found.size === 1 ? [...found][0] : undefined;
}

const FIELD = /(?<![A-Za-z0-9.])(\d+(?:\.\d+)?)\s*(k)?\s*Oe(?![A-Za-z])/i;

function fieldIn(text: string): number | undefined {
  const m = FIELD.exec(text);
  if (!m) return undefined;
  const value = Number(m[1]) * (m[2] ? 1000 : 1);
  return Number.isFinite(value) ? value : undefined;
}

/** Read the clues of one file from its name and first bytes (at most UPLOAD_HEAD_BYTES are looked at). */
export function readUploadClues(registry: TechniqueRegistryView, fileName: string, headBytes: Uint8Array): UploadClues {
  let head = headBytes.subarray(0, UPLOAD_HEAD_BYTES);
  // A head at the limit is most likely cut mid-line: hand detectors whole lines only.
  const lastNewline = head.lastIndexOf(0x0a);
  if (head.length === UPLOAD_HEAD_BYTES && lastNewline > 0) head = head.subarray(0, lastNewline + 1);
  const detection = head.length > 0 ? registry.detect(head, fileName) : undefined;
  const text = head.length > 0 ? decodeText(head).text : '';
  const lines = headerLines(text);
  const baseName = fileName.replace(/^.*[\\/]/, '');

  const inFields: CodeClue[] = [];
  const inOtherLines: CodeClue[] = [];
  lines.forEach((line, i) => {
    const codes = findSampleCodes(line);
    if (codes.length === 0) return;
    const key = fieldKey(line);
    const isSampleField = key !== undefined && SAMPLE_KEYS.test(key.replace(/^sample (name|id)$/i, 'SAMPLE NAME'));
    for (const code of codes) (isSampleField ? inFields : inOtherLines).push({ code, where: `header ${key ?? 'line'} (line ${i + 1})`, fromFileName: false });
  });
  const inName: CodeClue[] = findSampleCodes(baseName).map((code) => ({ code, where: 'file name', fromFileName: true }));
  const codes: CodeClue[] = [];
  for (const c of [...inFields, ...inName, ...inOtherLines]) if (!codes.some((k) => k.code === c.code)) codes.push(c);

  const modes = (detection && registry.get(detection.technique)?.modes?.values) || [];
  const clues: UploadClues = { fileName, codes, modes, ...(detection && { detection }) };
  if (modes.length > 0) {
    const fromName = modeIn(baseName, modes);
    const headerText = lines.filter((l) => /^\s*(INFO|TITLE)\b/i.test(l) || /^\s*[#;]/.test(l)).join('\n');
    const fromHeader = fromName ? undefined : modeIn(headerText, modes);
    const mode = fromName ?? fromHeader;
    if (mode) {
      clues.mode = mode;
      clues.modeWhere = fromName ? 'file name' : 'header';
    }
  }
  const infoText = lines.filter((l) => /^\s*(INFO|TITLE)\b/i.test(l)).join('\n');
  const fieldOe = fieldIn(baseName) ?? fieldIn(infoText);
  const takesField = detection !== undefined && 'fieldOe' in (registry.get(detection.technique)?.parameters ?? {});
  if (fieldOe !== undefined && takesField) clues.fieldOe = fieldOe;
  return clues;
}
