import { randomBytes } from 'node:crypto';
import { TestApi } from '../setup/test-api';
import { addMember } from './project.factory';

/**
 * Creates a user through the admin API and returns a logged-in token for it. A MEMBER or PI is
 * also made a member of a project with that role: the Default one the migration makes (where
 * every test's samples and campaigns go unless it says otherwise), `project` when given, none
 * when `project` is null. An ADMIN sees every project without being in one.
 */
export async function newUser(
  api: TestApi,
  adminToken: string,
  role: 'MEMBER' | 'PI' | 'ADMIN',
  project?: string | null,
): Promise<{ id: string; email: string; token: string }> {
  const email = `${role.toLowerCase()}-${randomBytes(3).toString('hex')}@test.local`;
  const password = 'password-123';
  const res = await api.request('POST', '/api/users', { token: adminToken, body: { email, name: `Test ${role}`, role, password } });
  if (res.status !== 201) throw new Error(`user create failed: ${res.status} ${JSON.stringify(res.body)}`);
  if (role !== 'ADMIN' && project !== null) await addMember(api, adminToken, res.body.id, role, project);
  return { id: res.body.id, email, token: await api.login(email, password) };
}
