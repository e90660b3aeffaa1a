import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { startSession, useSession } from '../api/auth';
import { api, unwrap } from '../api/client';
import { Field, FormError } from '../components/Field';

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
  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate();
  };
  return (
    <main id="main" className="login">
      <h1>Vitrack</h1>
      <p className="lede">Thermal-treatment campaigns on superconducting metallic glasses.</p>
      <form onSubmit={submit} aria-labelledby="signin-title" className="card">
        <h2 id="signin-title">Sign in</h2>
        <Field
          label="Email"
          field="email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={login.error}
        />
        <Field
          label="Password"
          field="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={login.error}
        />
        <FormError error={login.error} fields={['email', 'password']} />
        <button type="submit" className="primary" disabled={login.isPending}>
          Sign in
        </button>
      </form>
    </main>
  );
}
