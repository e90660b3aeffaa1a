/**
 * The browser every browser test drives: Debian's Chromium (`apt-get install -y chromium`) through
 * playwright-core, never a downloaded one. `npm test` makes sure it is there (ensure-chromium.ts).
 */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || DEBIAN_CHROMIUM;

/** Headless, no sandbox (tests may run as root), and nothing that reaches the network on its own. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
