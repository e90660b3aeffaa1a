import { randomBytes, scryptSync } from 'node:crypto';
import { hashPassword, SCRYPT_PARAMS, verifyPassword } from './password';

/** The hash format before OWASP's parameters: Node's default scrypt (N = 2^14), no parameters stored. */
function legacyHash(password: string): string {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('base64')}$${scryptSync(password, salt, 32).toString('base64')}`;
}

describe('password hashing', () => {
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
