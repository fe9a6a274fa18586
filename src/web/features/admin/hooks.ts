// TanStack Query hooks for the admin surface: users, API tokens, audit log, playbook, webhooks.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, ok, type BodyOf, type Schema } from '../../lib/api';

export type User = Schema<'User'>;
export type ApiToken = Schema<'ApiTokenListed'>;
export type PlaybookDoc = Schema<'PlaybookVersion'>;
type UserCreate = BodyOf<'/users', 'post'>;
export type UserUpdate = BodyOf<'/users/{id}', 'patch'>;

export function useUsers() {
  return useQuery({ queryKey: ['admin', 'users'], queryFn: async () => (await ok(client.GET('/users'))).items });
}

export function useSaveUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ({ id: string } & UserUpdate) | ({ id?: undefined } & UserCreate)) => {
      if (input.id === undefined) { const { id: _, ...body } = input; return ok(client.POST('/users', { body })); }
      const { id, ...body } = input;
      return ok(client.PATCH('/users/{id}', { params: { path: { id } }, body }));
    },
    onSuccess: () => { qc.invalidateQueries({ queryKey: ['admin', 'users'] }); qc.invalidateQueries({ queryKey: ['directory'] }); },
  });
}

export function useTokens() {
  return useQuery({ queryKey: ['admin', 'tokens'], queryFn: async () => (await ok(client.GET('/tokens'))).items });
}
export function useCreateToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'/tokens', 'post'>) => ok(client.POST('/tokens', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['admin', 'tokens'] }),
  });
}
export function useRevokeToken() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (id: string) => ok(client.DELETE('/tokens/{id}', { params: { path: { id } } })), onSuccess: () => qc.invalidateQueries({ queryKey: ['admin', 'tokens'] }) });
}

export function useAuditLog(filter: { entityType?: string; actorId?: string; entityId?: string }) {
  return useInfiniteQuery({
    queryKey: ['admin', 'audit', filter],
    queryFn: ({ pageParam, signal }) => ok(client.GET('/audit', { params: { query: { ...filter, limit: 50, cursor: pageParam } }, signal })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function usePlaybook() {
  return useQuery({ queryKey: ['playbook'], queryFn: () => ok(client.GET('/playbook')), staleTime: 0 });
}
export function usePlaybookVersions() {
  return useQuery({ queryKey: ['playbook', 'versions'], queryFn: async () => (await ok(client.GET('/playbook/versions'))).items });
}
export function useSavePlaybook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'/playbook', 'put'>) => ok(client.PUT('/playbook', { body })),
    onSuccess: (doc) => { qc.setQueryData(['playbook'], doc); qc.invalidateQueries({ queryKey: ['playbook', 'versions'] }); },
  });
}

export function useWebhooks() {
  return useQuery({ queryKey: ['admin', 'webhooks'], queryFn: async () => (await ok(client.GET('/webhooks'))).items });
}
export function useCreateWebhook() {
  const qc = useQueryClient();
  return useMutation({
    // Event names are checked by the server (a 422 names an unknown one); the page offers the catalogue's.
    mutationFn: (body: Omit<BodyOf<'/webhooks', 'post'>, 'events'> & { events: string[] }) =>
      ok(client.POST('/webhooks', { body: body as BodyOf<'/webhooks', 'post'> })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['admin', 'webhooks'] }),
  });
}
export function useUpdateWebhook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & Omit<BodyOf<'/webhooks/{id}', 'patch'>, 'events'> & { events?: string[] }) =>
      ok(client.PATCH('/webhooks/{id}', { params: { path: { id } }, body: body as BodyOf<'/webhooks/{id}', 'patch'> })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['admin', 'webhooks'] }),
  });
}
export function useDeleteWebhook() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (id: string) => ok(client.DELETE('/webhooks/{id}', { params: { path: { id } } })), onSuccess: () => qc.invalidateQueries({ queryKey: ['admin', 'webhooks'] }) });
}
export function useDeliveries(id: string | null) {
  return useQuery({
    queryKey: ['admin', 'webhooks', id, 'deliveries'], enabled: !!id,
    queryFn: async () => (await ok(client.GET('/webhooks/{id}/deliveries', { params: { path: { id: id! } } }))).items,
    refetchInterval: 10_000,
  });
}
