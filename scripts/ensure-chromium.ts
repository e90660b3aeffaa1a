/**
 * `npm run test:browser-setup` (run by `npm test` and `npm run test:e2e`): the browser tests drive
 * Debian's Chromium through playwright-core, never a downloaded browser. When it is missing and
 * this runs as root on Debian, it installs the `chromium` package with apt-get; otherwise it stops
 * with the exact command to run. CHROMIUM_PATH names another executable.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM_PATH, DEBIAN_CHROMIUM } from './chromium';

export const INSTALL_COMMANDS = ['apt-get update', 'apt-get install -y chromium'];

export type ChromiumPlan = { action: 'ready' } | { action: 'install' } | { action: 'stop'; message: string };

/** What to do, from what the machine offers; pure, so every branch is tested without touching apt. */
export function planChromium(machine: { path: string; exists: boolean; debian: boolean; root: boolean }): ChromiumPlan {
  if (machine.exists) return { action: 'ready' };
  if (machine.path !== DEBIAN_CHROMIUM) {
    return {
      action: 'stop',
      message: `CHROMIUM_PATH=${machine.path} does not exist: point it at a Chromium executable, or unset it to use ${DEBIAN_CHROMIUM}.`,
    };
  }
  if (machine.debian && machine.root) return { action: 'install' };
  const command = machine.debian
    ? `sudo sh -c '${INSTALL_COMMANDS.join(' && ')}'`
    : 'install Chromium with the package manager, then set CHROMIUM_PATH to its executable';
  return {
    action: 'stop',
    message: `The browser tests need Chromium at ${DEBIAN_CHROMIUM}, which is missing. Run:\n  ${command}\nthen npm test again (npm run test:unit and test:integration need no browser).`,
  };
}

function run(command: string): boolean {
  console.log(`ensure-chromium: ${command}`);
  const [bin, ...args] = command.split(' ');
  return spawnSync(bin, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
}

function main(): number {
  const plan = planChromium({
    path: CHROMIUM_PATH,
    exists: existsSync(CHROMIUM_PATH),
    debian: existsSync('/etc/debian_version'),
    root: process.getuid?.() === 0,
  });
  if (plan.action === 'ready') return 0;
  if (plan.action === 'stop') {
    console.error(plan.message);
    return 1;
  }
  console.log(`ensure-chromium: ${DEBIAN_CHROMIUM} is missing; installing Debian's chromium package for the browser tests`);
  if (INSTALL_COMMANDS.every(run) && existsSync(DEBIAN_CHROMIUM)) return 0;
  console.error(`ensure-chromium: installing chromium failed; run as root: ${INSTALL_COMMANDS.join(' && ')}`);
  return 1;
}

if (require.main === module) process.exitCode = main();
