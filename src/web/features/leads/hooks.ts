// TanStack Query hooks for leads, their activities, duplicates, forms and the model.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Playbook } from '../../../core/playbook';
import { client, ok, type BodyOf, type Schema } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { isInternal } from '../../lib/permissions';

export type Lead = Schema<'LeadWithBantCheck'>;
export type LeadQuery = { status?: Schema<'LeadStatus'>; source?: string; ownerId?: string; priority?: Schema<'LeadPriority'>; q?: string; limit?: number; cursor?: string };

export function useLeads(kind: 'inbox' | 'all', q: LeadQuery) {
  return useQuery({
    queryKey: ['leads', kind, q],
    queryFn: ({ signal }) => (kind === 'inbox'
      ? ok(client.GET('/leads/inbox', { params: { query: { ...q, status: q.status === 'disqualified' || q.status === 'converted' ? undefined : q.status } }, signal }))
      : ok(client.GET('/leads', { params: { query: q }, signal }))),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
}

export function useLead(id: string) {
  return useQuery({
    queryKey: ['leads', 'one', id],
    queryFn: ({ signal }) => ok(client.GET('/leads/{id}', { params: { path: { id } }, signal })),
    retry: (n, e) => ![400, 404, 422].includes((e as { status?: number }).status ?? 0) && n < 2,
  });
}

export function useLeadActivities(id: string) {
  return useQuery({ queryKey: ['leads', 'activities', id], queryFn: async () => (await ok(client.GET('/leads/{id}/activities', { params: { path: { id }, query: { limit: 100 } } }))).items });
}

export function useDuplicates(id: string, enabled = true) {
  return useQuery({ queryKey: ['leads', 'duplicates', id], enabled, queryFn: () => ok(client.GET('/leads/{id}/duplicates', { params: { path: { id } } })) });
}

/** The active playbook (internal users): BANT questions, sources, reasons. */
export function usePlaybook() {
  const { user } = useAuth();
  return useQuery({
    // Same key and same document as the admin editor's query (the cache holds one shape per key); select narrows it.
    queryKey: ['playbook'], enabled: !!user && isInternal(user.role), staleTime: 60_000,
    queryFn: () => ok(client.GET('/playbook')),
    // The document's playbook is the one core type checks (core/playbook); the generated type is its JSON form.
    select: (doc) => doc.playbook as unknown as Playbook,
  });
}

export function useModelStatus(enabled = true) {
  return useQuery({ queryKey: ['leads', 'model'], enabled, queryFn: () => ok(client.GET('/leads/model')), staleTime: 60_000 });
}

export function useLeadForms() {
  return useQuery({ queryKey: ['lead-forms'], queryFn: async () => (await ok(client.GET('/lead-forms'))).items });
}

/** Any lead mutation: refresh the lead, its activities and the lists. */
export function useLeadMutation<I, O = Lead>(id: string, fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['leads', 'one', id] });
      qc.invalidateQueries({ queryKey: ['leads', 'activities', id] });
      qc.invalidateQueries({ queryKey: ['leads', 'duplicates', id] });
      qc.invalidateQueries({ queryKey: ['leads', 'inbox'] });
      qc.invalidateQueries({ queryKey: ['leads', 'all'] });
    },
  });
}

export function useCreateLead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'/leads', 'post'>) => ok(client.POST('/leads', { body })),
    onSuccess: () => { qc.invalidateQueries({ queryKey: ['leads'] }); },
  });
}

export const leadName = (l: Pick<Lead, 'firstName' | 'lastName' | 'email'>) =>
  [l.firstName, l.lastName].filter(Boolean).join(' ') || l.email || 'Unnamed lead';

/** The current time, re-rendered every `ms` (live SLA countdowns). */
export function useNow(ms = 1000) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => { const t = setInterval(() => setNow(Date.now()), ms); return () => clearInterval(t); }, [ms]);
  return now;
}
