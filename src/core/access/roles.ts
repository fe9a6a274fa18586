// Who exists in the product. Internal roles see every account; partner and customer users are row-scoped.
export const ROLES = [
  'admin', 'executive', 'sales', 'sdr', 'delivery', 'finance', 'csm', 'support', 'partner', 'customer',
] as const;
export type Role = (typeof ROLES)[number];

export const INTERNAL_ROLES: Role[] = ROLES.filter((r) => r !== 'partner' && r !== 'customer');

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator', executive: 'Executive', sales: 'Sales (AE)', sdr: 'Sales development (SDR)',
  delivery: 'Delivery', finance: 'Finance', csm: 'Customer success', support: 'Support',
  partner: 'Partner', customer: 'Customer',
};

/** Whose rows an actor may see: everything, one partner's accounts, or one account. */
export type RowScope = { kind: 'all' } | { kind: 'partner'; partnerId: string } | { kind: 'account'; accountId: string };

export function rowScopeFor(actor: { role: Role; partnerId: string | null; accountId: string | null }): RowScope {
  if (actor.role === 'partner') return { kind: 'partner', partnerId: actor.partnerId ?? '00000000-0000-0000-0000-000000000000' };
  if (actor.role === 'customer') return { kind: 'account', accountId: actor.accountId ?? '00000000-0000-0000-0000-000000000000' };
  return { kind: 'all' };
}
