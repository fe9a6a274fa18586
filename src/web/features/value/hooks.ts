// TanStack Query hooks of the value graph: overview (opportunity, hypothesis, commitment), risk, artifacts.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role } from '../../../core/access/roles';
import type { CommitmentEdit, DiscoveryInput, HypothesisEdit, HypothesisModel, HypothesisResults, Kpi, RiskAssessment, SuccessCriterion } from '../../../core/value';
import { api, type Page } from '../../lib/api';

export interface Hypothesis {
  id: string; opportunityId: string; accountId: string; status: 'draft' | 'accepted'; version: number;
  model: HypothesisModel; results: HypothesisResults; narrative: string; artifactId: string | null;
  acceptedBy: string | null; acceptedAt: string | null; updatedAt: string;
}
export interface Commitment {
  id: string; opportunityId: string; status: 'draft' | 'accepted'; version: number; kpis: Kpi[]; successCriteria: SuccessCriterion[];
  artifactId: string | null; acceptedAt: string | null;
}
export interface ValueOverview {
  opportunity: { id: string; name: string; stage: string; amount: number; currency: string; closeDate: string | null; accountId: string };
  account: { id: string; name: string; segment: string; servers: number; industry: string | null };
  contacts: { id: string; name: string; roles: string[]; title: string | null }[];
  hypothesis: Hypothesis | null;
  commitment: Commitment | null;
}
export interface Artifact {
  id: string; agent: 'architect' | 'committer' | 'executor' | 'amplifier'; entityType: string; entityId: string;
  inputs: Record<string, unknown>; outputs: Record<string, unknown>; narrative: string; status: 'draft' | 'accepted' | 'rejected';
  createdAt: string; createdBy: string | null; acceptedBy: string | null; acceptedAt: string | null; rejectedAt: string | null; rejectionReason: string | null;
}

// Mirrors server/modules/value/value.policy.ts (the server stays the authority).
export const canWriteValue = (r: Role) => (['admin', 'executive', 'sales', 'sdr', 'delivery', 'partner'] as Role[]).includes(r);
export const canAcceptValue = (r: Role) => (['admin', 'executive', 'sales'] as Role[]).includes(r);

export const valueKeys = {
  all: (id: string) => ['value', id] as const,
  overview: (id: string) => ['value', id, 'overview'] as const,
  risk: (id: string) => ['value', id, 'risk'] as const,
  artifacts: (id: string) => ['value', id, 'artifacts'] as const,
};
const base = (id: string) => `/opportunities/${encodeURIComponent(id)}/value`;
export const proposalUrl = (id: string) => `/api${base(id)}/proposal.pdf`;

const noRetryOn4xx = (n: number, e: unknown) => { const s = (e as { status?: number }).status ?? 0; return !(s >= 400 && s < 500) && n < 2; };

export function useValueOverview(id: string) {
  return useQuery({ queryKey: valueKeys.overview(id), queryFn: ({ signal }) => api.get<ValueOverview>(base(id), undefined, signal), retry: noRetryOn4xx });
}
export function useDealRisk(id: string) {
  return useQuery({ queryKey: valueKeys.risk(id), queryFn: ({ signal }) => api.get<RiskAssessment>(`${base(id)}/risk`, undefined, signal), retry: noRetryOn4xx });
}
export function useArtifacts(id: string) {
  return useQuery({ queryKey: valueKeys.artifacts(id), queryFn: ({ signal }) => api.get<Page<Artifact>>(`${base(id)}/artifacts`, { limit: 100 }, signal), retry: noRetryOn4xx });
}

function useValueMutation<I, O>(id: string, fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: valueKeys.all(id) }) });
}
export const useGenerateHypothesis = (id: string) => useValueMutation(id, (d: DiscoveryInput) => api.post<Hypothesis>(`${base(id)}/hypothesis/generate`, d));
export const useUpdateHypothesis = (id: string) => useValueMutation(id, (e: HypothesisEdit) => api.patch<Hypothesis>(`${base(id)}/hypothesis`, e));
export const useAcceptHypothesis = (id: string) => useValueMutation(id, (version: number) => api.post<Hypothesis>(`${base(id)}/hypothesis/accept`, { version }));
export const useGenerateCommitment = (id: string) => useValueMutation(id, () => api.post<Commitment>(`${base(id)}/commitment/generate`));
export const useUpdateCommitment = (id: string) => useValueMutation(id, (e: CommitmentEdit) => api.patch<Commitment>(`${base(id)}/commitment`, e));
export const useAcceptCommitment = (id: string) => useValueMutation(id, (version: number) => api.post<Commitment>(`${base(id)}/commitment/accept`, { version }));
export const useDecideArtifact = (id: string) => useValueMutation(id, (d: { artifactId: string; accept: boolean; reason?: string }) =>
  api.post<Artifact>(`/value/artifacts/${d.artifactId}/${d.accept ? 'accept' : 'reject'}`, d.accept ? undefined : { reason: d.reason }));
