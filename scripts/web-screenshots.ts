/**
 * `npm run -s web:screenshots`: PNG screenshots of the web app's main pages for the README
 * (docs/screenshots/), taken in headless Chromium from a running demo (`npm run demo` first;
 * VITRACK_URL points elsewhere, default http://127.0.0.1:3000). Desktop width, and the sample page
 * at tablet width too.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, signIn } from './browser';
import { DEMO_ADMIN, DEMO_PASSWORD } from './demo-env';
import { ROOT } from './processes';

const BASE = (process.env.VITRACK_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const OUT = join(ROOT, 'docs', 'screenshots');

async function shot(page: Page, name: string, waitFor: string): Promise<void> {
  await page.locator(waitFor).first().waitFor({ timeout: 30_000 });
  // Let the charts finish their first frame.
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
  console.log(`docs/screenshots/${name}.png`);
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
    await shot(member, 'sample', '[data-testid=analysis-chart] canvas');
    await member.goto(`${BASE}/labels?codes=I0001-R1-P01,I0001-R1-P02,I0001-R1-P03,I0001-R1-P04,I0001-R1-P05,I0001-R1-P06`);
    await shot(member, 'labels', 'figure.label svg');
    const tablet = await session(browser, 'member@vitrack.local', DEMO_PASSWORD, 820);
    await tablet.goto(`${BASE}/samples/I0001-R1-P05`);
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

    const admin = await session(browser, DEMO_ADMIN.email, DEMO_ADMIN.password);
    await admin.goto(`${BASE}/admin/users`);
    await shot(admin, 'users', 'table tbody tr');
  } finally {
    await browser.close();
  }
}

main().catch((e: unknown) => {
  console.error(`screenshots failed (is the demo running at ${BASE}?): ${(e as Error).message}`);
  process.exit(1);
});
