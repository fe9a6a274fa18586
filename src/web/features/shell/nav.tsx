// Navigation by persona (DESIGN §1). Sections a role cannot use are not shown; partner and customer users get
// their own short menus.
import type { ReactNode } from 'react';
import type { Role } from '../../../core/access/roles';
import type { SessionUser } from '../../lib/types';
import {
  IconBook, IconBriefcase, IconBuilding, IconCoin, IconDashboard, IconHandshake, IconHeart, IconHistory, IconKey,
  IconLifebuoy, IconRocket, IconShield, IconStar, IconTrash, IconUsers, IconWebhook,
} from '../../ui/Icons';

export interface NavItem { label: string; to: string; icon?: ReactNode }
export interface NavSection { key: string; label: string; icon: ReactNode; items: NavItem[] }

const PERSONA_OF: Partial<Record<Role, string>> = {
  admin: 'admin', executive: 'executive', sales: 'sales', sdr: 'sales', delivery: 'delivery', finance: 'finance', csm: 'success', support: 'support',
};
export const personaOf = (role: Role) => PERSONA_OF[role] ?? 'executive';
/** Who may open the finance pages (the billing API's `finance` policy). */
const FINANCE_ROLES: Role[] = ['admin', 'executive', 'finance'];

export function navFor(user: SessionUser): NavSection[] {
  if (user.role === 'customer') {
    return [{ key: 'portal', label: 'My account', icon: <IconBuilding />, items: [
      { label: 'My project', to: '/portal', icon: <IconRocket size={16} /> },
      { label: 'Invoices', to: '/invoices', icon: <IconCoin size={16} /> },
      { label: 'Value (KPIs)', to: '/value', icon: <IconStar size={16} /> },
      { label: 'Account overview', to: user.accountId ? `/accounts/${user.accountId}` : '/', icon: <IconBuilding size={16} /> },
      { label: 'Timeline', to: user.accountId ? `/accounts/${user.accountId}?tab=timeline` : '/', icon: <IconHistory size={16} /> },
    ] }];
  }
  if (user.role === 'partner') {
    return [{ key: 'partners', label: 'Partners', icon: <IconHandshake />, items: [
      { label: 'Partner dashboard', to: '/partners', icon: <IconDashboard size={16} /> },
      { label: 'Our accounts', to: '/accounts', icon: <IconBuilding size={16} /> },
      { label: 'Referred leads', to: '/leads', icon: <IconUsers size={16} /> },
      { label: 'Pipeline', to: '/pipeline', icon: <IconBriefcase size={16} /> },
      { label: 'Projects', to: '/projects', icon: <IconRocket size={16} /> },
    ] }];
  }
  const sections: NavSection[] = [
    { key: 'executive', label: 'Executive', icon: <IconDashboard />, items: [
      { label: 'Dashboard', to: '/dashboard' },
      { label: 'All accounts', to: '/accounts' },
    ] },
    { key: 'sales', label: 'Sales', icon: <IconBriefcase />, items: [
      { label: 'Sales dashboard', to: '/sales/dashboard' },
      { label: 'Lead inbox', to: '/leads' },
      { label: 'Pipeline', to: '/pipeline' },
      { label: 'Forecast', to: '/forecast' },
      { label: 'Content library', to: '/content' },
      { label: 'Import & export', to: '/imports' },
      { label: 'Sales workspace', to: '/workspace/sales' },
      { label: 'Pre-sale accounts', to: '/accounts?lifecycleStage=prospect&sort=-updatedAt' },
    ] },
    { key: 'delivery', label: 'Delivery', icon: <IconRocket />, items: [
      { label: 'Delivery Command', to: '/delivery' },
      { label: 'Projects', to: '/projects' },
      { label: 'Delivery workspace', to: '/workspace/delivery' },
      { label: 'In implementation', to: '/accounts?lifecycleStage=implementation' },
    ] },
    { key: 'finance', label: 'Finance', icon: <IconCoin />, items: [
      ...(FINANCE_ROLES.includes(user.role) ? [
        { label: 'Invoices', to: '/invoices' },
        { label: 'Aging & DSO', to: '/finance/aging' },
        { label: 'Dunning', to: '/finance/dunning' },
      ] : []),
      { label: 'Finance workspace', to: '/workspace/finance' },
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
  ];
  if (user.role === 'admin') {
    sections.push({ key: 'admin', label: 'Admin', icon: <IconShield />, items: [
      { label: 'Users', to: '/admin/users', icon: <IconUsers size={16} /> },
      { label: 'API tokens', to: '/admin/tokens', icon: <IconKey size={16} /> },
      { label: 'Playbook', to: '/admin/playbook', icon: <IconBook size={16} /> },
      { label: 'Webhooks', to: '/admin/webhooks', icon: <IconWebhook size={16} /> },
      { label: 'Audit log', to: '/admin/audit', icon: <IconHistory size={16} /> },
      { label: 'Deleted accounts', to: '/admin/deleted-accounts', icon: <IconTrash size={16} /> },
    ] });
  }
  return sections;
}

/** Home of a user: the executive dashboard, the partner dashboard, or the customer's portal. */
export function homeOf(user: SessionUser): string {
  if (user.role === 'customer') return user.accountId ? '/portal' : '/no-account';
  if (user.role === 'partner') return '/partners';
  return '/dashboard';
}
