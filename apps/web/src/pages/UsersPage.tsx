/** Admin: the users (list, create, role, disable, one-time password reset) and the way to the queue dashboard. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../api/client';
import { keys, useUsers } from '../api/queries';
import { DataTable } from '../components/DataTable';
import { Field, SelectField } from '../components/Field';
import { MutationForm, useFormValues } from '../components/Form';
import { Section } from '../components/Section';

type Role = 'MEMBER' | 'PI' | 'ADMIN';
const ROLES: Role[] = ['MEMBER', 'PI', 'ADMIN'];

export default function UsersPage() {
  const users = useUsers();
  const queryClient = useQueryClient();
  const blank = { email: '', name: '', role: 'MEMBER', password: '' };
  const { values: f, bind, reset } = useFormValues(blank);
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/api/users', { body: { ...f, role: f.role as Role } })),
    onSuccess: async () => {
      reset();
      await queryClient.invalidateQueries({ queryKey: keys.users });
    },
  });
  const added = create.data && (
    <p role="status" className="ok">
      Added {create.data.email} as {create.data.role}.
    </p>
  );
  return (
    <main id="main" className="page">
      <h1>Users</h1>
      <p>
        Analysis jobs: <a href="/admin/queues">queue dashboard</a>.
      </p>
      <DataTable label="Users" columns={['Email', 'Name', 'Role', 'Since', 'Account']}>
        {users.data?.map((u) => (
          <UserRow key={u.id} user={u} />
        ))}
      </DataTable>
      <Section title="Add a user">
        <MutationForm mutation={create} label="Add a user" submit="Add user" fields={Object.keys(blank)} after={added}>
          <Field label="Email" field="email" type="email" required {...bind('email')} />
          <Field label="Name" field="name" required {...bind('name')} />
          <SelectField label="Role" field="role" options={ROLES} {...bind('role')} />
          <Field
            label="Initial password"
            field="password"
            type="password"
            autoComplete="new-password"
            required
            hint="at least 8 characters"
            {...bind('password')}
          />
        </MutationForm>
      </Section>
    </main>
  );
}

type User = Schemas['UserResponse'];

/** One user: role and disabled are changed in place (PATCH /api/users/:id); a reset gives a one-time secret to hand over. */
function UserRow({ user: u }: { user: User }) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: keys.users });
  const update = useMutation({
    mutationFn: (body: { role?: Role; disabled?: boolean }) => unwrap(api.PATCH('/api/users/{id}', { params: { path: { id: u.id } }, body })),
    onSuccess: refresh,
  });
  const reset = useMutation({ mutationFn: () => unwrap(api.POST('/api/users/{id}/password-reset', { params: { path: { id: u.id } } })) });
  return (
    <tr data-email={u.email} className={u.disabled ? 'disabled' : undefined}>
      <td>{u.email}</td>
      <td>{u.name}</td>
      <td>
        <select aria-label={`Role of ${u.email}`} value={u.role} disabled={update.isPending} onChange={(e) => update.mutate({ role: e.target.value as Role })}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </td>
      <td>{new Date(u.createdAt).toLocaleDateString()}</td>
      <td>
        <span data-testid="user-status">{u.disabled ? 'disabled' : 'active'}</span>{' '}
        <button type="button" disabled={update.isPending} onClick={() => update.mutate({ disabled: !u.disabled })}>
          {u.disabled ? `Enable ${u.email}` : `Disable ${u.email}`}
        </button>{' '}
        <button type="button" disabled={reset.isPending} onClick={() => reset.mutate()}>
          {`Reset password of ${u.email}`}
        </button>
        {update.error && (
          <span className="error" role="alert">
            {' '}
            {update.error.message}
          </span>
        )}
        {reset.data && (
          <span role="status" data-testid="reset-token">
            {' '}
            One-time reset secret (give it to them; valid until {new Date(reset.data.expiresAt).toLocaleString()}): <code>{reset.data.token}</code>
          </span>
        )}
      </td>
    </tr>
  );
}
