/**
 * The signed-in user's API tokens for scripts and instrument PCs (vitrack-push): create one with a
 * scope and a lifetime (the secret is shown once), see when each was last used, revoke it.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, unwrap, type Schemas } from '../api/client';
import { Field, FormError, SelectField } from '../components/Field';

type Scope = NonNullable<Schemas['CreateApiTokenDto']['scope']>;
const SCOPES: { value: Scope; label: string }[] = [
  { value: 'upload', label: 'upload — match, create measurements, upload files (vitrack-push)' },
  { value: 'read', label: 'read — read only' },
  { value: 'full', label: 'full — everything you may do' },
];
const KEY = ['tokens'] as const;

export default function TokensPage() {
  const queryClient = useQueryClient();
  const tokens = useQuery({ queryKey: KEY, queryFn: ({ signal }) => unwrap(api.GET('/api/auth/tokens', { signal })) });
  const [f, setF] = useState({ name: '', scope: 'upload' as Scope, expiresInDays: '90' });
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/api/auth/tokens', { body: { name: f.name, scope: f.scope, expiresInDays: Number(f.expiresInDays) } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/auth/tokens/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
  const on = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  return (
    <main id="main" className="page">
      <h1>API tokens</h1>
      <p>For scripts and instrument PCs. An instrument PC running vitrack-push needs only the upload scope.</p>
      <div className="table-wrap">
        <table aria-label="API tokens">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Scope</th>
              <th scope="col">Expires</th>
              <th scope="col">Last used</th>
              <th scope="col">Revoke</th>
            </tr>
          </thead>
          <tbody>
            {tokens.data?.map((t) => (
              <tr key={t.id} data-token={t.name}>
                <td>{t.name}</td>
                <td>{t.scope}</td>
                <td>{new Date(t.expiresAt).toLocaleDateString()}</td>
                <td>{t.lastUsedAt ? new Date(t.lastUsedAt).toLocaleString() : 'never'}</td>
                <td>
                  <button type="button" disabled={revoke.isPending} onClick={() => revoke.mutate(t.id)}>
                    {`Revoke ${t.name}`}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {tokens.data?.length === 0 && <p>No tokens yet.</p>}
      <section className="card" aria-labelledby="new-token">
        <h2 id="new-token">Create a token</h2>
        <form className="grid-form" onSubmit={(e: FormEvent) => (e.preventDefault(), create.mutate())}>
          <Field label="Token name" field="name" required value={f.name} placeholder="e.g. MPMS3 PC" onChange={on('name')} error={create.error} />
          <SelectField label="Scope" field="scope" value={f.scope} onChange={on('scope')} error={create.error} options={SCOPES} />
          <Field
            label="Expires in (days)"
            field="expiresInDays"
            type="number"
            min="1"
            step="1"
            value={f.expiresInDays}
            onChange={on('expiresInDays')}
            error={create.error}
          />
          <FormError error={create.error} fields={['name', 'scope', 'expiresInDays']} />
          <button type="submit" className="primary" disabled={create.isPending}>
            Create token
          </button>
          {create.data && (
            <p role="status" data-testid="new-token">
              Copy it now, it is shown once: <code>{create.data.token}</code>
            </p>
          )}
        </form>
      </section>
    </main>
  );
}
