// The content library API (GET/POST/PATCH/DELETE /content).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../client';
import { client, ok, type BodyOf, type Schema } from '../../lib/api';

export const CONTENT_KINDS = ['objection_response', 'talk_track', 'battlecard', 'success_story'] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];
export const KIND_LABELS: Record<ContentKind, string> = {
  objection_response: 'Objection response', talk_track: 'Talk track', battlecard: 'Battlecard', success_story: 'Success story',
};
export const KIND_COLORS: Record<ContentKind, string> = { objection_response: 'orange', talk_track: 'brand', battlecard: 'grape', success_story: 'teal' };
export const CONTENT_STAGES = ['lead', 'discovery', 'proposal', 'poc', 'negotiation'] as const;
export type ContentStage = (typeof CONTENT_STAGES)[number];
export const STAGE_LABELS: Record<string, string> = { lead: 'Lead', discovery: 'Discovery', proposal: 'Proposal', poc: 'POC', negotiation: 'Negotiation' };

export type ContentItem = Schema<'ContentItem'>;
export type ContentQuery = NonNullable<paths['/content']['get']['parameters']['query']>;
/** A new item, or an edit of one (with its id and the version loaded). */
export type ContentSave = BodyOf<'/content', 'post'> | (BodyOf<'/content/{id}', 'patch'> & { id: string });

/** Lead statuses are all the "lead" stage of content; closed stages have none. */
export function contentStage(stage: string | null | undefined): ContentStage | undefined {
  if (!stage) return undefined;
  if ((CONTENT_STAGES as readonly string[]).includes(stage)) return stage as ContentStage;
  return ['new', 'working', 'qualified', 'disqualified'].includes(stage) ? 'lead' : undefined;
}

export function useContent(q: ContentQuery, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['content', q],
    queryFn: ({ signal }) => ok(client.GET('/content', { params: { query: q }, signal })),
    placeholderData: keepPreviousData,
    enabled: opts.enabled,
  });
}

export function useSaveContent() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ContentSave) => {
      if (!('id' in input)) return ok(client.POST('/content', { body: input }));
      const { id, ...body } = input;
      return ok(client.PATCH('/content/{id}', { params: { path: { id } }, body }));
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['content'] }),
  });
}

export function useDeleteContent() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (id: string) => ok(client.DELETE('/content/{id}', { params: { path: { id } } })), onSuccess: () => qc.invalidateQueries({ queryKey: ['content'] }) });
}
