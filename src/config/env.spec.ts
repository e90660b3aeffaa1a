import { loadEnv } from './env';

const STRONG = 'k'.repeat(32);

describe('loadEnv in production', () => {
  const production = (vars: Record<string, string>) => () => loadEnv({ NODE_ENV: 'production', ...vars });

  it('refuses a missing JWT_SECRET, naming the variable', () => {
    expect(production({})).toThrow(/JWT_SECRET: must be set in production/);
  });

  it('refuses the public development and docker-compose defaults', () => {
    expect(production({ JWT_SECRET: 'vitrack-dev-secret-change-me' })).toThrow(/JWT_SECRET: is a public default value/);
    expect(production({ JWT_SECRET: 'change-me-to-a-long-random-secret' })).toThrow(/JWT_SECRET: is a public default value/);
  });

  it('refuses a secret shorter than 32 bytes, counting bytes rather than characters', () => {
    expect(production({ JWT_SECRET: 'k'.repeat(31) })).toThrow(/JWT_SECRET: must be at least 32 bytes/);
    expect(production({ JWT_SECRET: 'é'.repeat(16) })().JWT_SECRET).toBe('é'.repeat(16));
  });

  it('accepts a strong secret', () => {
    expect(production({ JWT_SECRET: STRONG })().JWT_SECRET).toBe(STRONG);
  });

  it('caps the login token lifetime at a day', () => {
    expect(production({ JWT_SECRET: STRONG, JWT_TTL_S: String(24 * 3600 + 1) })).toThrow(/JWT_TTL_S/);
    expect(production({ JWT_SECRET: STRONG, JWT_TTL_S: String(24 * 3600) })().JWT_TTL_S).toBe(86400);
  });

  it("refuses the tests' cheaper password hash cost", () => {
    for (const log2N of ['10', '16'])
      expect(production({ JWT_SECRET: STRONG, TEST_SCRYPT_LOG2_N: log2N })).toThrow(/TEST_SCRYPT_LOG2_N: lowers the password hash cost/);
    expect(production({ JWT_SECRET: STRONG, TEST_SCRYPT_LOG2_N: '17' })().TEST_SCRYPT_LOG2_N).toBe(17);
  });
});

describe('loadEnv in development', () => {
  it('keeps the development default secret, so `npm run demo` needs no setup', () => {
    expect(loadEnv({ NODE_ENV: 'development' }).JWT_SECRET).toBe('vitrack-dev-secret-change-me');
  });

  it('reads DB_POOL_WAIT_MS as whole milliseconds within its bounds, 3000 when unset or empty', () => {
    expect(loadEnv({}).DB_POOL_WAIT_MS).toBe(3000);
    expect(loadEnv({ DB_POOL_WAIT_MS: '' }).DB_POOL_WAIT_MS).toBe(3000);
    expect(loadEnv({ DB_POOL_WAIT_MS: '250' }).DB_POOL_WAIT_MS).toBe(250);
    for (const bad of ['9', '120001', '2.5', 'soon']) expect(() => loadEnv({ DB_POOL_WAIT_MS: bad })).toThrow(/DB_POOL_WAIT_MS/);
  });

  it('accepts a cheaper password hash cost for tests, down to N = 2^10', () => {
    expect(loadEnv({ NODE_ENV: 'test', TEST_SCRYPT_LOG2_N: '10' }).TEST_SCRYPT_LOG2_N).toBe(10);
    expect(() => loadEnv({ NODE_ENV: 'test', TEST_SCRYPT_LOG2_N: '9' })).toThrow(/TEST_SCRYPT_LOG2_N/);
  });
});
