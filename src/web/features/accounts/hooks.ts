// TanStack Query hooks for accounts, contacts and the timeline.
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Audience } from '../../../core/access/audience';
import { api, type CountedPage, type Page } from '../../lib/api';
import type { Account, Contact, SummaryRow, TimelineItem, TimelineKind } from '../../lib/types';

export interface AccountListParams {
  limit: number; cursor?: string; q?: string; segment?: string; lifecycleStage?: string; region?: string;
  ownerId?: string; partnerId?: string; sort?: string; deleted?: 'only';
}

export const accountKeys = {
  all: ['accounts'] as const,
  list: (p: AccountListParams) => ['accounts', 'list', p] as const,
  summary: ['accounts', 'summary'] as const,
  one: (id: string) => ['accounts', 'one', id] as const,
  contacts: (id: string) => ['accounts', 'contacts', id] as const,
  timeline: (id: string, kind?: string) => ['accounts', 'timeline', id, kind ?? 'all'] as const,
};

export function useAccounts(p: AccountListParams, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: accountKeys.list(p),
    queryFn: ({ signal }) => api.get<CountedPage<Account>>('/accounts', { ...p }, signal),
    placeholderData: keepPreviousData,
    enabled: opts.enabled,
  });
}

export function useSummary() {
  return useQuery({ queryKey: accountKeys.summary, queryFn: async () => (await api.get<{ items: SummaryRow[] }>('/accounts/summary')).items });
}

export function useAccount(id: string) {
  return useQuery({
    queryKey: accountKeys.one(id),
    queryFn: ({ signal }) => api.get<Account>(`/accounts/${encodeURIComponent(id)}`, undefined, signal),
    retry: (n, e) => (e as { status?: number }).status !== 404 && (e as { status?: number }).status !== 422 && n < 2,
  });
}

export function useCreateAccount() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<Account>) => api.post<Account>('/accounts', input),
    onSuccess: (a) => { qc.invalidateQueries({ queryKey: accountKeys.all }); qc.setQueryData(accountKeys.one(a.id), a); },
  });
}

export function useUpdateAccount(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: Partial<Account> & { version: number }) => api.patch<Account>(`/accounts/${id}`, patch),
    onSuccess: (a) => {
      qc.setQueryData(accountKeys.one(id), a);
      qc.invalidateQueries({ queryKey: ['accounts', 'list'] });
      qc.invalidateQueries({ queryKey: accountKeys.summary });
      qc.invalidateQueries({ queryKey: ['accounts', 'timeline', id] });
    },
  });
}

export function useDeleteAccount() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.del(`/accounts/${id}`),
    // The 360 page navigates away first; then the deleted account leaves the cache (see Account360Page).
    onSuccess: () => { qc.invalidateQueries({ queryKey: ['accounts', 'list'] }); qc.invalidateQueries({ queryKey: accountKeys.summary }); },
  });
}

export function useRestoreAccount() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<Account>(`/accounts/${id}/restore`),
    onSuccess: () => qc.invalidateQueries({ queryKey: accountKeys.all }),
  });
}

export function useContacts(accountId: string) {
  return useQuery({
    queryKey: accountKeys.contacts(accountId),
    queryFn: async () => (await api.get<Page<Contact>>(`/accounts/${accountId}/contacts`)).items,
  });
}

export type ContactInput = Partial<Omit<Contact, 'id' | 'accountId' | 'createdAt' | 'updatedAt'>>;

export function useSaveContact(accountId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: ContactInput & { id?: string }) => (id
      ? api.patch<Contact>(`/contacts/${id}`, input)
      : api.post<Contact>(`/accounts/${accountId}/contacts`, input)),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: accountKeys.contacts(accountId) });
      qc.invalidateQueries({ queryKey: ['accounts', 'timeline', accountId] });
    },
  });
}

export function useDeleteContact(accountId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.del(`/contacts/${id}`),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: accountKeys.contacts(accountId) });
      qc.invalidateQueries({ queryKey: ['accounts', 'timeline', accountId] });
    },
  });
}

export function useTimeline(accountId: string, kind?: TimelineKind, limit = 20) {
  return useInfiniteQuery({
    queryKey: accountKeys.timeline(accountId, kind),
    queryFn: ({ pageParam, signal }) => api.get<Page<TimelineItem>>(`/accounts/${accountId}/timeline`, { limit, kind, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useLogActivity(accountId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { kind: string; subject: string; body?: string | null; occurredAt?: string; audience?: Audience }) =>
      api.post<unknown>(`/accounts/${accountId}/activities`, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['accounts', 'timeline', accountId] }),
  });
}

/** Publish a timeline entry to the partner or the customer, or take it back to internal. */
export function useSetActivityAudience(accountId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: { id: string; version: number; audience: Audience }) => api.patch<unknown>(`/activities/${id}`, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['accounts', 'timeline', accountId] }),
  });
}

export function useSetReminder(accountId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { at: string; note: string }) => api.post<{ id: string; dueAt: string; note: string; status: string }>(`/accounts/${accountId}/reminders`, input),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['accounts', 'timeline', accountId] });
      qc.invalidateQueries({ queryKey: ['accounts', 'reminders', accountId] });
    },
  });
}

export interface PendingReminder { id: string; dueAt: string; note: string; byName: string | null }
export function usePendingReminders(accountId: string) {
  return useQuery({
    queryKey: ['accounts', 'reminders', accountId],
    queryFn: async () => (await api.get<{ items: PendingReminder[] }>(`/accounts/${accountId}/reminders`)).items,
  });
}
