import type { Locator, Page } from 'playwright-core';
import { formatNumber, formatWithError } from '../../libs/charts/src/format';
import { plotSpecimens } from '../../libs/instruments/src/plot-specimens';
import { signIn } from '../../scripts/browser';
import { anneal } from '../factories/sample.factory';
import { newMeasurement, upload, waitForRuns } from '../factories/upload.factory';
import { expectUsable, startWebStack, text, type WebStack } from '../setup/web-journey';

const PASSWORD = 'password-123';

/**
 * A piece measured five ways — a ZFC-then-FC magnetic file, a PPMS file with two channels, a raw
 * XRD pattern, a DSC scan and a SAXS profile, all from the virtual instruments — analysed by the
 * real worker and shown on its page in Debian's Chromium at tablet width: each measurement's plots
 * with the series the analysis stored and the models it fitted, named in the legend data and the
 * caption (the chart's text alternative), and the local-Tc distribution's μ as the analysis computed it.
 */
describe('the sample page plots every technique in Chromium', () => {
  let stack: WebStack;
  let piece: { id: string; code: string };
  /** The analysis run of each technique's file. */
  const runs: Record<string, Record<string, any>> = {};

  beforeAll(async () => {
    stack = await startWebStack('webplots');
    const { api, member, ribbon } = stack;
    [piece] = (await api.request('POST', `/api/samples/${ribbon.id}/pieces`, { token: member.token, body: { count: 1, lengthMm: 4, massMg: 2 } })).body;
    const ids: Record<string, string> = {};
    for (const s of plotSpecimens()) {
      const m = await newMeasurement(api, member.token, piece.id, s.technique, s.conditions);
      [ids[s.technique]] = (await upload(api, member.token, m.id, s.fileName, s.text)).body.analysisRunIds;
    }
    const done = await waitForRuns(api, member.token, Object.values(ids), 120_000);
    for (const [technique, id] of Object.entries(ids)) runs[technique] = done[id];
  }, 240_000);

  afterAll(async () => {
    await stack?.close();
  });

  const card = (page: Page, technique: string) =>
    page.locator('article.measurement').filter({ has: page.getByRole('heading', { name: new RegExp(`^${technique}\\b`) }) });

  /** A panel of a card: scrolled into view, its canvas drawn; returns its series names and caption. */
  async function panel(page: Page, technique: string, id: string): Promise<{ series: string[]; caption: string; figure: Locator }> {
    const figure = card(page, technique).locator(`figure[data-panel="${id}"]`);
    await figure.scrollIntoViewIfNeeded();
    await figure.locator('canvas').waitFor();
    return {
      series: (await figure.getAttribute('data-series'))!.split('|'),
      caption: (await figure.locator('figcaption').innerText()).trim(),
      figure,
    };
  }

  it('every analysis succeeded, and the plot route keeps each series within its bound', async () => {
    expect(Object.fromEntries(Object.entries(runs).map(([t, r]) => [t, r.status]))).toEqual({
      MAGNETIC: 'SUCCEEDED',
      RESISTANCE: 'SUCCEEDED',
      XRD: 'SUCCEEDED',
      DSC: 'SUCCEEDED',
      SAXS: 'SUCCEEDED',
    });
    for (const run of Object.values(runs)) {
      const res = await stack.api.request('GET', `/api/analyses/${run.id}/plot`, { token: stack.member.token });
      expect(res.status).toBe(200);
      for (const p of res.body.panels) for (const s of p.series) expect(s.x.length).toBeLessThanOrEqual(400);
    }
    // The server draws the same panels as one SVG.
    const svg = await stack.api.app.inject({
      method: 'GET',
      url: `/api/analyses/${runs.XRD.id}/plot.svg`,
      headers: { authorization: `Bearer ${stack.member.token}` },
    });
    expect([svg.statusCode, svg.headers['content-type']]).toEqual([200, 'image/svg+xml; charset=utf-8']);
    expect(svg.body).toContain('>SNIP background<');
    // Read like the run: not without signing in, and 404 for a run that does not exist.
    expect((await stack.api.request('GET', `/api/analyses/${runs.MAGNETIC.id}/plot`)).status).toBe(401);
    expect((await stack.api.request('GET', '/api/analyses/00000000-0000-4000-8000-000000000000/plot', { token: stack.member.token })).status).toBe(404);
  });

  it('shows χ(T) ZFC/FC, the local-Tc distribution with its Gaussians and μ, R(T) per channel, the XRD halo and SNIP background, DSC Tg/Tx and the SAXS fit', async () => {
    const { context, page } = await stack.windows.open();
    await signIn(page, stack.base, stack.member.email, PASSWORD);
    await page.goto(`${stack.base}/samples/${piece.code}`);
    for (const technique of Object.keys(runs)) {
      await card(page, technique).getByTestId('analysis-status').filter({ hasText: 'SUCCEEDED' }).waitFor({ timeout: 30_000 });
    }

    const chi = await panel(page, 'MAGNETIC', 'chi');
    expect(chi.series).toEqual(['χ ZFC', 'χ FC']);
    const m = runs.MAGNETIC.metrics;
    const dist = await panel(page, 'MAGNETIC', 'tc-distribution');
    expect(dist.series).toEqual(['−dχ/dT ZFC, normalised', '−dχ/dT FC, normalised', 'Gaussian fit ZFC', 'Gaussian fit FC']);
    expect(dist.caption).toContain('−dχ/dT FC, normalised');
    expect(dist.caption).toContain(`μ ZFC = ${formatWithError(m.tcDistribution.muK, m.tcDistribution.muErrK)} K`);
    expect(dist.caption).toContain(`σ ZFC = ${formatWithError(m.tcDistribution.sigmaK, m.tcDistribution.sigmaErrK)} K`);
    expect(dist.caption).not.toContain('truncated');
    // The caption is the chart's text alternative: the figure is labelled by it.
    expect(await dist.figure.getAttribute('aria-labelledby')).toBe(await dist.figure.locator('figcaption').getAttribute('id'));

    const r = await panel(page, 'RESISTANCE', 'resistance');
    expect(r.series).toEqual(['channel 1 (headline), 0 T', 'channel 1 (headline), 1 T', 'channel 2, 0 T']);
    const [ch1, ch2] = runs.RESISTANCE.metrics.channels;
    expect(r.caption).toContain(`Tc (50 %), channel 1 (headline) = ${formatWithError(ch1.tcK, null)} K`);
    expect(r.caption).toContain(`Tc (50 %), channel 2 = ${formatWithError(ch2.tcK, null)} K`);

    // Two fields: the Hc2(T) panel, its points, the WHH line of the stored slope, and the estimates in its caption.
    const rm = runs.RESISTANCE.metrics;
    expect(rm.hc2Points).toHaveLength(2);
    const hc2 = await panel(page, 'RESISTANCE', 'hc2');
    expect(hc2.series.slice(0, 2)).toEqual(['Hc2(T) points', 'linear fit near Tc (dμ0Hc2/dT)']);
    const slope = rm.dHc2dTErrTPerK === null ? formatNumber(rm.dHc2dTTPerK) : formatWithError(rm.dHc2dTTPerK, rm.dHc2dTErrTPerK);
    expect(hc2.caption).toContain(`dμ0Hc2/dT = ${slope} T/K`);
    expect(hc2.caption).toContain(`μ0Hc2(0) WHH = ${formatNumber(rm.hc2ZeroWhhT)} T`);
    // One field per magnetic sweep here: no Hc2 panel on the χ(T) card.
    expect(await card(page, 'MAGNETIC').locator('figure[data-panel="hc2"]').count()).toBe(0);

    const xrd = await panel(page, 'XRD', 'xrd');
    expect(xrd.series).toEqual(['pattern', 'halo fit (pseudo-Voigt + background)', 'background under the halo', 'SNIP background']);
    expect(xrd.caption).toContain(`q₁ = ${formatWithError(runs.XRD.metrics.q1InvA, runs.XRD.metrics.q1ErrInvA)} Å⁻¹`);

    const dsc = await panel(page, 'DSC', 'dsc');
    expect(dsc.series).toEqual(['heat flow']);
    expect(dsc.caption).toContain(`Tg onset = ${formatWithError(runs.DSC.metrics.tgOnsetK, null)} K`);
    expect(dsc.caption).toContain(`Tx onset = ${formatWithError(runs.DSC.metrics.txOnsetK, null)} K`);

    const saxs = await panel(page, 'SAXS', 'saxs');
    expect(saxs.series).toEqual(['I(q)', 'A·q⁻ⁿ + B fit']);
    expect(saxs.caption).toContain(`n = ${formatWithError(runs.SAXS.metrics.powerLawN, runs.SAXS.metrics.powerLawNErr)}`);

    // The metric table beside the plots, with units and uncertainties from the technique registry.
    expect((await card(page, 'XRD').locator('tr[data-metric="q1InvA"] td.num').innerText()).trim()).toBe(
      formatWithError(runs.XRD.metrics.q1InvA, runs.XRD.metrics.q1ErrInvA),
    );
    expect((await card(page, 'XRD').locator('tr[data-metric="q1InvA"] td.unit').innerText()).trim()).toBe('Å⁻¹');
    const mu = card(page, 'MAGNETIC').locator('tr[data-metric="tcDistribution.muK"]');
    expect((await mu.locator('td.num').innerText()).trim()).toBe(formatWithError(m.tcDistribution.muK, m.tcDistribution.muErrK));
    expect((await mu.locator('td.unit').innerText()).trim()).toBe('K');

    await expectUsable(page);
    expect(stack.windows.problems).toEqual([]);
    await context.close();
  }, 120_000);

  it('sums up the newest result of each technique at the top of the page, with the labels, units and uncertainties the registry declares', async () => {
    const techniques = (await stack.api.request('GET', '/api/techniques', { token: stack.member.token })).body as {
      id: string;
      summary: string[];
      metrics: { key: string; label: string; unit: string; uncertainty: string | null }[];
    }[];
    const { context, page } = await stack.windows.open();
    await signIn(page, stack.base, stack.member.email, PASSWORD);
    await page.goto(`${stack.base}/samples/${piece.code}`);
    const strip = page.getByRole('region', { name: 'Latest results' });
    await strip.waitFor();
    // It sits above the facts, lineage and measurements.
    expect(await page.locator('main > section, main > dl, main > nav').first().getAttribute('data-testid')).toBe('latest-results');
    expect(await strip.locator('li[data-result]').evaluateAll((els) => els.map((e) => e.getAttribute('data-result')))).toEqual([
      'MAGNETIC ZFC',
      'RESISTANCE',
      'XRD',
      'SAXS',
      'DSC',
    ]);
    const at = (path: string, metrics: Record<string, unknown>) => path.split('.').reduce<any>((o, k) => o?.[k], metrics);
    for (const t of techniques) {
      const card = strip.locator(`li[data-result^="${t.id}"]`);
      const metrics = runs[t.id].metrics;
      const shown = t.summary.filter((k) => typeof at(k, metrics) === 'number' || typeof at(k, metrics) === 'boolean');
      expect(shown.length).toBeGreaterThan(0);
      expect(await card.locator('[data-metric]').evaluateAll((els) => els.map((e) => e.getAttribute('data-metric')))).toEqual(shown);
      for (const key of shown) {
        const spec = t.metrics.find((m) => m.key === key)!;
        const row = card.locator(`[data-metric="${key}"]`);
        expect((await text(row.locator('dt'))).toLowerCase()).toBe(spec.label.toLowerCase());
        const v = at(key, metrics);
        if (typeof v === 'number') {
          const err = spec.uncertainty ? at(spec.uncertainty, metrics) : null;
          expect(await text(row.locator('.num'))).toBe(typeof err === 'number' ? formatWithError(v, err) : formatNumber(v));
        }
        if (spec.unit) expect(await text(row.locator('.unit'))).toBe(spec.unit);
      }
    }
    // μ of the local-Tc distribution, with its uncertainty, as the analysis computed it.
    const m = runs.MAGNETIC.metrics;
    expect(await text(strip.locator('li[data-result="MAGNETIC ZFC"] [data-metric="tcDistribution.muK"] .num'))).toBe(
      formatWithError(m.tcDistribution.muK, m.tcDistribution.muErrK),
    );
    // Each result links to its measurement's card.
    await strip.getByRole('link', { name: 'XRD' }).click();
    expect(new URL(page.url()).hash).toBe(`#m-${runs.XRD.measurementId}`);
    await expectUsable(page);
    expect(stack.windows.problems).toEqual([]);
    await context.close();
  }, 120_000);

  it("shows who retracted an entry: a PI's retraction of the member's anneal, by name, struck through with the reason", async () => {
    const { api, member, pi } = stack;
    const step = (await api.request('POST', `/api/samples/${piece.id}/treatments`, { token: member.token, body: anneal(453, 3) })).body.step;
    const reason = 'anneal logged on the wrong piece';
    const res = await api.request('POST', `/api/samples/${piece.id}/steps/${step.id}/retract`, { token: pi.token, body: { reason } });
    expect(res.status).toBe(200);
    const { context, page } = await stack.windows.open();
    await signIn(page, stack.base, member.email, PASSWORD);
    await page.goto(`${stack.base}/samples/${piece.code}`);
    const struck = page.locator('ol.timeline li.retracted').filter({ hasText: 'anneal' });
    await struck.locator('del').waitFor();
    expect(await text(struck.locator('del'))).toContain('453 K for 3 min');
    expect(await text(struck.getByTestId('retracted-by'))).toBe('Test PI');
    expect(await text(struck.getByTestId('retraction'))).toContain(`by Test PI: ${reason}`);
    await expectUsable(page);
    expect(stack.windows.problems).toEqual([]);
    await context.close();
  }, 120_000);
});
