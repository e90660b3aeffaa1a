/**
 * `npm run -s web:screenshots`: PNG screenshots of the web app's main pages for the README
 * (docs/screenshots/), taken in headless Chromium from a running demo (`npm run demo` first;
 * VITRACK_URL points elsewhere, default http://127.0.0.1:3000). Desktop width, and the sample page
 * at tablet width too; the shared report from a window with no account (it makes a share link). Each page is cut at MAX_HEIGHT_PX, and when `pngquant` is on the PATH
 * (Debian: apt-get install pngquant) reduced to a 256-colour palette, so the committed PNGs stay
 * small (about a third of the size); without it they are written as Chromium took them.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { GLASS_RIBBON_MODEL } from '../libs/instruments/src/mpms-model';
import { writeMpmsFile } from '../libs/instruments/src/mpms-writers';
import { launchChromium, signIn } from './browser';
import { DEMO_ADMIN, DEMO_PASSWORD } from './demo-env';
import { ROOT } from './processes';

const BASE = (process.env.VITRACK_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const OUT = join(ROOT, 'docs', 'screenshots');
/** Pages longer than this are cut: the README shows the top of each. */
const MAX_HEIGHT_PX = 2400;

/** Rewrites the PNG with a 256-colour palette when pngquant is installed; the file is left as it was otherwise. */
function shrink(path: string): void {
  try {
    execFileSync('pngquant', ['--quality=60-90', '--speed=1', '--force', '--skip-if-larger', '--output', path, path], { stdio: 'pipe' });
  } catch {
    // No pngquant, or nothing gained: keep Chromium's PNG.
  }
}

async function shot(page: Page, name: string, waitFor: string, element?: string): Promise<void> {
  await page.locator(waitFor).first().waitFor({ timeout: 30_000 });
  // Let the charts finish their first frame.
  await page.waitForTimeout(500);
  const path = join(OUT, `${name}.png`);
  if (element) await page.locator(element).first().screenshot({ path });
  else {
    const width = page.viewportSize()!.width;
    const height = Math.min(MAX_HEIGHT_PX, await page.evaluate<number>('document.documentElement.scrollHeight'));
    await page.screenshot({ path, fullPage: true, clip: { x: 0, y: 0, width, height } });
  }
  shrink(path);
  console.log(`docs/screenshots/${name}.png`);
}

/** Plots are drawn as they scroll into view (the latest-results strip puts them below the fold): bring each in, then go back to the top. */
async function drawPlots(page: Page): Promise<void> {
  await page.locator('figure.plot').first().waitFor({ timeout: 30_000 });
  for (const figure of await page.locator('figure.plot').all()) {
    await figure.scrollIntoViewIfNeeded();
    await figure.locator('canvas').waitFor({ timeout: 30_000 });
  }
  await page.evaluate('window.scrollTo(0, 0)');
}

/** The demo's piece measured with every technique: the ribbon's newest piece. */
async function everyTechniquePiece(page: Page): Promise<string> {
  const res = await page.request.get(`${BASE}/api/samples?codePrefix=I0001-R1-P&kind=PIECE&limit=100`);
  const codes = ((await res.json()) as { items: { code: string }[] }).items.map((s) => s.code).sort();
  return codes[codes.length - 1];
}

/** Virtual MPMS3 files named after demo pieces, as a lab member would drop them on the bulk page. */
const bulkFiles = () =>
  (['P01', 'P02'] as const).flatMap((p, k) =>
    (['ZFC', 'FC'] as const).map((mode) => {
      const f = writeMpmsFile('MPMS3_VSM', GLASS_RIBBON_MODEL, {
        seed: 10 * k + (mode === 'ZFC' ? 1 : 2),
        mode,
        direction: mode === 'ZFC' ? 'up' : 'down',
        fieldOe: 20,
        massMg: 2,
        noiseEmu: 1e-7,
        sampleName: `I0001-R1-${p}`,
      });
      return { name: f.fileName, mimeType: 'text/plain', buffer: Buffer.from(f.text) };
    }),
  );

/** The transitions figure is drawn once scrolled into view: bring it in, wait for it, go back to the top. */
async function drawTransitions(page: Page): Promise<void> {
  const figure = page.getByTestId('transitions-chart');
  await figure.scrollIntoViewIfNeeded();
  await figure.locator('svg').waitFor({ timeout: 30_000 });
  await page.evaluate('window.scrollTo(0, 0)');
}

