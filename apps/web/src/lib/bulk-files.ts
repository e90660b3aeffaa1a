/**
 * Files for a bulk upload: from a dropped folder (DataTransfer items → FileSystemEntry tree), a
 * drop of loose files, or an <input webkitdirectory>; and each file's head as the matching route
 * reads it (the first 16 KiB, base64).
 */

/** The bytes POST /api/uploads/match reads of each file (libs/analysis UPLOAD_HEAD_BYTES). */
export const HEAD_BYTES = 16 * 1024;

export interface PickedFile {
  file: File;
  /** Path inside the dropped or picked folder (`run-12/I0001-R1-P01_ZFC.dat`), else the name. */
  path: string;
}

/** Hidden and system files a folder carries that are never measurements. */
const isJunk = (name: string): boolean => name.startsWith('.') || name === 'Thumbs.db' || name === 'desktop.ini';

function readEntries(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  // readEntries answers in batches (Chromium: 100) until an empty one.
  return new Promise((resolve, reject) => {
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) return resolve(all);
        all.push(...batch);
        next();
      }, reject);
    next();
  });
}

async function walk(entry: FileSystemEntry, prefix: string, out: PickedFile[]): Promise<void> {
  if (isJunk(entry.name)) return;
  const path = prefix ? `${prefix}/${entry.name}` : entry.name;
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    out.push({ file, path });
  } else if (entry.isDirectory) {
    for (const child of await readEntries(entry as FileSystemDirectoryEntry)) await walk(child, path, out);
  }
}

/** Every file of a drop, folders walked recursively; loose files when the browser gives no entries. */
export async function filesFromDrop(dt: DataTransfer): Promise<PickedFile[]> {
  const entries = Array.from(dt.items ?? [])
    .map((i) => (i.kind === 'file' ? i.webkitGetAsEntry?.() : null))
    .filter((e): e is FileSystemEntry => !!e);
  if (entries.length === 0) return filesFromList(dt.files);
  const out: PickedFile[] = [];
  for (const e of entries) await walk(e, '', out);
  return out;
}

/** Files from an input (with webkitdirectory, each carries its folder path). */
export function filesFromList(list: FileList | null): PickedFile[] {
  return Array.from(list ?? [])
    .filter((f) => !isJunk(f.name))
    .map((file) => ({ file, path: file.webkitRelativePath || file.name }));
}

/** The file's first HEAD_BYTES, base64. */
export async function headBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x2000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x2000));
  return btoa(binary);
}
