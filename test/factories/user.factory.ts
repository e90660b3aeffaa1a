import { randomBytes } from 'node:crypto';
import { TestApi } from '../setup/test-api';

/** Creates a user through the admin API and returns a logged-in token for it. */
export async function newUser(api: TestApi, adminToken: string, role: 'MEMBER' | 'PI' | 'ADMIN'): Promise<{ id: string; email: string; token: string }> {
  const email = `${role.toLowerCase()}-${randomBytes(3).toString('hex')}@test.local`;
  const password = 'password-123';
  const res = await api.request('POST', '/api/users', { token: adminToken, body: { email, name: `Test ${role}`, role, password } });
  if (res.status !== 201) throw new Error(`user create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id, email, token: await api.login(email, password) };
}
