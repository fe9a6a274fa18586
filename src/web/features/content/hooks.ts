// The content library API (GET/POST/PATCH/DELETE /content).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../lib/api';

export const CONTENT_KINDS = ['objection_response', 'talk_track', 'battlecard', 'success_story'] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];
export const KIND_LABELS: Record<ContentKind, string> = {
  objection_response: 'Objection response', talk_track: 'Talk track', battlecard: 'Battlecard', success_story: 'Success story',
};
export const KIND_COLORS: Record<ContentKind, string> = { objection_response: 'orange', talk_track: 'brand', battlecard: 'grape', success_story: 'teal' };
export const CONTENT_STAGES = ['lead', 'discovery', 'proposal', 'poc', 'negotiation'] as const;
export const STAGE_LABELS: Record<string, string> = { lead: 'Lead', discovery: 'Discovery', proposal: 'Proposal', poc: 'POC', negotiation: 'Negotiation' };

export interface ContentItem {
  id: string; kind: ContentKind; title: string; body: string; industries: string[]; stages: string[]; tags: string[];
  competitor: string | null; version: number; updatedAt: string;
}
export interface ContentQuery { q?: string; kind?: string; industry?: string; stage?: string; limit?: number; cursor?: string }

/** Lead statuses are all the "lead" stage of content; closed stages have none. */
export function contentStage(stage: string | null | undefined): string | undefined {
  if (!stage) return undefined;
  if ((CONTENT_STAGES as readonly string[]).includes(stage)) return stage;
  return ['new', 'working', 'qualified', 'disqualified'].includes(stage) ? 'lead' : undefined;
}

export function useContent(q: ContentQuery, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['content', q],
    queryFn: ({ signal }) => api.get<Page<ContentItem>>('/content', { ...q }, signal),
    placeholderData: keepPreviousData,
    enabled: opts.enabled,
  });
}

export function useSaveContent() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<ContentItem> & { id?: string }) => {
      const { id, updatedAt: _u, ...body } = input;
      return id ? api.patch<ContentItem>(`/content/${id}`, body) : api.post<ContentItem>('/content', body);
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['content'] }),
  });
}

export function useDeleteContent() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (id: string) => api.del(`/content/${id}`), onSuccess: () => qc.invalidateQueries({ queryKey: ['content'] }) });
}