async function session(browser: Browser, email: string, password: string, width = 1280): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1 })).newPage();
  await signIn(page, BASE, email, password);
  return page;
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const browser = await launchChromium();
  try {
    const login = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await login.goto(`${BASE}/login`);
    await shot(login, 'login', 'form');

    const member = await session(browser, 'member@vitrack.local', DEMO_PASSWORD);
    await member.goto(`${BASE}/samples?code=I0001-R1`);
    await shot(member, 'samples', 'table tbody tr');
    // A piece annealed 0.5 min with its ZFC, FC and XRD analyses.
    await member.goto(`${BASE}/samples/I0001-R1-P03`);
    await drawPlots(member);
    await shot(member, 'sample', '[data-testid=analysis-chart] canvas');
    // A piece with every technique: χ(T) and the local-Tc distribution, R(T) on two channels, XRD, DSC, SAXS.
    await member.goto(`${BASE}/samples/${await everyTechniquePiece(member)}`);
    await member.locator('figure[data-panel=saxs]').waitFor({ timeout: 30_000 });
    // Plots are drawn as they scroll into view: bring each in and wait for its canvas.
    for (const figure of await member.locator('figure.plot').all()) {
      await figure.scrollIntoViewIfNeeded();
      await figure.locator('canvas').waitFor({ timeout: 30_000 });
    }
    await member.evaluate('window.scrollTo(0, 0)');
    await shot(member, 'sample-plots', 'figure[data-panel=saxs] canvas', '.measurements');
    await member.goto(`${BASE}/upload`);
    await member.getByLabel('Choose files').setInputFiles(bulkFiles());
    await shot(member, 'upload', 'table.bulk tbody tr');
    await member.goto(`${BASE}/account/tokens`);
    await shot(member, 'tokens', 'h1');
    await member.goto(`${BASE}/account/password`);
    await shot(member, 'password', 'form');
    await member.goto(`${BASE}/labels?codes=I0001-R1-P01,I0001-R1-P02,I0001-R1-P03,I0001-R1-P04,I0001-R1-P05,I0001-R1-P06`);
    await shot(member, 'labels', 'figure.label svg');
    const tablet = await session(browser, 'member@vitrack.local', DEMO_PASSWORD, 820);
    await tablet.goto(`${BASE}/samples/I0001-R1-P05`);
    await drawPlots(tablet);
    await shot(tablet, 'sample-tablet', '[data-testid=analysis-chart] canvas');

    const pi = await session(browser, 'pi@vitrack.local', DEMO_PASSWORD);
    await pi.goto(`${BASE}/campaigns`);
    await shot(pi, 'campaigns', 'table tbody tr');
    await pi
      .getByRole('link', { name: /anneal/i })
      .first()
      .click();
    await pi.getByText('Assign pieces', { exact: true }).click();
    await shot(pi, 'campaign', '[data-testid=report-chart] svg');
    await drawTransitions(pi);
    await shot(pi, 'campaign-report', '[data-testid=report-chart] svg', 'section.report');

    // A share link's report as its reader sees it in the app: a window with no account.
    await pi.getByText('Share the report', { exact: true }).click();
    await pi.getByRole('button', { name: 'Create share link' }).click();
    const shared = await pi.getByRole('link', { name: 'Open the shared report in the app' }).getAttribute('href');
    const reader = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 })).newPage();
    await reader.goto(`${BASE}${shared}`);
    await reader.locator('[data-testid=report-chart] svg').waitFor({ timeout: 30_000 });
    await drawTransitions(reader);
    await shot(reader, 'shared-report', '[data-testid=transitions-chart] svg');

    const admin = await session(browser, DEMO_ADMIN.email, DEMO_ADMIN.password);
    await admin.goto(`${BASE}/admin/users`);
    await shot(admin, 'users', 'table tbody tr');
    await admin.goto(`${BASE}/admin/projects`);
    await shot(admin, 'projects', 'table tbody tr');
  } finally {
    await browser.close();
  }
}

main().catch((e: unknown) => {
  console.error(`screenshots failed (is the demo running at ${BASE}?): ${(e as Error).message}`);
  process.exit(1);
});
