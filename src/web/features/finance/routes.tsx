// Routes of billing and collection, spread into the app router (src/web/router.tsx). Invoices are read by finance,
// executives, admins and the customer (their own, row-scoped by the API); aging, DSO and dunning are finance's.
import { lazy, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import type { Role } from '../../../core/access/roles';
import { useAuth } from '../../lib/auth';
import { Forbidden } from '../../ui/NotFound';

const InvoicesPage = lazy(async () => ({ default: (await import('./InvoicesPage')).InvoicesPage }));
const InvoicePage = lazy(async () => ({ default: (await import('./InvoicePage')).InvoicePage }));
const AgingPage = lazy(async () => ({ default: (await import('./AgingPage')).AgingPage }));
const DunningPage = lazy(async () => ({ default: (await import('./DunningPage')).DunningPage }));

const INVOICE_READERS: Role[] = ['admin', 'executive', 'finance', 'customer', 'partner'];
const FINANCE: Role[] = ['admin', 'executive', 'finance'];

function Allow({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { user } = useAuth();
  return user && roles.includes(user.role) ? <>{children}</> : <Forbidden />;
}

export const financeRoutes: RouteObject[] = [
  { path: 'invoices', element: <Allow roles={INVOICE_READERS}><InvoicesPage /></Allow> },
  { path: 'invoices/:id', element: <Allow roles={INVOICE_READERS}><InvoicePage /></Allow> },
  { path: 'finance', element: <Allow roles={FINANCE}><AgingPage /></Allow> },
  { path: 'finance/aging', element: <Allow roles={FINANCE}><AgingPage /></Allow> },
  { path: 'finance/dunning', element: <Allow roles={FINANCE}><DunningPage /></Allow> },
];
