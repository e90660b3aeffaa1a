import { existsSync } from 'node:fs';

import { chromium, type Browser, type Page } from 'playwright-core';

import { buildCampaignReport } from '../../src/modules/reports/report-builder';
import type { CampaignReport } from '../../src/modules/reports/report.types';
import { formatWithError } from '../../src/modules/reports/render/format';
import { analysedAnnealCampaign, type AnalysedCampaign } from '../factories/report.factory';
import { renderReportHtml } from '../../src/modules/reports/render/report-html';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium';

const SCREENSHOT = '/tmp/vitrack-report.png';

/**
 * The report page as a PI's browser shows it: the analysed 453 K anneal campaign rendered to HTML
 * and loaded into headless Chromium. No database or queue involved; Chromium is required (the
 * suite fails, never skips, without it).
 */
describe('campaign report HTML in headless Chromium', () => {
  let browser: Browser | undefined;
  let page: Page;
  let campaign: AnalysedCampaign;
  let report: CampaignReport;
  const requests: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM_PATH)) {
      throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}; npm test installs it or says how (scripts/ensure-chromium.ts)`);
    }
    campaign = analysedAnnealCampaign();
    report = buildCampaignReport(campaign.input, new Date('2026-11-27T09:30:00Z'));
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // Self-contained means the page asks for nothing: record any request it makes.
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (err) => pageErrors.push(err.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error') pageErrors.push(msg.text());
    });
    await page.setContent(renderReportHtml(report), { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('renders the SVG figure with a real size and the three panel titles visible', async () => {
    const box = await page.locator('#plots svg').boundingBox();
    expect(box).not.toBeNull();
    expect(box!.width).toBeGreaterThan(800);
    expect(box!.height).toBeGreaterThan(250);
    for (const title of ['Tc onset', '|χ| at 1.8 K', 'FC/ZFC']) {
      const text = page.locator('#plots svg text').filter({ hasText: new RegExp(`^${title.replace(/[|.]/g, '\\$&')}$`) });
      await expect(text.count()).resolves.toBe(1);
      expect(await text.isVisible()).toBe(true);
      const b = await text.boundingBox();
      expect(b!.width).toBeGreaterThan(0);
      // Each title sits inside the figure.
      expect(b!.x).toBeGreaterThanOrEqual(box!.x);
      expect(b!.x + b!.width).toBeLessThanOrEqual(box!.x + box!.width);
    }
  });

  it('#fit-tau shows the fitted τ with its ± uncertainty, near the generating τ', async () => {
    const fit = report.fits.chiExponential!;
    const text = (await page.locator('#fit-tau').innerText()).trim();
    expect(text).toBe(`τ = ${formatWithError(fit.tauMin, fit.tauErrMin)} min`);
    const [, tau, err] = text.match(/^τ = ([\d.]+) ± ([\d.]+) min$/)!;
    expect(Number(err)).toBeGreaterThan(0);
    expect(Math.abs(Number(tau) / campaign.generating.tauMin! - 1)).toBeLessThan(0.1);
    expect(await page.locator('#fit-tau').isVisible()).toBe(true);
  });

  it('lists the open gaps of the level × technique matrix', async () => {
    const items = page.locator('#gaps ul.gaps li');
    await expect(items.count()).resolves.toBe(7);
    expect(await items.first().isVisible()).toBe(true);
    expect(await page.locator('#gaps').innerText()).toContain('8 min · MAGNETIC: 1 of 3 missing, 1 failed');
  });

  it('shows the per-level table, made no requests and raised no errors; saves a screenshot', async () => {
    expect(await page.locator('#level-table tbody tr').count()).toBe(Object.keys(report.metrics).length);
    expect(await page.title()).toBe(`${report.campaign.name} · campaign report`);
    expect(requests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(existsSync(SCREENSHOT)).toBe(true);
  });
});
