import { DECAY_FIT_PANEL, REPORT_PANELS } from '../../../../libs/charts/src/report-figure';
import { buildCampaignReport, decayFitMetric } from '../report-builder';
import type { CampaignReport } from '../report.types';
import { handMadeAnnealInput } from '../../../../test/factories/report.factory';
import { FIT_CURVE_COLOR, renderReportSvg, SVG_PANELS } from './report-svg';

const NOW = new Date('2026-11-27T00:00:00Z');
const texts = (svg: string): string[] => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe('renderReportSvg', () => {
  const report = buildCampaignReport(handMadeAnnealInput('Anneal <script>alert(1)</script> & co'), NOW);
  const svg = renderReportSvg(report);

  it('is one SVG with the campaign title, three panel titles and axis names with units', () => {
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
    const t = texts(svg);
    expect(t).toEqual(expect.arrayContaining(['Tc onset', '|χ| at 1.8 K', 'FC/ZFC', 'Tc onset (K)', '|χ_mass| (emu g⁻¹ Oe⁻¹)', 'hold at 453 K (min)']));
    expect(t).toContain('Anneal &lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
    expect(svg).not.toMatch(/<script/i);
    expect(svg).not.toContain('no data');
  });

  it('cuts a campaign name too long for the figure', () => {
    const long = renderReportSvg({ ...report, campaign: { ...report.campaign, name: 'very long name '.repeat(20) } });
    const title = texts(long).find((t) => t.startsWith('very long name'))!;
    expect(title.endsWith('…')).toBe(true);
    expect(title.length).toBeLessThan(100);
  });

  it('draws the fitted exponential as a path, and per-level error bars', () => {
    const fitPaths = [...svg.matchAll(new RegExp(`<path d="([^"]+)"[^>]*stroke="${FIT_CURVE_COLOR}"`, 'g'))].map((m) => m[1]);
    // The legend glyph is filled, not stroked: the stroked path is the curve, with many segments.
    expect(fitPaths).toHaveLength(1);
    expect(fitPaths[0].split(/[LC]/).length).toBeGreaterThan(50);
    const withoutFit = renderReportSvg({ ...report, fits: { ...report.fits, chiExponential: null } });
    expect(withoutFit).not.toContain(`stroke="${FIT_CURVE_COLOR}"`);
    // 4 levels × 3 panels error bars of 4 strokes each, in the mean colour.
    expect(svg.match(/<path d="M[^"]*"[^>]*stroke="#1b1b1f"[^>]*ecmeta_series_index/g)?.length).toBe(48);
  });

  it('shows "no data" in a panel whose metric is missing, and copes with an empty campaign', () => {
    const noRatio: CampaignReport = { ...report, pieces: report.pieces.map((p) => ({ ...p, values: { ...p.values, fcZfcRatio: null } })) };
    delete (noRatio.metrics as Record<string, unknown>).fcZfcRatio;
    expect(texts(renderReportSvg(noRatio)).filter((s) => s === 'no data')).toHaveLength(1);
    const empty = buildCampaignReport({ ...handMadeAnnealInput(), pieces: [], results: [] }, NOW);
    const out = renderReportSvg(empty);
    expect(texts(out).filter((s) => s === 'no data')).toHaveLength(3);
    expect(out).not.toContain(`stroke="${FIT_CURVE_COLOR}"`);
  });
});

describe('the figure panels come from the technique registry', () => {
  it('the server passes the registry’s figure metrics, and the browser’s defaults in libs/charts are the same', () => {
    expect(SVG_PANELS).toEqual([
      { key: 'tcOnsetK', title: 'Tc onset', yName: 'Tc onset (K)' },
      { key: 'chiAbs1p8KEmuPerGOe', title: '|χ| at 1.8 K', yName: '|χ_mass| (emu g⁻¹ Oe⁻¹)' },
      { key: 'fcZfcRatio', title: 'FC/ZFC', yName: 'χ_FC / χ_ZFC at 1.8 K' },
    ]);
    expect(REPORT_PANELS).toEqual(SVG_PANELS);
    expect(DECAY_FIT_PANEL).toBe(decayFitMetric()?.key);
  });
});
