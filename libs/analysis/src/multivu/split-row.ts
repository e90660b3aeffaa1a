/**
 * Row splitting for MultiVu `.dat` files.
 *
 * MultiVu writes bare `"` inside column names (`m" (emu)`, `Coil Signal" (mV)`), so a general CSV
 * parser mis-reads them; it only quotes a Comment cell that itself contains a comma
 * (`"ZFC, 100",3860752588.97959`). Hence: a quote is special only as the first character of a field.
 */

/**
 * Split one line on `delimiter`. A field that starts with `"` runs to the next `"` followed by the
 * delimiter or the end of line (`""` inside it is a literal quote); an unterminated quote takes the
 * rest of the line. Quotes anywhere else are literal. Linear in the line length.
 */
export function splitRow(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let i = 0;
  const n = line.length;
  for (;;) {
    if (i < n && line[i] === '"') {
      let value = '';
      let j = i + 1;
      let closed = false;
      while (j < n) {
        const c = line[j];
        if (c === '"') {
          if (line[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          closed = true;
          j++;
          break;
        }
        value += c;
        j++;
      }
      if (!closed) {
        fields.push(value);
        return fields;
      }
      // Anything between the closing quote and the delimiter is kept verbatim rather than lost.
      const next = line.indexOf(delimiter, j);
      const tail = next < 0 ? line.slice(j) : line.slice(j, next);
      fields.push(value + tail);
      if (next < 0) return fields;
      i = next + delimiter.length;
      continue;
    }
    const next = line.indexOf(delimiter, i);
    if (next < 0) {
      fields.push(line.slice(i));
      return fields;
    }
    fields.push(line.slice(i, next));
    i = next + delimiter.length;
  }
}

/**
 * splitRow for a line without quotes, reading only the fields an analyzer asked for: `out[j]` gets
 * field j when `wanted[j]` (j < width), every other field is only stepped over, which spares the
 * allocation of ~90 strings per MPMS3 row. Returns the number of fields on the line and whether a
 * field past `width` holds anything but blanks (the same facts splitRow's result gives).
 */
export function pickFields(
  line: string,
  delimiter: string,
  width: number,
  wanted: readonly boolean[],
  out: (string | undefined)[],
): { count: number; overflow: boolean } {
  // An empty field (the delimiter right where the field starts) needs no search: most of an MPMS3
  // row is empty fields (`,,,,`), and one indexOf call per field was most of this function's time.
  const d = delimiter.length === 1 ? delimiter.charCodeAt(0) : -1;
  let start = 0;
  let j = 0;
  for (;;) {
    const next = line.charCodeAt(start) === d ? start : line.indexOf(delimiter, start);
    const end = next < 0 ? line.length : next;
    if (j < width) {
      if (wanted[j]) out[j] = line.slice(start, end);
    } else if (line.slice(start, end).trim() !== '') {
      return { count: j + 1, overflow: true };
    }
    j++;
    if (next < 0) break;
    start = next + delimiter.length;
  }
  for (let k = j; k < width; k++) out[k] = undefined;
  return { count: j, overflow: false };
}

/** The delimiter of a column-name line: tab when it has more tabs than commas (spreadsheet re-saves). */
export function detectDelimiter(line: string): ',' | '\t' {
  let tabs = 0;
  let commas = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 9) tabs++;
    else if (c === 44) commas++;
  }
  return tabs > commas ? '\t' : ',';
}
