/**
 * Admin: the projects (a research group's space: its ingots and all that descends from them,
 * measurements, campaigns) — create one, list them, and choose who belongs to each with which
 * role (MEMBER or PI within the project). A membership change takes effect on the user's next
 * request.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api, unwrap, type Schemas } from '../api/client';
import { keys, useProjectMembers, useProjects, useUsers } from '../api/queries';
import { DataTable } from '../components/DataTable';
import { Field, SelectField } from '../components/Field';
import { MutationForm, useFormValues } from '../components/Form';
import { Section } from '../components/Section';

type ProjectRole = Schemas['MembershipResponse']['role'];
const PROJECT_ROLES: ProjectRole[] = ['MEMBER', 'PI'];

export default function ProjectsPage() {
  const projects = useProjects();
  const [params, setParams] = useSearchParams();
  const selected = projects.data?.find((p) => p.id === params.get('project'));
  return (
    <main id="main" className="page">
      <h1>Projects</h1>
      <p>Each project is a group&apos;s space: its members see and change only its ingots, what descends from them, and its campaigns.</p>
      <DataTable
        label="Projects"
        columns={['Name', 'Created', { label: 'Members', hidden: true }]}
        loaded={projects.isSuccess}
        rowCount={projects.data?.length}
        empty="No project yet."
      >
        {projects.data?.map((p) => (
          <tr key={p.id} data-project={p.name} aria-current={p.id === selected?.id || undefined}>
            <td>{p.name}</td>
            <td>{new Date(p.createdAt).toLocaleDateString()}</td>
            <td>
              <button type="button" onClick={() => setParams({ project: p.id })} aria-label={`Members of ${p.name}`}>
                Members
              </button>
            </td>
          </tr>
        ))}
      </DataTable>
      {selected && <ProjectMembers key={selected.id} project={selected} />}
      <CreateProject onCreated={(id) => setParams({ project: id })} />
    </main>
  );
}

function CreateProject({ onCreated }: { onCreated: (id: string) => void }) {
  const queryClient = useQueryClient();
  const { values: f, bind, reset } = useFormValues({ name: '' });
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/api/projects', { body: { name: f.name } })),
    onSuccess: async (p) => {
      reset();
      await queryClient.invalidateQueries({ queryKey: keys.projects });
      onCreated(p.id);
    },
  });
  return (
    <Section title="Create a project">
      <MutationForm mutation={create} label="Create a project" submit="Create project" fields={['name']}>
        <Field label="Project name" field="name" required placeholder="e.g. La-Al glasses" {...bind('name')} />
      </MutationForm>
    </Section>
  );
}

type Project = Schemas['ProjectResponse'];

function ProjectMembers({ project }: { project: Project }) {
  const queryClient = useQueryClient();
  const members = useProjectMembers(project.id);
  const users = useUsers();
  const refresh = () => queryClient.invalidateQueries({ queryKey: keys.projectMembers(project.id) });
  const { values: f, bind } = useFormValues({ userId: '', role: 'MEMBER' });
  const setMember = useMutation({
    mutationFn: (body: { userId: string; role: ProjectRole }) => unwrap(api.POST('/api/projects/{id}/members', { params: { path: { id: project.id } }, body })),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (userId: string) => unwrap(api.DELETE('/api/projects/{id}/members/{userId}', { params: { path: { id: project.id, userId } } })),
    onSuccess: refresh,
  });
  const memberIds = new Set(members.data?.map((m) => m.userId));
  const candidates = (users.data ?? []).filter((u) => !memberIds.has(u.id) && !u.disabled);
  const chosen = f.userId || candidates[0]?.id || '';
  const add = { ...setMember, mutate: () => setMember.mutate({ userId: chosen, role: f.role as ProjectRole }) };
  return (
    <Section title={`Members of ${project.name}`}>
      <DataTable
        label={`Members of ${project.name}`}
        columns={['Email', 'Name', 'Role in the project', 'Since', { label: 'Remove', hidden: true }]}
        loaded={members.isSuccess}
        rowCount={members.data?.length}
        empty="No member yet."
      >
        {members.data?.map((m) => (
          <tr key={m.userId} data-member={m.email}>
            <td>{m.email}</td>
            <td>{m.name}</td>
            <td>
              <select
                aria-label={`Role of ${m.email} in ${project.name}`}
                value={m.role}
                disabled={setMember.isPending}
                onChange={(e) => setMember.mutate({ userId: m.userId, role: e.target.value as ProjectRole })}
              >
                {PROJECT_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </select>
            </td>
            <td>{new Date(m.addedAt).toLocaleDateString()}</td>
            <td>
              <button type="button" disabled={remove.isPending} onClick={() => remove.mutate(m.userId)}>
                {`Remove ${m.email}`}
              </button>
            </td>
          </tr>
        ))}
      </DataTable>
      {remove.error && (
        <p className="form-error" role="alert">
          {remove.error.message}
        </p>
      )}
      <h3>Add a member</h3>
      <MutationForm mutation={add} label={`Add a member to ${project.name}`} submit="Add member" fields={['userId', 'role']} disabled={!chosen}>
        <SelectField
          label="User"
          field="userId"
          value={chosen}
          onChange={bind('userId').onChange}
          options={candidates.map((u) => ({ value: u.id, label: `${u.email} (${u.role})` }))}
        />
        <SelectField label="Role in the project" field="role" options={PROJECT_ROLES} {...bind('role')} />
      </MutationForm>
    </Section>
  );
}
