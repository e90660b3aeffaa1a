/**
 * What every browser journey needs (test/e2e/*.chromium.e2e-spec.ts): windows at tablet size
 * that record what must not happen (console errors, CSP refusals, requests to another origin),
 * the axe-core and no-sideways-scrolling check, a drag and drop of files, and the whole stack they
 * run against with a small lab in it.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { buildWebApp, launchChromium } from '../../scripts/browser';
import { newAlloy } from '../factories/sample.factory';
import { newUser } from '../factories/user.factory';
import { TestApi } from './test-api';
import { uniquePrefix } from './test-db';
import { WorkerProcess } from './test-worker';

/** An iPad-sized window: the lab uses the app on tablets. */
export const TABLET = { width: 820, height: 1180 };

export class JourneyWindows {
  /** Everything that went wrong in any window so far; a journey ends with `expect(problems).toEqual([])`. */
  readonly problems: string[] = [];

  constructor(
    private readonly browser: Browser,
    private readonly base: string,
  ) {}

  /** A fresh window (own cookies) at tablet size that records console errors, page errors and requests to other origins. */
  async open(options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
    const context = await this.browser.newContext({ viewport: TABLET, acceptDownloads: true, ...options });
    const page = await context.newPage();
    // A refused request (4xx) is part of the journeys and shown by the app; anything else logged as an error is a problem.
    page.on('console', (m) => m.type() === 'error' && !/status of 4\d\d/.test(m.text()) && this.problems.push(`console: ${m.text()}`));
    page.on('pageerror', (e) => this.problems.push(`page error: ${e.message}`));
    page.on('request', (r) => !r.url().startsWith(this.base) && this.problems.push(`request to another origin: ${r.url()}`));
    return { context, page };
  }
}

/** axe-core on the page as it stands (no serious or critical violation), and no sideways scrolling at tablet width. */
export async function expectUsable(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${page.url()} ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  // (Page functions run in the browser; this project's types are Node's, hence the string.)
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
  expect(overflow).toBeLessThanOrEqual(0);
}

export const text = async (l: Locator): Promise<string> => (await l.innerText()).trim();

/** Drops files on an element as a browser drag and drop does (DataTransfer with File objects). */
export async function dropFiles(page: Page, target: Locator, files: { name: string; text: string }[]): Promise<void> {
  const dataTransfer = await page.evaluateHandle((list) => {
    // Browser globals, which this project's Node types do not declare.
    const browser = globalThis as unknown as {
      DataTransfer: new () => { items: { add(f: unknown): void } };
      File: new (parts: string[], name: string, o: object) => unknown;
    };
    const dt = new browser.DataTransfer();
    for (const f of list) dt.items.add(new browser.File([f.text], f.name, { type: 'text/plain' }));
    return dt;
  }, files);
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
}

/** The app built for this run, the real API on a spare port (own database and queue prefix), the worker process, Chromium, and a small lab. */
export interface WebStack {
  api: TestApi;
  base: string;
  windows: JourneyWindows;
  adminToken: string;
  member: { id: string; email: string; token: string };
  pi: { id: string; email: string; token: string };
  alloyId: string;
  /** A ribbon of the member's to cut pieces from. */
  ribbon: { id: string; code: string };
  close(): Promise<void>;
}

/** Starts the stack; every user it creates has the password `password-123`. */
export async function startWebStack(name: string): Promise<WebStack> {
  const webDir = mkdtempSync(join(tmpdir(), 'vitrack-web-build-'));
  buildWebApp(webDir);
  const prefix = uniquePrefix(name);
  const api = await TestApi.start({ QUEUE_PREFIX: prefix }, { webDir });
  let worker: WorkerProcess | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await worker?.stop();
    await api.close();
    rmSync(webDir, { recursive: true, force: true });
  };
  try {
    await api.app.listen(0, '127.0.0.1');
    const base = (await api.app.getUrl()).replace('[::1]', '127.0.0.1');
    worker = await WorkerProcess.start({ DATABASE_URL: api.databaseUrl, QUEUE_PREFIX: prefix, WORKER_CONCURRENCY: '2' });
    browser = await launchChromium();
    const adminToken = await api.login();
    const member = await newUser(api, adminToken, 'MEMBER');
    const pi = await newUser(api, adminToken, 'PI');
    const alloyId = (await newAlloy(api, pi.token, { densityGCm3: 5.9 })).id as string;
    const ingot = (await api.request('POST', '/api/samples/ingots', { token: member.token, body: { alloyId, massG: 5, melts: 5 } })).body;
    const ribbon = (await api.request('POST', `/api/samples/${ingot.id}/ribbons`, { token: member.token, body: { wheelSpeedMs: 40, thicknessUm: 25 } })).body;
    return { api, base, windows: new JourneyWindows(browser, base), adminToken, member, pi, alloyId, ribbon, close };
  } catch (e) {
    await close();
    throw e;
  }
}
