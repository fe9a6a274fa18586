// TanStack Query hooks for accounts, contacts and the timeline.
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Audience } from '../../../core/access/audience';
import type { paths } from '../../../client';
import { client, ok, type BodyOf, type Schema } from '../../lib/api';
import type { TimelineKind } from '../../lib/types';

export type Account = Schema<'Account'>;
export type Contact = Schema<'Contact'>;
export type TimelineItem = Schema<'TimelineItem'>;
export type PendingReminder = Schema<'PendingReminder'>;
export type AccountListParams = NonNullable<paths['/accounts']['get']['parameters']['query']> & { limit: number };
export type AccountCreate = BodyOf<'/accounts', 'post'>;
export type AccountUpdate = BodyOf<'/accounts/{id}', 'patch'>;
export type ContactInput = BodyOf<'/accounts/{id}/contacts', 'post'>;

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
    queryFn: ({ signal }) => ok(client.GET('/accounts', { params: { query: p }, signal })),
    placeholderData: keepPreviousData,
    enabled: opts.enabled,
  });
}

export function useSummary() {
  return useQuery({ queryKey: accountKeys.summary, queryFn: async () => (await ok(client.GET('/accounts/summary'))).items });
}

export function useAccount(id: string) {
  return useQuery({
    queryKey: accountKeys.one(id),
    queryFn: ({ signal }) => ok(client.GET('/accounts/{id}', { params: { path: { id } }, signal })),
    retry: (n, e) => (e as { status?: number }).status !== 404 && (e as { status?: number }).status !== 422 && n < 2,
  });
}

export function useCreateAccount() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AccountCreate) => ok(client.POST('/accounts', { body })),
    onSuccess: (a) => { qc.invalidateQueries({ queryKey: accountKeys.all }); qc.setQueryData(accountKeys.one(a.id), a); },
  });
}

export function useUpdateAccount(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AccountUpdate) => ok(client.PATCH('/accounts/{id}', { params: { path: { id } }, body })),
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
    mutationFn: (id: string) => ok(client.DELETE('/accounts/{id}', { params: { path: { id } } })),
    // The 360 page navigates away first; then the deleted account leaves the cache (see Account360Page).
    onSuccess: () => { qc.invalidateQueries({ queryKey: ['accounts', 'list'] }); qc.invalidateQueries({ queryKey: accountKeys.summary }); },
  });
}

export function useRestoreAccount() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => ok(client.POST('/accounts/{id}/restore', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: accountKeys.all }),
  });
}

export function useContacts(accountId: string) {
  return useQuery({
    queryKey: accountKeys.contacts(accountId),
    queryFn: async () => (await ok(client.GET('/accounts/{id}/contacts', { params: { path: { id: accountId } } }))).items,
  });
}

export function useSaveContact(accountId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, ...body }: ContactInput & { id?: string; version?: number }) => (id
      ? ok(client.PATCH('/contacts/{id}', { params: { path: { id } }, body: { ...body, version: version ?? 0 } }))
      : ok(client.POST('/accounts/{id}/contacts', { params: { path: { id: accountId } }, body }))),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: accountKeys.contacts(accountId) });
      qc.invalidateQueries({ queryKey: ['accounts', 'timeline', accountId] });
    },
  });
}

export function useDeleteContact(accountId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => ok(client.DELETE('/contacts/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: accountKeys.contacts(accountId) });
      qc.invalidateQueries({ queryKey: ['accounts', 'timeline', accountId] });
    },
  });
}

export function useTimeline(accountId: string, kind?: TimelineKind, limit = 20) {
  return useInfiniteQuery({
    queryKey: accountKeys.timeline(accountId, kind),
    queryFn: ({ pageParam, signal }) => ok(client.GET('/accounts/{id}/timeline', { params: { path: { id: accountId }, query: { limit, kind, cursor: pageParam } }, signal })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useLogActivity(accountId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'/accounts/{id}/activities', 'post'>) =>
      ok(client.POST('/accounts/{id}/activities', { params: { path: { id: accountId } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['accounts', 'timeline', accountId] }),
  });
}

/** Publish a timeline entry to the partner or the customer, or take it back to internal. */
export function useSetActivityAudience(accountId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; version: number; audience: Audience }) => ok(client.PATCH('/activities/{id}', { params: { path: { id } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['accounts', 'timeline', accountId] }),
  });
}

export function useSetReminder(accountId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { at: string; note: string }) => ok(client.POST('/accounts/{id}/reminders', { params: { path: { id: accountId } }, body })),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['accounts', 'timeline', accountId] });
      qc.invalidateQueries({ queryKey: ['accounts', 'reminders', accountId] });
    },
  });
}

export function usePendingReminders(accountId: string) {
  return useQuery({
    queryKey: ['accounts', 'reminders', accountId],
    queryFn: async () => (await ok(client.GET('/accounts/{id}/reminders', { params: { path: { id: accountId } } }))).items,
  });
}
