// TanStack Query hooks of the value graph: overview (opportunity, hypothesis, commitment), risk, artifacts.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role } from '../../../core/access/roles';
import type { CommitmentEdit, DiscoveryInput, HypothesisEdit } from '../../../core/value';
import { client, ok, type Schema } from '../../lib/api';

export type Hypothesis = Schema<'ValueHypothesis'>;
export type Commitment = Schema<'ValueCommitment'>;
export type ValueOverview = Schema<'ValueOverview'>;
export type Artifact = Schema<'AgentArtifact'>;

// Mirrors server/modules/value/value.policy.ts (the server stays the authority).
export const canWriteValue = (r: Role) => (['admin', 'executive', 'sales', 'sdr', 'delivery', 'partner'] as Role[]).includes(r);
export const canAcceptValue = (r: Role) => (['admin', 'executive', 'sales'] as Role[]).includes(r);

export const valueKeys = {
  all: (id: string) => ['value', id] as const,
  overview: (id: string) => ['value', id, 'overview'] as const,
  risk: (id: string) => ['value', id, 'risk'] as const,
  artifacts: (id: string) => ['value', id, 'artifacts'] as const,
};
export const proposalUrl = (id: string) => `/api/opportunities/${encodeURIComponent(id)}/value/proposal.pdf`;
const path = (id: string) => ({ params: { path: { id } } });

const noRetryOn4xx = (n: number, e: unknown) => { const s = (e as { status?: number }).status ?? 0; return !(s >= 400 && s < 500) && n < 2; };

export function useValueOverview(id: string) {
  return useQuery({ queryKey: valueKeys.overview(id), queryFn: ({ signal }) => ok(client.GET('/opportunities/{id}/value', { ...path(id), signal })), retry: noRetryOn4xx });
}
export function useDealRisk(id: string) {
  return useQuery({ queryKey: valueKeys.risk(id), queryFn: ({ signal }) => ok(client.GET('/opportunities/{id}/value/risk', { ...path(id), signal })), retry: noRetryOn4xx });
}
export function useArtifacts(id: string) {
  return useQuery({ queryKey: valueKeys.artifacts(id), queryFn: ({ signal }) => ok(client.GET('/opportunities/{id}/value/artifacts', { params: { path: { id }, query: { limit: 100 } }, signal })), retry: noRetryOn4xx });
}

function useValueMutation<I, O>(id: string, fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: valueKeys.all(id) }) });
}
export const useGenerateHypothesis = (id: string) => useValueMutation(id, (body: DiscoveryInput) => ok(client.POST('/opportunities/{id}/value/hypothesis/generate', { ...path(id), body })));
export const useUpdateHypothesis = (id: string) => useValueMutation(id, (body: HypothesisEdit) => ok(client.PATCH('/opportunities/{id}/value/hypothesis', { ...path(id), body })));
export const useAcceptHypothesis = (id: string) => useValueMutation(id, (version: number) => ok(client.POST('/opportunities/{id}/value/hypothesis/accept', { ...path(id), body: { version } })));
export const useGenerateCommitment = (id: string) => useValueMutation(id, () => ok(client.POST('/opportunities/{id}/value/commitment/generate', path(id))));
export const useUpdateCommitment = (id: string) => useValueMutation(id, (body: CommitmentEdit) => ok(client.PATCH('/opportunities/{id}/value/commitment', { ...path(id), body })));
export const useAcceptCommitment = (id: string) => useValueMutation(id, (version: number) => ok(client.POST('/opportunities/{id}/value/commitment/accept', { ...path(id), body: { version } })));
export const useDecideArtifact = (id: string) => useValueMutation(id, (d: { artifactId: string; accept: boolean; reason?: string }) => (d.accept
  ? ok(client.POST('/value/artifacts/{id}/accept', path(d.artifactId)))
  : ok(client.POST('/value/artifacts/{id}/reject', { ...path(d.artifactId), body: { reason: d.reason ?? '' } }))));
