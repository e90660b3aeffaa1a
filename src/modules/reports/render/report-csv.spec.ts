import { parse } from 'csv-parse/sync';
import { buildCampaignReport } from '../report-builder';
import { handMadeAnnealInput } from '../../../../test/factories/report.factory';
import { renderReportCsv } from './report-csv';

/** What a spreadsheet would see: an RFC 4180 reader with CRLF records. */
const parseCsv = (text: string): string[][] => parse(text, { record_delimiter: '\r\n' });

describe('renderReportCsv', () => {
  const report = buildCampaignReport(handMadeAnnealInput(), new Date('2026-11-27T00:00:00Z'));

  it('writes a header and one row per piece, nothing else, with CRLF line ends', () => {
    const csv = renderReportCsv(report);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(['code', 'level', 'tcOnsetK', 'tcMidK', 'chiAbs1p8KEmuPerGOe', 'shieldingFraction1p8K', 'fcZfcRatio', 'tcSigmaK']);
    expect(rows).toHaveLength(1 + report.pieces.length);
    const first = report.pieces[0];
    expect(rows[1]).toEqual([first.code, String(first.level), ...Object.values(first.values).map((v) => (v === null ? '' : String(v)))]);
    // Full precision: the cell reads back as the same double.
    expect(Number(rows[1][4])).toBe(first.values.chiAbs1p8KEmuPerGOe);
    // The piece with nothing measured: empty cells.
    expect(rows.find((r) => r[0] === 'HM-5-P4')).toEqual(['HM-5-P4', '5', '', '', '', '', '', '']);
  });

  it('quotes commas, quotes and line breaks (RFC 4180) and defuses spreadsheet formulas', () => {
    /** Piece i of the report under another id, code and level (the CSV reads the code, level and values). */
    const as = (i: number, sampleId: string, code: string, level: number, values = report.pieces[i].values) => ({
      ...report.pieces[i],
      sampleId,
      code,
      level,
      matchBroken: false,
      mismatches: [],
      values,
    });
    const tricky = {
      ...report,
      pieces: [
        as(0, 'a', 'A,1 "x"', 0, { ...report.pieces[0].values, tcOnsetK: -1.5 }),
        as(1, 'b', 'line\nbreak', 1),
        as(2, 'c', '=HYPERLINK("http://evil")', 1),
      ],
    };
    const csv = renderReportCsv(tricky);
    expect(csv).toContain('"A,1 ""x""",0,-1.5,');
    expect(csv).toContain('"line\nbreak",1,');
    const rows = parseCsv(csv);
    expect(rows.map((r) => r[0])).toEqual(['code', 'A,1 "x"', 'line\nbreak', `'=HYPERLINK("http://evil")`]);
    expect(rows[1][2]).toBe('-1.5');
  });
});
