/** The frame of every signed-in page: skip link, navigation by role, who is signed in, sign out. */
import type { ReactNode } from 'react';
import { NavLink, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { hasRole, useSession } from '../api/auth';
import { signOut as endServerSession } from '../api/client';

export function Layout({ children }: { children: ReactNode }) {
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const signOut = async () => {
    await endServerSession().catch(() => undefined);
    queryClient.clear();
    void navigate('/login');
  };
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top no-print">
        <span className="brand">Vitrack</span>
        {session && (
          <nav aria-label="Main">
            <NavLink to="/samples">Samples</NavLink>
            <NavLink to="/upload">Bulk upload</NavLink>
            <NavLink to="/campaigns">Campaigns</NavLink>
            <NavLink to="/account/tokens">API tokens</NavLink>
            {hasRole(session, 'ADMIN') && <NavLink to="/admin/users">Users</NavLink>}
            {hasRole(session, 'ADMIN') && <NavLink to="/admin/projects">Projects</NavLink>}
            {hasRole(session, 'ADMIN') && <a href="/admin/queues">Queue dashboard</a>}
          </nav>
        )}
        {session && (
          <div className="who">
            <span>
              {session.email} <span className="role">{session.role}</span>
            </span>
            <NavLink to="/account/password">Change password</NavLink>
            <button type="button" onClick={() => void signOut()}>
              Sign out
            </button>
          </div>
        )}
      </header>
      {children}
    </>
  );
}
