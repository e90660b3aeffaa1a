import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const SCHEMA_FILE = join(ROOT, 'apps', 'web', 'src', 'api', 'schema.gen.ts');

/** The body of one generated schema type (up to its closing brace at the same indentation). */
function schema(types: string, name: string): string {
  const start = types.indexOf(`        ${name}: {`);
  if (start < 0) return '';
  return types.slice(start, types.indexOf('\n        };', start));
}

/**
 * The web app's client is typed from the API's OpenAPI document: regenerate the types from the
 * current controllers and DTOs and type-check the app against them, so an API change the app does
 * not follow fails here (and in `npm run build`), not in a user's browser. It is in the integration
 * tier although it needs no database: it boots the API's modules and runs the compiler over the
 * whole app (about half a minute of CPU), which the unit tier cannot afford.
 */
describe('web app typed client', () => {
  beforeAll(() => {
    // As `npm run web:api` does it (openapi-typescript is ES modules, which Jest's runtime cannot load).
    execFileSync(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'scripts', 'web-api-types.ts')], { cwd: ROOT, stdio: 'pipe' });
  });

  it('generates types that name the routes and response bodies the app reads', () => {
    const types = readFileSync(SCHEMA_FILE, 'utf8');
    for (const route of [
      '/api/auth/login',
      '/api/samples',
      '/api/samples/{id}/history',
      '/api/measurements/{id}/files',
      '/api/campaigns/{id}/candidates',
      '/api/campaigns/{id}/report',
    ]) {
      expect(types).toContain(`"${route}": {`);
    }
    // Responses are schemas, not `unknown`: the sample view's fields are there with their types.
    expect(schema(types, 'SampleViewResponse')).toMatch(/\bsignature: string;/);
    // Discriminated unions carry the API's discriminator values, not schema names.
    expect(schema(types, 'StepEventResponse')).toMatch(/\btype: "STEP";/);
    expect(schema(types, 'AnnealDto')).toMatch(/\bkind: "ANNEAL";/);
  });

  it('the app type-checks against the API as it is', () => {
    let out = '';
    try {
      execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'apps', 'web', 'tsconfig.json')], {
        cwd: ROOT,
        stdio: 'pipe',
      });
    } catch (e) {
      out = String((e as { stdout?: Buffer }).stdout ?? e);
    }
    expect(out).toBe('');
  }, 120_000);
});
