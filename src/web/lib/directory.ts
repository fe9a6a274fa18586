// Names of internal users and partners, for owner columns and pickers. Partner and customer users may not read the
// directory (403): they get empty lists and the UI falls back to "—".
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { ROLE_LABELS } from '../../core/access/roles';
import { client, ok, type Schema } from './api';
import { useAuth } from './auth';
import { isInternal } from './permissions';

type DirectoryUser = Schema<'DirectoryUser'>;

export function useDirectory() {
  const { user } = useAuth();
  const enabled = !!user && isInternal(user.role);
  const q = useQuery({
    queryKey: ['directory'],
    queryFn: async () => (await ok(client.GET('/users/directory'))).items,
    enabled, staleTime: 5 * 60_000,
  });
  const byId = useMemo(() => new Map((q.data ?? []).map((u) => [u.id, u])), [q.data]);
  return { users: q.data ?? [], byId, nameOf: (id: string | null | undefined) => (id ? byId.get(id)?.name ?? null : null), isLoading: q.isLoading };
}

export function usePartners() {
  const { user } = useAuth();
  const enabled = !!user && isInternal(user.role);
  const q = useQuery({
    queryKey: ['partners'],
    queryFn: async () => (await ok(client.GET('/partners'))).items,
    enabled, staleTime: 5 * 60_000,
  });
  const byId = useMemo(() => new Map((q.data ?? []).map((p) => [p.id, p])), [q.data]);
  return { partners: q.data ?? [], byId, nameOf: (id: string | null | undefined) => (id ? byId.get(id)?.name ?? null : null), isLoading: q.isLoading };
}

/** Select options of internal users, grouped by role, optionally limited to some roles. */
export function userOptions(users: DirectoryUser[], roles?: string[]) {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const u of users) {
    if (roles && !roles.includes(u.role)) continue;
    const g = ROLE_LABELS[u.role] ?? u.role;
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g)!.push({ value: u.id, label: u.name });
  }
  return [...groups.entries()].map(([group, items]) => ({ group, items }));
}
