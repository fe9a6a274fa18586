// Routes. Pages other than accounts load on demand (charts and admin screens stay out of the first bundle). Who may
// open which page is decided once, by the page table of core, in the shell (AppLayout), not per route.
import { lazy } from 'react';
import { createBrowserRouter, Navigate, useRouteError } from 'react-router';
import { useAuth } from './lib/auth';
import { LoginPage } from './features/auth/LoginPage';
import { AppLayout } from './features/shell/AppLayout';
import { homeOf } from './features/shell/nav';
import { AccountsPage } from './features/accounts/AccountsPage';
import { Account360Page } from './features/accounts/Account360Page';
import { NotFound } from './ui/NotFound';
import { ErrorAlert } from './ui/QueryState';
import { leadRoutes } from './features/leads/routes';
import { pipelineRoutes } from './features/pipeline/routes';
import { valueRoutes } from './features/value/routes';
import { importRoutes } from './features/imports/routes';
import { contentRoutes } from './features/content/routes';
import { salesRoutes } from './features/sales/routes';
import { deliveryRoutes } from './features/delivery/routes';
import { financeRoutes } from './features/finance/routes';

const named = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));

const DashboardPage = named(() => import('./features/dashboard/DashboardPage'), 'DashboardPage');
const WorkspacePage = named(() => import('./features/workspaces/WorkspacePage'), 'WorkspacePage');
const PartnersPage = named(() => import('./features/partners/PartnersPage'), 'PartnersPage');
const UsersPage = named(() => import('./features/admin/UsersPage'), 'UsersPage');
const TokensPage = named(() => import('./features/admin/TokensPage'), 'TokensPage');
const PlaybookPage = named(() => import('./features/admin/PlaybookPage'), 'PlaybookPage');
const WebhooksPage = named(() => import('./features/admin/WebhooksPage'), 'WebhooksPage');
const AuditLogPage = named(() => import('./features/admin/AuditLogPage'), 'AuditLogPage');
const DeletedAccountsPage = named(() => import('./features/admin/DeletedAccountsPage'), 'DeletedAccountsPage');

function Home() {
  const { user } = useAuth();
  return user ? <Navigate to={homeOf(user)} replace /> : <Navigate to="/login" replace />;
}

function RouteError() {
  const error = useRouteError();
  return <div style={{ padding: 24 }}><ErrorAlert error={error} title="This page failed to load" onRetry={() => window.location.reload()} /></div>;
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Home /> },
      { path: 'dashboard', element: <DashboardPage /> },
      { path: 'workspace/:persona', element: <WorkspacePage /> },
      { path: 'accounts', element: <AccountsPage /> },
      { path: 'accounts/:id', element: <Account360Page /> },
      { path: 'partners', element: <PartnersPage /> },
      { path: 'admin', element: <Navigate to="/admin/users" replace /> },
      { path: 'admin/users', element: <UsersPage /> },
      { path: 'admin/tokens', element: <TokensPage /> },
      { path: 'admin/playbook', element: <PlaybookPage /> },
      { path: 'admin/webhooks', element: <WebhooksPage /> },
      { path: 'admin/audit', element: <AuditLogPage /> },
      { path: 'admin/deleted-accounts', element: <DeletedAccountsPage /> },
      ...leadRoutes, ...pipelineRoutes, ...valueRoutes, ...importRoutes, ...contentRoutes, ...salesRoutes,
      ...deliveryRoutes, ...financeRoutes,
      { path: 'no-account', element: <NotFound title="No account linked" message="Your user is not linked to an account yet. Ask your vendor contact to link it." /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
