/**
 * The signed-in user's API tokens for scripts and instrument PCs (vitrack-push): create one with a
 * scope and a lifetime (the secret is shown once), see when each was last used, revoke it.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../api/client';
import { DataTable } from '../components/DataTable';
import { Field, SelectField } from '../components/Field';
import { MutationForm, useFormValues } from '../components/Form';
import { Section } from '../components/Section';

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
  const { values: f, bind } = useFormValues({ name: '', scope: 'upload', expiresInDays: '90' });
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/api/auth/tokens', { body: { name: f.name, scope: f.scope as Scope, expiresInDays: Number(f.expiresInDays) } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/auth/tokens/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
  const shown = create.data && (
    <p role="status" data-testid="new-token">
      Copy it now, it is shown once: <code>{create.data.token}</code>
    </p>
  );
  return (
    <main id="main" className="page">
      <h1>API tokens</h1>
      <p>For scripts and instrument PCs. An instrument PC running vitrack-push needs only the upload scope.</p>
      <DataTable
        label="API tokens"
        columns={['Name', 'Scope', 'Expires', 'Last used', 'Revoke']}
        loaded={tokens.isSuccess}
        rowCount={tokens.data?.length}
        empty="No tokens yet."
      >
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
      </DataTable>
      <Section title="Create a token">
        <MutationForm mutation={create} label="Create a token" submit="Create token" fields={['name', 'scope', 'expiresInDays']} after={shown}>
          <Field label="Token name" field="name" required placeholder="e.g. MPMS3 PC" {...bind('name')} />
          <SelectField label="Scope" field="scope" options={SCOPES} {...bind('scope')} />
          <Field label="Expires in (days)" field="expiresInDays" type="number" min="1" step="1" {...bind('expiresInDays')} />
        </MutationForm>
      </Section>
    </main>
  );
}
