// TanStack Query hooks for the admin surface: users, API tokens, audit log, playbook, webhooks.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../lib/api';
import type { ApiToken, AuditEntry, PlaybookDoc, PlaybookVersion, User, Webhook, WebhookDelivery } from '../../lib/types';

export function useUsers() {
  return useQuery({ queryKey: ['admin', 'users'], queryFn: async () => (await api.get<Page<User>>('/users')).items });
}

export function useSaveUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: Record<string, unknown> & { id?: string }) => (id ? api.patch<User>(`/users/${id}`, body) : api.post<User>('/users', body)),
    onSuccess: () => { qc.invalidateQueries({ queryKey: ['admin', 'users'] }); qc.invalidateQueries({ queryKey: ['directory'] }); },
  });
}

export function useTokens() {
  return useQuery({ queryKey: ['admin', 'tokens'], queryFn: async () => (await api.get<Page<ApiToken>>('/tokens')).items });
}
export function useCreateToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; scopes: string[]; expiresAt?: string | null }) => api.post<ApiToken>('/tokens', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['admin', 'tokens'] }),
  });
}
export function useRevokeToken() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (id: string) => api.del<ApiToken>(`/tokens/${id}`), onSuccess: () => qc.invalidateQueries({ queryKey: ['admin', 'tokens'] }) });
}

export function useAuditLog(filter: { entityType?: string; actorId?: string; entityId?: string }) {
  return useInfiniteQuery({
    queryKey: ['admin', 'audit', filter],
    queryFn: ({ pageParam, signal }) => api.get<Page<AuditEntry>>('/audit', { ...filter, limit: 50, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function usePlaybook() {
  return useQuery({ queryKey: ['playbook'], queryFn: () => api.get<PlaybookDoc>('/playbook'), staleTime: 0 });
}
export function usePlaybookVersions() {
  return useQuery({ queryKey: ['playbook', 'versions'], queryFn: async () => (await api.get<Page<PlaybookVersion>>('/playbook/versions')).items });
}
export function useSavePlaybook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { baseVersion: number; note?: string; playbook: unknown }) => api.put<PlaybookDoc>('/playbook', body),
    onSuccess: (doc) => { qc.setQueryData(['playbook'], doc); qc.invalidateQueries({ queryKey: ['playbook', 'versions'] }); },
  });
}

export function useWebhooks() {
  return useQuery({ queryKey: ['admin', 'webhooks'], queryFn: async () => (await api.get<Page<Webhook>>('/webhooks')).items });
}
export function useCreateWebhook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { url: string; description?: string; events: string[] }) => api.post<Webhook>('/webhooks', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['admin', 'webhooks'] }),
  });
}
export function useUpdateWebhook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; version: number; active?: boolean; url?: string; description?: string; events?: string[] }) => api.patch<Webhook>(`/webhooks/${id}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['admin', 'webhooks'] }),
  });
}
export function useDeleteWebhook() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (id: string) => api.del(`/webhooks/${id}`), onSuccess: () => qc.invalidateQueries({ queryKey: ['admin', 'webhooks'] }) });
}
export function useDeliveries(id: string | null) {
  return useQuery({
    queryKey: ['admin', 'webhooks', id, 'deliveries'], enabled: !!id,
    queryFn: async () => (await api.get<Page<WebhookDelivery>>(`/webhooks/${id}/deliveries`)).items,
    refetchInterval: 10_000,
  });
}
