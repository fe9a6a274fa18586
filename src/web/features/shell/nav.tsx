// Navigation by persona (DESIGN §1). Every link is checked against the page table of core (core/access/pages.ts),
// built from the policies the API enforces: a role sees only links it can open, and a section with none is hidden.
// Partner and customer users get their own short menus.
import type { ReactNode } from 'react';
import { mayFollow } from '../../../core/access/pages';
import type { Role } from '../../../core/access/roles';
import type { Schema } from '../../lib/api';
import {
  IconBook, IconBriefcase, IconBuilding, IconCoin, IconDashboard, IconHandshake, IconHeart, IconHistory, IconKey,
  IconLifebuoy, IconRocket, IconShield, IconStar, IconTrash, IconUsers, IconWebhook,
} from '../../ui/Icons';

type SessionUser = Schema<'SessionUser'>;

export interface NavItem { label: string; to: string; icon?: ReactNode }
export interface NavSection { key: string; label: string; icon: ReactNode; items: NavItem[] }

const PERSONA_OF: Partial<Record<Role, string>> = {
  admin: 'admin', executive: 'executive', sales: 'sales', sdr: 'sales', delivery: 'delivery', finance: 'finance', csm: 'success', support: 'support',
};
/** The navigation section opened for a role by default. */
export const personaOf = (role: Role) => PERSONA_OF[role] ?? 'executive';

/** Where each staff role starts: its own workspace; executives and admins the executive dashboard. */
const HOME_OF: Partial<Record<Role, string>> = {
  sdr: '/workspace/sdr', sales: '/workspace/sales', delivery: '/workspace/delivery', finance: '/workspace/finance',
  csm: '/workspace/success', support: '/workspace/support',
};

function staffSections(): NavSection[] {
  return [
    { key: 'executive', label: 'Executive', icon: <IconDashboard />, items: [
      { label: 'Dashboard', to: '/dashboard' },
      { label: 'All accounts', to: '/accounts' },
    ] },
    { key: 'sales', label: 'Sales', icon: <IconBriefcase />, items: [
      { label: 'SDR workspace', to: '/workspace/sdr' },
      { label: 'AE workspace', to: '/workspace/sales' },
      { label: 'Sales dashboard', to: '/sales/dashboard' },
      { label: 'Lead inbox', to: '/leads' },
      { label: 'Pipeline', to: '/pipeline' },
      { label: 'Forecast', to: '/forecast' },
      { label: 'Content library', to: '/content' },
      { label: 'Import & export', to: '/imports' },
      { label: 'Pre-sale accounts', to: '/accounts?lifecycleStage=prospect&sort=-updatedAt' },
    ] },
    { key: 'delivery', label: 'Delivery', icon: <IconRocket />, items: [
      { label: 'Delivery workspace', to: '/workspace/delivery' },
      { label: 'Delivery Command', to: '/delivery' },
      { label: 'Projects', to: '/projects' },
      { label: 'In implementation', to: '/accounts?lifecycleStage=implementation' },
    ] },
    { key: 'finance', label: 'Finance', icon: <IconCoin />, items: [
      { label: 'Finance workspace', to: '/workspace/finance' },
      { label: 'Invoices', to: '/invoices' },
      { label: 'Aging & DSO', to: '/finance/aging' },
      { label: 'Dunning', to: '/finance/dunning' },
      { label: 'Accounts by ARR', to: '/accounts?sort=-arr' },
    ] },
    { key: 'success', label: 'Success', icon: <IconHeart />, items: [
      { label: 'Success workspace', to: '/workspace/success' },
      { label: 'Renewals', to: '/accounts?lifecycleStage=renewal&sort=-arr' },
    ] },
    { key: 'support', label: 'Support', icon: <IconLifebuoy />, items: [
      { label: 'Support workspace', to: '/workspace/support' },
    ] },
    { key: 'partners', label: 'Partners', icon: <IconHandshake />, items: [
      { label: 'Partners', to: '/partners' },
    ] },
    { key: 'admin', label: 'Admin', icon: <IconShield />, items: [
      { label: 'Users', to: '/admin/users', icon: <IconUsers size={16} /> },
      { label: 'API tokens', to: '/admin/tokens', icon: <IconKey size={16} /> },
      { label: 'Playbook', to: '/admin/playbook', icon: <IconBook size={16} /> },
      { label: 'Webhooks', to: '/admin/webhooks', icon: <IconWebhook size={16} /> },
      { label: 'Audit log', to: '/admin/audit', icon: <IconHistory size={16} /> },
      { label: 'Deleted accounts', to: '/admin/deleted-accounts', icon: <IconTrash size={16} /> },
    ] },
  ];
}

function sectionsOf(user: SessionUser): NavSection[] {
  if (user.role === 'customer') {
    const account = user.accountId ? `/accounts/${user.accountId}` : null;
    return [{ key: 'portal', label: 'My account', icon: <IconBuilding />, items: [
      { label: 'My project', to: '/portal', icon: <IconRocket size={16} /> },
      { label: 'Invoices', to: '/invoices', icon: <IconCoin size={16} /> },
      { label: 'Value (KPIs)', to: '/value', icon: <IconStar size={16} /> },
      ...(account ? [
        { label: 'Account overview', to: account, icon: <IconBuilding size={16} /> },
        { label: 'Timeline', to: `${account}?tab=timeline`, icon: <IconHistory size={16} /> },
      ] : []),
    ] }];
  }
  if (user.role === 'partner') {
    return [{ key: 'partners', label: 'Partners', icon: <IconHandshake />, items: [
      { label: 'Partner dashboard', to: '/partners', icon: <IconDashboard size={16} /> },
      { label: 'Our accounts', to: '/accounts', icon: <IconBuilding size={16} /> },
      { label: 'Referred leads', to: '/leads', icon: <IconUsers size={16} /> },
      { label: 'Pipeline', to: '/pipeline', icon: <IconBriefcase size={16} /> },
      { label: 'Projects', to: '/projects', icon: <IconRocket size={16} /> },
      { label: 'Invoices', to: '/invoices', icon: <IconCoin size={16} /> },
    ] }];
  }
  return staffSections();
}

/** The menu of a user: only links whose page the role may open, only sections with at least one such link. */
export function navFor(user: SessionUser): NavSection[] {
  return sectionsOf(user)
    .map((s) => ({ ...s, items: s.items.filter((i) => mayFollow(user.role, i.to)) }))
    .filter((s) => s.items.length > 0);
}

/** Home of a user: the persona's workspace, the executive dashboard, the partner dashboard, or the customer's portal. */
export function homeOf(user: SessionUser): string {
  if (user.role === 'customer') return user.accountId ? '/portal' : '/no-account';
  if (user.role === 'partner') return '/partners';
  const home = HOME_OF[user.role];
  return home && mayFollow(user.role, home) ? home : '/dashboard';
}
