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
