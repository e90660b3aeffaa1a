import * as crypto from 'node:crypto';
import { loadEnv } from '../../config/env';
import { AuthService } from './auth.service';
import { hashPassword } from './password';

jest.mock('node:crypto', () => {
  const actual = jest.requireActual<typeof import('node:crypto')>('node:crypto');
  return { ...actual, scrypt: jest.fn(actual.scrypt) };
});

/**
 * An unknown email costs what a known one does (issue 12, finding 8: 19 ms against 156 ms told
 * them apart): a login for either runs exactly one scrypt at the same parameters. Counted, not
 * timed (no clock in tests).
 */
describe('login cost for unknown and known emails', () => {
  // The suite hashes at a test cost (jest.config.js); this spec proves production's.
  beforeAll(() => delete process.env.TEST_SCRYPT_LOG2_N);
  const scrypt = crypto.scrypt as unknown as jest.Mock;
  const refused = async (auth: AuthService, email: string) => {
    scrypt.mockClear();
    await expect(auth.login(email, 'wrong-password', '10.0.0.1')).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    return scrypt.mock.calls.map((c: unknown[]) => c[3]);
  };

  it('runs one scrypt at the stored cost whether or not the account exists', async () => {
    const stored = { id: 'u1', email: 'ana@lab', name: 'Ana', role: 'MEMBER', disabled: false, passwordHash: await hashPassword('right-password-1') };
    const users = { findByEmail: jest.fn(async (e: string) => (e === 'ana@lab' ? stored : null)) };
    const limiter = { admit: jest.fn(async () => undefined), failed: jest.fn(async () => undefined), succeeded: jest.fn(async () => undefined) };
    const revocations = { onRevoked: () => undefined };
    const auth = new AuthService(users as never, {} as never, {} as never, {} as never, limiter as never, revocations as never, {} as never, loadEnv({}));
    await refused(auth, 'nobody@lab'); // the first unknown email also makes the stand-in hash once
    const unknown = await refused(auth, 'nobody-else@lab');
    const known = await refused(auth, 'ana@lab');
    expect(unknown).toHaveLength(1);
    expect(unknown).toEqual(known);
    expect(known[0]).toMatchObject({ N: 2 ** 17, r: 8, p: 1 });
    expect(limiter.failed).toHaveBeenCalledTimes(3);
  });
});
