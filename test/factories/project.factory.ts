import { randomBytes } from 'node:crypto';
import { TestApi } from '../setup/test-api';

const defaultProjects = new WeakMap<TestApi, string>();

/** The id of the "Default" project the migration makes (every test database has it). */
export async function defaultProjectId(api: TestApi, adminToken: string): Promise<string> {
  const known = defaultProjects.get(api);
  if (known) return known;
  const res = await api.request<{ id: string; name: string }[]>('GET', '/api/projects', { token: adminToken });
  const id = res.body.find((p) => p.name === 'Default')?.id;
  if (res.status !== 200 || !id) throw new Error(`no Default project: ${res.status} ${JSON.stringify(res.body)}`);
  defaultProjects.set(api, id);
  return id;
}

/** Creates a project through the admin API. */
export async function newProject(api: TestApi, adminToken: string, name = `Project ${randomBytes(3).toString('hex')}`): Promise<{ id: string; name: string }> {
  const res = await api.request('POST', '/api/projects', { token: adminToken, body: { name } });
  if (res.status !== 201) throw new Error(`project create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id, name };
}

/** Adds a user to a project (the Default one unless named) with that role. */
export async function addMember(api: TestApi, adminToken: string, userId: string, role: 'MEMBER' | 'PI', projectId?: string): Promise<void> {
  const project = projectId ?? (await defaultProjectId(api, adminToken));
  const res = await api.request('POST', `/api/projects/${project}/members`, { token: adminToken, body: { userId, role } });
  if (res.status !== 200) throw new Error(`member add failed: ${res.status} ${JSON.stringify(res.body)}`);
}
