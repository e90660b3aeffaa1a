/** Unit specs beside their files, e2e suites under test/; all on the real services. */
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

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/libs', '<rootDir>/src', '<rootDir>/apps', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
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
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnlyPackages().map(escape).join('|')})/)`],
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  maxWorkers: 2,
  testTimeout: 30000,
};
