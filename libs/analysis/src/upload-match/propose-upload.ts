/**
 * From a file's clues and the sample codes that exist (and the caller may see) to a proposal a
 * person confirms or corrects: technique, mode, field, sample, how sure, and why.
 */
import type { MeasurementMode } from '../technique/parameters';
import type { UploadClues } from './upload-clues';

export interface UploadProposal {
  fileName: string;
  /** Registry technique id, or null when no detector recognised the head. */
  technique: string | null;
  /** The detected file format (e.g. 'multivu-mpms3'), or null. */
  format: string | null;
  mode: MeasurementMode | null;
  fieldOe: number | null;
  /** An existing sample's code, or null when none named in the file exists. */
  sampleCode: string | null;
  /**
   * 'high': technique detected and exactly one existing sample named (or several naming the same);
   * 'low': something is missing or ambiguous (see why); 'none': neither technique nor sample found.
   */
  confidence: 'high' | 'low' | 'none';
  /** Plain sentences, one per decision. */
  why: string[];
}

/** Every code worth looking up for these clues (the API asks the database about these only). */
export const candidateCodes = (clues: readonly UploadClues[]): string[] => [...new Set(clues.flatMap((c) => c.codes.map((k) => k.code)))];

/**
 * The proposal for one file. The sample is the first existing code in clue order (header sample
 * fields, then the file name, then other header lines); another existing code elsewhere makes it
 * 'low' — the person decides. A code that does not exist is named in `why` (a typo, or a sample
 * the caller may not see).
 */
export function proposeUpload(clues: UploadClues, existingCodes: ReadonlySet<string>): UploadProposal {
  const why: string[] = [];
  const d = clues.detection;
  if (d) why.push(`${d.technique} (${d.format}) recognised from the content, confidence ${d.confidence}`);
  else why.push('no technique recognised the first bytes; choose one');

  const existing = clues.codes.filter((c) => existingCodes.has(c.code));
  const missing = clues.codes.filter((c) => !existingCodes.has(c.code));
  const chosen = existing[0];
  const others = existing.filter((c) => c.code !== chosen?.code && !chosen?.code.startsWith(`${c.code}-`));
  if (chosen) why.push(`sample ${chosen.code} from the ${chosen.where}`);
  for (const c of others) why.push(`also names sample ${c.code} in the ${c.where}`);
  for (const c of missing) why.push(`no sample ${c.code} (in the ${c.where}) exists that you may see`);
  if (clues.codes.length === 0) why.push('no sample code in the file name or header; choose the sample');
  if (clues.mode) why.push(`mode ${clues.mode} from the ${clues.modeWhere ?? 'file'}`);
  else if (clues.modes.length > 0) why.push(`no single mode (${clues.modes.join(' or ')}) named; choose one`);

  const modeMissing = clues.modes.length > 0 && !clues.mode;
  let confidence: UploadProposal['confidence'];
  if (!d && !chosen) confidence = 'none';
  else if (d && chosen && others.length === 0 && !modeMissing) confidence = 'high';
  else confidence = 'low';
  return {
    fileName: clues.fileName,
    technique: d?.technique ?? null,
    format: d?.format ?? null,
    mode: clues.mode ?? null,
    fieldOe: clues.fieldOe ?? null,
    sampleCode: chosen?.code ?? null,
    confidence,
    why,
  };
}
