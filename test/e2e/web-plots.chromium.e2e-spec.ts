import { AxeBuilder } from '@axe-core/playwright';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { formatWithError } from '../../libs/charts/src/format';
import { plotSpecimens } from '../../libs/instruments/src/plot-specimens';
import { buildWebApp, launchChromium, signIn } from '../../scripts/browser';
import { newAlloy, newLineage } from '../factories/sample.factory';
import { newMeasurement, upload, waitForRuns } from '../factories/upload.factory';
import { newUser } from '../factories/user.factory';
import { TestApi } from '../setup/test-api';
import { uniquePrefix } from '../setup/test-db';
import { WorkerProcess } from '../setup/test-worker';

const PASSWORD = 'password-123';

/**
 * A piece measured five ways — a ZFC-then-FC magnetic file, a PPMS file with two channels, a raw
 * XRD pattern, a DSC scan and a SAXS profile, all from the virtual instruments — analysed by the
 * real worker and shown on its page in Debian's Chromium: each measurement's plots with the series
 * the analysis stored and the models it fitted, named in the legend data and the caption (the
 * chart's text alternative), and the local-Tc distribution's μ as the analysis computed it.
 */
describe('the sample page plots every technique in Chromium', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let browser: Browser;
  let base: string;
  let member: { email: string; token: string };
  let piece: { id: string; code: string };
  /** The analysis run of each technique's file. */
  const runs: Record<string, Record<string, any>> = {};
  const webDir = mkdtempSync(join(tmpdir(), 'vitrack-web-build-'));

  beforeAll(async () => {
    buildWebApp(webDir);
    const prefix = uniquePrefix('webplots');
    api = await TestApi.start({ QUEUE_PREFIX: prefix }, { webDir });
    await api.app.listen(0, '127.0.0.1');
    base = (await api.app.getUrl()).replace('[::1]', '127.0.0.1');
    worker = await WorkerProcess.start({ DATABASE_URL: api.databaseUrl, QUEUE_PREFIX: prefix, WORKER_CONCURRENCY: '2' });
    browser = await launchChromium();
    const admin = await api.login();
    member = await newUser(api, admin, 'MEMBER');
    const pi = await newUser(api, admin, 'PI');
    const alloy = await newAlloy(api, pi.token, { densityGCm3: 6.2 });
    [piece] = (await newLineage(api, member.token, alloy.id, 1)).pieces;
    const ids: Record<string, string> = {};
    for (const s of plotSpecimens()) {
      const m = await newMeasurement(api, member.token, piece.id, s.technique, s.conditions);
      [ids[s.technique]] = (await upload(api, member.token, m.id, s.fileName, s.text)).body.analysisRunIds;
    }
    const done = await waitForRuns(api, member.token, Object.values(ids), 120_000);
    for (const [technique, id] of Object.entries(ids)) runs[technique] = done[id];
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
    await api?.close();
    rmSync(webDir, { recursive: true, force: true });
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
      const res = await api.request('GET', `/api/analyses/${run.id}/plot`, { token: member.token });
      expect(res.status).toBe(200);
      for (const p of res.body.panels) for (const s of p.series) expect(s.x.length).toBeLessThanOrEqual(400);
    }
    // The server draws the same panels as one SVG.
    const svg = await api.app.inject({ method: 'GET', url: `/api/analyses/${runs.XRD.id}/plot.svg`, headers: { authorization: `Bearer ${member.token}` } });
    expect([svg.statusCode, svg.headers['content-type']]).toEqual([200, 'image/svg+xml; charset=utf-8']);
    expect(svg.body).toContain('>SNIP background<');
    // Read like the run: not without signing in, and 404 for a run that does not exist.
    expect((await api.request('GET', `/api/analyses/${runs.MAGNETIC.id}/plot`)).status).toBe(401);
    expect((await api.request('GET', '/api/analyses/00000000-0000-4000-8000-000000000000/plot', { token: member.token })).status).toBe(404);
  });

  it('shows χ(T) ZFC/FC, the local-Tc distribution with its Gaussians and μ, R(T) per channel, the XRD halo and SNIP background, DSC Tg/Tx and the SAXS fit', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('request', (r) => !r.url().startsWith(base) && problems.push(`request to another origin: ${r.url()}`));
    await signIn(page, base, member.email, PASSWORD);
    await page.goto(`${base}/samples/${piece.code}`);
    for (const technique of Object.keys(runs)) {
      await card(page, technique).getByTestId('analysis-status').filter({ hasText: 'SUCCEEDED' }).waitFor({ timeout: 30_000 });
    }

    const chi = await panel(page, 'MAGNETIC', 'chi');
    expect(chi.series).toEqual(['χ ZFC', 'χ FC']);
    const m = runs.MAGNETIC.metrics;
    const dist = await panel(page, 'MAGNETIC', 'tc-distribution');
    expect(dist.series).toEqual(['−dχ/dT ZFC, normalised', 'Gaussian fit ZFC', 'Gaussian fit FC']);
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

    const axe = await new AxeBuilder({ page }).analyze();
    const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);
});
