/**
 * The web app in headless Chromium (scripts/chromium.ts) for its journeys, screenshots and
 * benchmarks: launch, build the app, sign in.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { ROOT } from './processes';

/** Each launch gets a fresh, throw-away profile (Playwright makes one per launch). */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}; npm test installs it or says how (scripts/ensure-chromium.ts)`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** Builds the web app with Vite into `outDir` (a test's own copy, so it never serves a stale build). */
export function buildWebApp(outDir: string): string {
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(ROOT, 'apps', 'web', 'vite.config.mts'), '--logLevel', 'error'],
    {
      cwd: ROOT,
      env: { ...process.env, VITRACK_WEB_OUT: outDir, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
      stdio: 'pipe',
    },
  );
  return outDir;
}

/** Signs in through the login page, as a person would, and waits to leave it. */
export async function signIn(page: Page, base: string, email: string, password: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}
