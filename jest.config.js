/**
 * Three tiers, run in one `npm test` (or one at a time: `npm run test:unit|test:integration|test:e2e`):
 * - unit: specs beside their files in libs/, src/, apps/ and scripts/, plus the repository checks in test/*.spec.ts
 *   and test/bench/. No database, no Redis, no global setup; any network connection fails the spec
 *   (test/setup/unit-environment.ts), so a spec that needs a service belongs in integration.
 * - integration: test/integration, repositories and stores on a database cloned from the migrated template, and the
 *   checks too slow for unit (the web app type-checked against the API).
 * - e2e: test/e2e and test/security, the real API and worker processes on the real services, and the browser journeys.
 */
const fs = require('node:fs');
const path = require('node:path');

/**
 * NestJS 12 and several mljs packages ship ES modules only; Jest's CommonJS runtime on Node 20
 * cannot require them, so SWC transforms exactly those packages (found by reading their manifests).
 */
function esmOnlyPackages() {
  const root = path.join(__dirname, 'node_modules');
  const names = fs.readdirSync(root).flatMap((d) => (d.startsWith('@') ? fs.readdirSync(path.join(root, d)).map((s) => `${d}/${s}`) : [d]));
  const isModule = (file) => {
    try {
      return JSON.parse(fs.readFileSync(file, 'utf8')).type === 'module';
    } catch {
      return false;
    }
  };
  const requireTarget = (pkg) => {
    const dot = pkg.exports && (typeof pkg.exports === 'string' ? pkg.exports : (pkg.exports['.'] ?? pkg.exports));
    const req = dot && typeof dot === 'object' ? (dot.require ?? dot.default) : dot;
    const target = req && typeof req === 'object' ? (req.default ?? '') : (req ?? pkg.main ?? 'index.js');
    return String(target);
  };
  return names.filter((name) => {
    try {
      const dir = path.join(root, name);
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
      const target = requireTarget(pkg);
      if (target.endsWith('.cjs')) return false;
      if (target.endsWith('.mjs')) return true;
      // ESM when the package (or, for some, its dist/ folder) is marked "type": "module".
      return pkg.type === 'module' || isModule(path.join(dir, 'dist', 'package.json'));
    } catch {
      return false;
    }
  });
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * The whole suite runs in UTC+14 (its workers and the processes they start inherit this), so a
 * time read in the process's own zone instead of UTC fails here rather than on a lab PC.
 */
process.env.TZ = 'Pacific/Kiritimati';

/**
 * Password hashes at scrypt N = 2^10 instead of production's 2^17 (src/modules/auth/password.ts):
 * every spec's logins each paid 128 MiB and ~0.3 s of a core, which dominated the suite on a busy
 * 2-core machine. Production refuses the setting; password.spec and login-cost.spec unset it to
 * prove production's cost. `TEST_SCRYPT_LOG2_N=17 npm test` runs the suite at production cost.
 */
process.env.TEST_SCRYPT_LOG2_N ??= '10';

const transform = {
  '^.+\\.(t|j)sx?$': [
    '<rootDir>/test/setup/swc-local-globals.js',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
        keepClassNames: true,
      },
      module: { type: 'commonjs' },
    },
  ],
};

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform,
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnlyPackages().map(escape).join('|')})/)`],
};

/** The migrated template database, made once per run by whichever service tier starts first. */
const services = {
  ...common,
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{libs,src,apps,scripts}/**/*.spec.ts', '<rootDir>/test/*.spec.ts', '<rootDir>/test/bench/**/*.spec.ts'],
      testEnvironment: '<rootDir>/test/setup/unit-environment.ts',
    },
    { ...services, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.spec.ts'] },
    { ...services, displayName: 'e2e', testMatch: ['<rootDir>/test/{e2e,security}/**/*.e2e-spec.ts'] },
  ],
  maxWorkers: 2,
  // A limit on a hung test, not a speed check: on a 2-core machine kept busy by other work, starting
  // an API and its worker in a hook took over 30 s (auth, production-boot, share-link-logs failed so).
  testTimeout: 120_000,
};
