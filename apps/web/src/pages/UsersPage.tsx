/** Admin: the users (list, create, role, disable, one-time password reset) and the way to the queue dashboard. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, unwrap, type Schemas } from '../api/client';
import { keys, useUsers } from '../api/queries';
import { Field, FormError, SelectField } from '../components/Field';

type Role = 'MEMBER' | 'PI' | 'ADMIN';
const ROLES: Role[] = ['MEMBER', 'PI', 'ADMIN'];

export default function UsersPage() {
  const users = useUsers();
  const queryClient = useQueryClient();
  const [f, setF] = useState({ email: '', name: '', role: 'MEMBER' as Role, password: '' });
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/api/users', { body: f })),
    onSuccess: async () => {
      setF({ email: '', name: '', role: 'MEMBER', password: '' });
      await queryClient.invalidateQueries({ queryKey: keys.users });
    },
  });
  const on = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  return (
    <main id="main" className="page">
      <h1>Users</h1>
      <p>
        Analysis jobs: <a href="/admin/queues">queue dashboard</a>.
      </p>
      <div className="table-wrap">
        <table aria-label="Users">
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Since</th>
              <th scope="col">Account</th>
            </tr>
          </thead>
          <tbody>
            {users.data?.map((u) => (
              <UserRow key={u.id} user={u} />
            ))}
          </tbody>
        </table>
      </div>
      <section className="card" aria-labelledby="new-user">
        <h2 id="new-user">Add a user</h2>
        <form className="grid-form" onSubmit={(e: FormEvent) => (e.preventDefault(), create.mutate())}>
          <Field label="Email" field="email" type="email" required value={f.email} onChange={on('email')} error={create.error} />
          <Field label="Name" field="name" required value={f.name} onChange={on('name')} error={create.error} />
          <SelectField label="Role" field="role" value={f.role} onChange={on('role')} error={create.error} options={['MEMBER', 'PI', 'ADMIN']} />
          <Field
            label="Initial password"
            field="password"
            type="password"
            autoComplete="new-password"
            required
            value={f.password}
            hint="at least 8 characters"
            onChange={on('password')}
            error={create.error}
          />
          <FormError error={create.error} fields={['email', 'name', 'role', 'password']} />
          <button type="submit" className="primary" disabled={create.isPending}>
            Add user
          </button>
          {create.data && (
            <p role="status" className="ok">
              Added {create.data.email} as {create.data.role}.
            </p>
          )}
        </form>
      </section>
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
