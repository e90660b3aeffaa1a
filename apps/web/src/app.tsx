/**
 * The app's routes. Pages other than the login page load on demand (their own chunks), so the
 * login page ships React, the router, the query cache and the API client only. The server answers
 * index.html for these paths (apps/api/web-app.ts, WEB_APP_ROUTES).
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, Outlet, useLocation } from 'react-router';
import { hasRole, useSession, type Role } from './api/auth';
import { Layout } from './components/Layout';
import { LoginPage } from './pages/LoginPage';

const SamplesPage = lazy(() => import('./pages/SamplesPage'));
const SamplePage = lazy(() => import('./pages/SamplePage'));
const LabelsPage = lazy(() => import('./pages/LabelsPage'));
const CampaignsPage = lazy(() => import('./pages/CampaignsPage'));
const CampaignPage = lazy(() => import('./pages/CampaignPage'));
const UsersPage = lazy(() => import('./pages/UsersPage'));
const ProjectsPage = lazy(() => import('./pages/ProjectsPage'));
const BulkUploadPage = lazy(() => import('./pages/BulkUploadPage'));
const TokensPage = lazy(() => import('./pages/TokensPage'));
const PasswordPage = lazy(() => import('./pages/PasswordPage'));
const SharedReportPage = lazy(() => import('./pages/SharedReportPage'));

function RequireSession({ role, children }: { role?: Role; children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!session) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (role && !hasRole(session, role)) {
    return (
      <main id="main" className="page">
        <h1>Not allowed</h1>
        <p>
          This page needs the {role} role; you are signed in as {session.role}.
        </p>
      </main>
    );
  }
  return <>{children}</>;
}

const page = (node: ReactNode, role?: Role) => (
  <RequireSession role={role}>
    <Suspense
      fallback={
        <main id="main" className="page" aria-busy="true">
          <p>Loading…</p>
        </main>
      }
    >
      {node}
    </Suspense>
  </RequireSession>
);

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  // A share link's report: no session, no navigation, only that report.
  {
    path: '/shared/:token',
    element: (
      <Suspense fallback={<main id="main" className="page" aria-busy="true" />}>
        <SharedReportPage />
      </Suspense>
    ),
  },
  {
    element: (
      <Layout>
        <Outlet />
      </Layout>
    ),
    children: [
      { path: '/', element: <Navigate to="/samples" replace /> },
      { path: '/samples', element: page(<SamplesPage />) },
      { path: '/samples/:code', element: page(<SamplePage />) },
      { path: '/upload', element: page(<BulkUploadPage />) },
      { path: '/labels', element: page(<LabelsPage />) },
      { path: '/campaigns', element: page(<CampaignsPage />) },
      { path: '/campaigns/:id', element: page(<CampaignPage />) },
      { path: '/account/tokens', element: page(<TokensPage />) },
      { path: '/account/password', element: page(<PasswordPage />) },
      { path: '/admin', element: <Navigate to="/admin/users" replace /> },
      { path: '/admin/users', element: page(<UsersPage />, 'ADMIN') },
      { path: '/admin/projects', element: page(<ProjectsPage />, 'ADMIN') },
      {
        path: '*',
        element: (
          <main id="main" className="page">
            <h1>Not found</h1>
            <p>No page here.</p>
          </main>
        ),
      },
    ],
  },
]);
