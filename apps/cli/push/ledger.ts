/**
 * vitrack-push's memory, a JSON file: per SHA-256 of a file's bytes, where it went. Written
 * atomically (temporary file + rename), so a crash leaves the old or the new ledger, never half.
 * A measurement id is recorded before its upload, so a restart in between uploads to the same
 * measurement (the API answers `duplicate` if the bytes were already there) instead of creating another.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

export interface LedgerEntry {
  path: string;
  sampleCode?: string;
  technique?: string;
  measurementId?: string;
  uploadedAt?: string;
  fileId?: string;
  /** Set when the API refused the file for good (a 4xx other than auth): not retried. */
  rejected?: string;
}

interface LedgerFile {
  version: 1;
  files: Record<string, LedgerEntry>;
}

export class Ledger {
  private constructor(
    private readonly file: string,
    private readonly data: LedgerFile,
  ) {}

  static open(file: string): Ledger {
    if (!existsSync(file)) return new Ledger(file, { version: 1, files: {} });
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as LedgerFile;
    if (parsed.version !== 1 || typeof parsed.files !== 'object') throw new Error(`${file} is not a vitrack-push ledger`);
    return new Ledger(file, parsed);
  }

  get(sha256: string): LedgerEntry | undefined {
    return this.data.files[sha256];
  }

  /** Whether this content needs nothing more: uploaded, or refused for good. */
  done(sha256: string): boolean {
    const e = this.get(sha256);
    return !!e && (e.uploadedAt !== undefined || e.rejected !== undefined);
  }

  get uploadedCount(): number {
    return Object.values(this.data.files).filter((e) => e.uploadedAt).length;
  }

  set(sha256: string, entry: LedgerEntry): void {
    this.data.files[sha256] = entry;
    const tmp = `${this.file}.tmp-${process.pid}`;
    writeFileSync(tmp, JSON.stringify(this.data, null, 2));
    renameSync(tmp, this.file);
  }
}
