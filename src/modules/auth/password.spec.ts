import { randomBytes, scryptSync } from 'node:crypto';
import { hashPassword, SCRYPT_PARAMS, scryptParams, verifyPassword } from './password';

/** The hash format before OWASP's parameters: Node's default scrypt (N = 2^14), no parameters stored. */
function legacyHash(password: string): string {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('base64')}$${scryptSync(password, salt, 32).toString('base64')}`;
}

/** Sets TEST_SCRYPT_LOG2_N (undefined: unsets it) and returns what it was. */
function setTestCost(log2N: string | undefined): string | undefined {
  const before = process.env.TEST_SCRYPT_LOG2_N;
  if (log2N === undefined) delete process.env.TEST_SCRYPT_LOG2_N;
  else process.env.TEST_SCRYPT_LOG2_N = log2N;
  return before;
}

describe('password hashing', () => {
  // The suite hashes at a test cost (jest.config.js); these specs prove what production does.
  let testCost: string | undefined;
  beforeAll(() => (testCost = setTestCost(undefined)));
  afterAll(() => setTestCost(testCost));

  it("uses OWASP's scrypt parameters and records them in the hash", async () => {
    const stored = await hashPassword('correct horse');
    expect(stored).toMatch(/^scrypt\$N=131072,r=8,p=1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(SCRYPT_PARAMS).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    expect(await verifyPassword('correct horse', stored)).toEqual({ ok: true, needsRehash: false });
    expect(await verifyPassword('correct horsE', stored)).toEqual({ ok: false, needsRehash: false });
  });

  it('still verifies hashes made at the old cost and asks for a rehash only when the password was right', async () => {
    const old = legacyHash('old password');
    expect(await verifyPassword('old password', old)).toEqual({ ok: true, needsRehash: true });
    expect(await verifyPassword('wrong', old)).toEqual({ ok: false, needsRehash: false });
  });

  it('refuses malformed hashes and parameters beyond any this code writes, without running scrypt on them', async () => {
    for (const stored of ['', 'bcrypt$x$y', 'scrypt$N=1048577,r=8,p=1$AAAA$AAAA', 'scrypt$N=abc$AAAA$AAAA', 'scrypt$AAAA$AA']) {
      expect(await verifyPassword('x', stored)).toEqual({ ok: false, needsRehash: false });
    }
  });
});

describe("the tests' cheaper cost (TEST_SCRYPT_LOG2_N)", () => {
  it('is honoured outside production only, and only between 2^10 and 2^16', () => {
    expect(scryptParams({ NODE_ENV: 'test', TEST_SCRYPT_LOG2_N: '10' })).toEqual({ N: 2 ** 10, r: 8, p: 1 });
    expect(scryptParams({ NODE_ENV: 'development', TEST_SCRYPT_LOG2_N: '16' })).toEqual({ N: 2 ** 16, r: 8, p: 1 });
    expect(scryptParams({ NODE_ENV: 'production', TEST_SCRYPT_LOG2_N: '10' })).toEqual(SCRYPT_PARAMS);
    for (const log2N of ['9', '17', '20', '10.5', 'x', '']) expect(scryptParams({ NODE_ENV: 'test', TEST_SCRYPT_LOG2_N: log2N })).toEqual(SCRYPT_PARAMS);
    expect(scryptParams({ NODE_ENV: 'test' })).toEqual(SCRYPT_PARAMS);
  });

  it('makes hashes at that cost, which still verify at production cost, and asks no rehash of a stronger hash', async () => {
    const testCost = setTestCost('10');
    try {
      const cheap = await hashPassword('correct horse');
      expect(cheap).toMatch(/^scrypt\$N=1024,r=8,p=1\$/);
      expect(await verifyPassword('correct horse', cheap)).toEqual({ ok: true, needsRehash: false });
      expect(await verifyPassword('old password', legacyHash('old password'))).toEqual({ ok: true, needsRehash: false });
      setTestCost(undefined);
      expect(await verifyPassword('correct horse', cheap)).toEqual({ ok: true, needsRehash: true });
    } finally {
      setTestCost(testCost);
    }
  });
});
