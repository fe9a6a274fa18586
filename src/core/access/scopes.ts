// API token scopes: one grammar for the token-creation check, its error messages, the policy of every route
// (`Policy.permission` is typed by this list) and the admin Tokens page.
import { z } from 'zod';
import { isoDateTime } from '../dates';

/**
 * Every permission a route demands, as `resource:action`. A test walks the route registry and fails when a route
 * uses a permission missing here or when one here is used by no route.
 */
export const PERMISSIONS = [
  'accounts:read', 'accounts:write', 'accounts:delete',
  'audit:read',
  'billing:read', 'billing:write',
  'contacts:write',
  'content:read', 'content:write',
  'delivery:read', 'delivery:write',
  'exports:read',
  'imports:read', 'imports:write',
  'kpis:read', 'kpis:write',
  'leads:read', 'leads:write', 'leads:assign', 'leads:convert', 'leads:admin',
  'metrics:read',
  'partners:read',
  'pipeline:read', 'pipeline:write',
  'playbook:read', 'playbook:write',
  'session:read', 'session:write',
  'timeline:write',
  'tokens:read', 'tokens:write',
  'users:read', 'users:write',
  'value:read', 'value:write',
  'webhooks:read', 'webhooks:write',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const split = (s: string) => s.split(':') as [string, string];
const unique = (xs: string[]) => [...new Set(xs)];
export const RESOURCES = unique(PERMISSIONS.map((p) => split(p)[0]));
export const ACTIONS = unique(PERMISSIONS.map((p) => split(p)[1]));

/** `*`, `<resource>:*`, `*:<action>` or a concrete permission; only resources and actions some route uses. */
export function isScope(scope: string): boolean {
  if (scope === '*') return true;
  const [res, act, ...rest] = scope.split(':');
  if (rest.length || act === undefined) return false;
  if (res === '*') return ACTIONS.includes(act);
  if (act === '*') return RESOURCES.includes(res);
  return (PERMISSIONS as readonly string[]).includes(scope);
}

export const SCOPE_GRAMMAR = `*, <resource>:*, *:<action> or a permission; resources: ${RESOURCES.join(', ')}; `
  + `actions: ${ACTIONS.join(', ')}; permissions: ${PERMISSIONS.join(', ')}`;

export const scopeSchema = z.string().max(100).refine(isScope, {
  error: (iss) => `unknown scope "${String(iss.input)}": use ${SCOPE_GRAMMAR}`,
});

/**
 * A token never grants more than its user's role; scopes only narrow it. `*:read` covers every `…:read`,
 * `leads:*` every leads permission.
 */
export function scopeAllows(scopes: readonly string[], permission: string): boolean {
  const [res, act] = split(permission);
  return scopes.some((s) => {
    if (s === '*') return true;
    const [r, a] = split(s);
    return (r === '*' || r === res) && (a === '*' || a === act);
  });
}

export const tokenCreateSchema = z.object({
  name: z.string().trim().min(1).max(100),
  userId: z.uuid().optional(),
  scopes: z.array(scopeSchema).min(1).max(50),
  // Checked when the request is validated: a token that is dead on arrival is a mistake, not a request.
  expiresAt: isoDateTime.nullable().optional()
    .refine((v) => !v || Date.parse(v) > Date.now(), 'must be in the future'),
}).strict();
export type TokenCreate = z.infer<typeof tokenCreateSchema>;

export interface ScopeOption { value: string; resource: string | null; action: string | null }

/** Every grantable scope grouped by resource, wildcards first: what the admin page offers. */
export function scopeGroups(): { group: string; scopes: ScopeOption[] }[] {
  const everything: ScopeOption[] = [
    { value: '*', resource: null, action: null },
    ...ACTIONS.map((a) => ({ value: `*:${a}`, resource: null, action: a })),
  ];
  return [
    { group: '*', scopes: everything },
    ...RESOURCES.map((r) => ({
      group: r,
      scopes: [
        { value: `${r}:*`, resource: r, action: null },
        ...PERMISSIONS.filter((p) => split(p)[0] === r).map((p) => ({ value: p, resource: r, action: split(p)[1] })),
      ],
    })),
  ];
}
