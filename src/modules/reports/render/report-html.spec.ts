import { buildCampaignReport } from '../report-builder';
import { handMadeAnnealInput } from '../../../../test/factories/report.factory';
import { renderReportHtml } from './report-html';

const NOW = new Date('2026-11-27T09:30:00Z');
/** Text content of the element with this id (tags stripped), for assertions on what a reader sees. */
function byId(html: string, id: string): string {
  const m = html.match(new RegExp(`<(\\w+)[^>]*id="${id}"[^>]*>([\\s\\S]*?)</\\1>`));
  if (!m) throw new Error(`no element #${id}`);
  return m[2].replace(/<[^>]+>/g, '');
}

describe('renderReportHtml', () => {
  const input = handMadeAnnealInput('Anneal <script>alert("x")</script> & <b>co</b>');
  input.campaign.hypothesis = 'Shielding <img src=x onerror=alert(1)> decays';
  input.pieces[0].code = '<script>bad()</script>';
  const report = buildCampaignReport(input, NOW);
  const html = renderReportHtml(report);

  it('escapes every piece of user text and runs nothing', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toContain('<b>co</b>');
    expect(html).toContain('<h1 id="campaign-name">Anneal &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;co&lt;/b&gt;</h1>');
    expect(html).toContain('<title>Anneal &lt;script&gt;');
    expect(byId(html, 'hypothesis')).toBe('Shielding &lt;img src=x onerror=alert(1)&gt; decays');
    expect(html).toContain('&lt;script&gt;bad()&lt;/script&gt;');
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    // Self-contained: no outside resources.
    expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
  });

  it('embeds the SVG in #plots and shows the factor', () => {
    expect(html).toMatch(/<section id="plots">[\s\S]*<svg [\s\S]*<\/svg>[\s\S]*<\/section>/);
    expect(byId(html, 'factor')).toBe('Anneal hold time at 453 K; levels 0, 1, 5, 10 min');
  });

  it('shows the exponential fit with uncertainties and the linear slopes', () => {
    const fit = report.fits.chiExponential!;
    expect(fit.tauMin).toBeCloseTo(1.2, 1);
    expect(byId(html, 'fit-tau')).toMatch(/^τ = 1\.\d+ ± 0\.\d+ min$/);
    const [, tau, err] = byId(html, 'fit-tau').match(/τ = ([\d.]+) ± ([\d.]+)/)!;
    expect(Math.abs(Number(tau) - fit.tauMin)).toBeLessThanOrEqual(Number(err));
    expect(Number(err)).toBeCloseTo(fit.tauErrMin, 1);
    expect(byId(html, 'fit-k')).toMatch(/^k = 0\.00\d+ ± 0\.0+\d+ emu g⁻¹ Oe⁻¹$/);
    expect(byId(html, 'fit-y0')).toMatch(/^y0 = 0\.00\d+ ± 0\.0+\d+ emu g⁻¹ Oe⁻¹$/);
    expect(byId(html, 'fit-r2')).toMatch(/^R² = 0\.99\d*$/);
    // Tc onset falls 0.02 K per minute in the input.
    expect(html).toMatch(/<tr data-metric="tcOnsetK">.*<td class="slope">−0\.020\d* ± [\d.]+ <span class="unit">K per min<\/span>/);
  });

  it('shows the per-level table with mean ± std (n) and % change against the baseline', () => {
    const row = html.match(/<tr data-metric="chiAbs1p8KEmuPerGOe">.*?<\/tr>/)![0];
    const cells = [...row.matchAll(/<td>(.*?)<\/td>/g)].map((m) => m[1].replace(/<[^>]+>/g, ''));
    expect(cells).toHaveLength(4);
    expect(cells[0]).toMatch(/^0\.0095\d* ± 0\.0000\d+n = 3$/);
    const change1 = report.metrics.chiAbs1p8KEmuPerGOe.levels[1].changePct!;
    expect(cells[1]).toContain(`n = 3 · −${Math.abs(change1).toFixed(1)} %`);
  });

  it('lists the open gaps, or says there are none', () => {
    expect(html).toContain(
      '<ul class="gaps"><li class="gap"><strong>5 min · MAGNETIC</strong>: 1 of 4 missing, <span class="failed">1 failed</span></li></ul>',
    );
    const none = renderReportHtml({ ...report, gaps: [] });
    expect(none).toContain('<p class="gaps no-gaps">No gaps');
    expect(none).not.toContain('<ul class="gaps">');
  });

  it('explains a missing exponential fit instead of showing empty numbers', () => {
    const html2 = renderReportHtml({ ...report, fits: { ...report.fits, chiExponential: null } });
    expect(html2).not.toContain('id="fit-tau"');
    expect(byId(html2, 'fit-exponential')).toMatch(/^No exponential fit/);
  });
});

describe('renderReportHtml: resistance against χ per piece', () => {
  const input = handMadeAnnealInput();
  const zfc = input.results.find((r) => r.sampleId === 's-0-1' && r.mode === 'ZFC')!;
  zfc.metrics = { ...zfc.metrics, width1090K: 0.46, tcDistribution: { muK: 3.2, muErrK: 0.001, sigmaK: 0.2, sigmaErrK: 0.001, truncated: false } };
  input.results.push({
    sampleId: 's-0-1',
    technique: 'RESISTANCE',
    mode: null,
    runId: 'r0123456789',
    analyzer: 'resistance',
    analyzerVersion: '1.1.0',
    metrics: { tcK: 3.6, width1090K: 0.012 },
  });
  const html = renderReportHtml(buildCampaignReport(input, NOW));
  const row = (code: string) => html.match(new RegExp(`<tr data-piece="${code}">([\\s\\S]*?)</tr>`))![1];

  it('shows z, the shielding present at Tc_R, the width ratio and the runs combined for the piece with both', () => {
    expect(html).toContain('(1 of 13 pieces have both)');
    const r = row('HM-0-P1');
    // (3.6 − 3.2)/0.2 = 2; ½erfc(2/√2) / ½erfc((1.8 − 3.2)/(0.2√2)) = 0.02275.
    expect(r).toMatch(/<td class="z">2\.000 ± 0\.011<\/td>/);
    expect(r).toContain('<td class="fraction">2.28 %</td>');
    expect(r).toContain('<td class="ratio">38.3</td>');
    expect(r).toContain('resistance@1.1.0 <code>r0123456</code>');
    expect(r).toContain('<td class="missing">—</td>');
  });

  it('says what is missing for a piece without a resistance run', () => {
    expect(row('HM-1-P1')).toContain('no successful resistance analysis of this piece');
    expect(row('HM-5-P4')).toContain('no successful ZFC magnetic analysis of this piece; no successful resistance analysis of this piece');
  });
});
