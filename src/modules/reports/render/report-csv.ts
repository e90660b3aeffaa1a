/** The campaign report as CSV: one row per piece, for a PI's spreadsheet. */
import type { CampaignReport } from '../report.types';

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab/CR) as a formula, so user text that
 * starts that way (a sample code) is prefixed with ' (OWASP "CSV injection"). Numbers are never
 * touched: a negative value stays a number.
 */
function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** RFC 4180: quote a field holding a comma, quote, CR or LF, doubling the quotes inside. */
function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Shortest text that reads back as the same double; empty for an unmeasured value. */
function numberField(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '' : String(value);
}

/**
 * RFC 4180 CSV of a campaign report: a header row `code,level,<metric keys…>` (keys carry their
 * units, e.g. tcOnsetK, chiAbs1p8KEmuPerGOe), then one row per piece in report order, CRLF line
 * ends; nothing else — except that a report with warnings (a baseline level without data) starts
 * with one `# warning: …` line per warning, which spreadsheets show in the first cell and
 * `pandas.read_csv(comment='#')` skips. Unmeasured values are empty cells; numbers keep full precision.
 */
export function renderReportCsv(report: CampaignReport): string {
  const keys = Object.keys(report.metrics);
  const lines = [...(report.warnings ?? []).map((w) => field(`# warning: ${w}`)), ['code', 'level', ...keys].map(field).join(',')];
  for (const piece of report.pieces) {
    lines.push([field(neutraliseFormula(piece.code)), numberField(piece.level), ...keys.map((k) => numberField(piece.values[k]))].join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
