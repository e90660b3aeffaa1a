import { INSTALL_COMMANDS, planChromium } from './ensure-chromium';

describe('planChromium (how npm test gets the browser)', () => {
  const debianChromium = '/usr/bin/chromium';

  it('does nothing when the browser is there', () => {
    expect(planChromium({ path: debianChromium, exists: true, debian: false, root: false })).toEqual({ action: 'ready' });
  });

  it('installs Debian’s chromium package when running as root on Debian', () => {
    expect(planChromium({ path: debianChromium, exists: false, debian: true, root: true })).toEqual({ action: 'install' });
    expect(INSTALL_COMMANDS).toEqual(['apt-get update', 'apt-get install -y chromium']);
  });

  it('stops with the exact command when not root on Debian', () => {
    const plan = planChromium({ path: debianChromium, exists: false, debian: true, root: false });
    expect(plan).toMatchObject({ action: 'stop' });
    expect(plan.action === 'stop' && plan.message).toContain("sudo sh -c 'apt-get update && apt-get install -y chromium'");
  });

  it('stops naming CHROMIUM_PATH when it points at nothing, never installing over it', () => {
    const plan = planChromium({ path: '/opt/none/chrome', exists: false, debian: true, root: true });
    expect(plan.action === 'stop' && plan.message).toContain('CHROMIUM_PATH=/opt/none/chrome does not exist');
  });

  it('stops off Debian, asking for a browser and CHROMIUM_PATH', () => {
    const plan = planChromium({ path: debianChromium, exists: false, debian: false, root: true });
    expect(plan.action === 'stop' && plan.message).toContain('set CHROMIUM_PATH');
  });
});
