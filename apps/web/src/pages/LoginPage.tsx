import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { startSession, useSession } from '../api/auth';
import { api, unwrap } from '../api/client';
import { Field } from '../components/Field';
import { MutationForm } from '../components/Form';

/** Only paths of this app, never another origin, after signing in. */
const safeNext = (next: string | null) => (next && next.startsWith('/') && !next.startsWith('//') ? next : '/samples');

export function LoginPage() {
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation({
    mutationFn: () => unwrap(api.POST('/api/auth/login', { body: { email, password } })),
    onSuccess: (res) => {
      startSession(res);
      void navigate(safeNext(params.get('next')), { replace: true });
    },
  });
  if (session && !login.isPending) return <Navigate to={safeNext(params.get('next'))} replace />;
  return (
    <main id="main" className="login">
      <h1>Vitrack</h1>
      <p className="lede">Thermal-treatment campaigns on superconducting metallic glasses.</p>
      <MutationForm mutation={login} title="Sign in" level={2} className="card" submit="Sign in" fields={['email', 'password']}>
        <Field label="Email" field="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <Field
          label="Password"
          field="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </MutationForm>
    </main>
  );
}
