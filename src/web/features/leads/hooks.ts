// TanStack Query hooks for leads, their activities, duplicates, forms and the model.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Playbook } from '../../../core/playbook';
import { api, type Page } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { isInternal } from '../../lib/permissions';
import type { DuplicateLead, Lead, LeadActivity, LeadForm, ModelStatus } from './types';

export type LeadQuery = Record<string, string | number | undefined>;

export function useLeads(kind: 'inbox' | 'all', q: LeadQuery) {
  return useQuery({
    queryKey: ['leads', kind, q],
    queryFn: ({ signal }) => api.get<Page<Lead>>(kind === 'inbox' ? '/leads/inbox' : '/leads', q, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
}

export function useLead(id: string) {
  return useQuery({
    queryKey: ['leads', 'one', id],
    queryFn: ({ signal }) => api.get<Lead>(`/leads/${encodeURIComponent(id)}`, undefined, signal),
    retry: (n, e) => ![400, 404, 422].includes((e as { status?: number }).status ?? 0) && n < 2,
  });
}

export function useLeadActivities(id: string) {
  return useQuery({ queryKey: ['leads', 'activities', id], queryFn: async () => (await api.get<Page<LeadActivity>>(`/leads/${id}/activities`, { limit: 100 })).items });
}

export function useDuplicates(id: string, enabled = true) {
  return useQuery({ queryKey: ['leads', 'duplicates', id], enabled, queryFn: () => api.get<{ items: DuplicateLead[]; accounts: { id: string; name: string; domain: string }[] }>(`/leads/${id}/duplicates`) });
}

/** The active playbook (internal users): BANT questions, sources, reasons. */
export function usePlaybook() {
  const { user } = useAuth();
  return useQuery({
    // Same key and same document as the admin editor's query (the cache holds one shape per key); select narrows it.
    queryKey: ['playbook'], enabled: !!user && isInternal(user.role), staleTime: 60_000,
    queryFn: () => api.get<{ version: number; playbook: Playbook }>('/playbook'),
    select: (doc) => doc.playbook,
  });
}

export function useModelStatus(enabled = true) {
  return useQuery({ queryKey: ['leads', 'model'], enabled, queryFn: () => api.get<ModelStatus>('/leads/model'), staleTime: 60_000 });
}

export function useLeadForms() {
  return useQuery({ queryKey: ['lead-forms'], queryFn: async () => (await api.get<Page<LeadForm>>('/lead-forms')).items });
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
    mutationFn: (input: Record<string, unknown>) => api.post<Lead & { possibleDuplicates: { id: string; match: string }[] }>('/leads', input),
    onSuccess: () => { qc.invalidateQueries({ queryKey: ['leads'] }); },
  });
}

/** The current time, re-rendered every `ms` (live SLA countdowns). */
export function useNow(ms = 1000) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => { const t = setInterval(() => setNow(Date.now()), ms); return () => clearInterval(t); }, [ms]);
  return now;
}
