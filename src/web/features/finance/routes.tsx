// Routes of billing and collection, spread into the app router (src/web/router.tsx). Who opens which (invoices for
// billing readers, aging, DSO and dunning for finance) is in the page table of core, checked by the shell.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const InvoicesPage = lazy(async () => ({ default: (await import('./InvoicesPage')).InvoicesPage }));
const InvoicePage = lazy(async () => ({ default: (await import('./InvoicePage')).InvoicePage }));
const AgingPage = lazy(async () => ({ default: (await import('./AgingPage')).AgingPage }));
const DunningPage = lazy(async () => ({ default: (await import('./DunningPage')).DunningPage }));

export const financeRoutes: RouteObject[] = [
  { path: 'invoices', element: <InvoicesPage /> },
  { path: 'invoices/:id', element: <InvoicePage /> },
  { path: 'finance', element: <AgingPage /> },
  { path: 'finance/aging', element: <AgingPage /> },
  { path: 'finance/dunning', element: <DunningPage /> },
];
