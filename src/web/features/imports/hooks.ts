// Imports: upload (raw CSV body), mapping preview, start, progress polling, errors and templates.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, client, ok, type Problem, type Schema } from '../../lib/api';
import type { ImportKind, ImportMapping } from '../../../core/imports';

export type Preview = Schema<'ImportPreview'>;
export type FieldInfo = Preview['fields'][number];
export type ValueCount = Preview['countries'][number];
/** The web always uploads with a `kind`, so the answer carries the preview too. */
export type Upload = Schema<'ImportUpload'> & Preview;
export type ImportJob = Schema<'ImportJob'>;
export type ImportErrorRow = Schema<'ImportError'>;
export type Template = Schema<'ImportTemplate'>;

/** Streams the file as the request body; the CSRF token comes from the session. */
export async function uploadFile(file: File, kind: ImportKind): Promise<Upload> {
  const me = await ok(client.GET('/auth/me'));
  const res = await fetch(`/api/imports/uploads?kind=${kind}&fileName=${encodeURIComponent(file.name)}`, {
    method: 'POST', body: file, credentials: 'same-origin',
    headers: { 'content-type': 'text/csv', 'x-csrf-token': me.csrfToken ?? '', accept: 'application/json' },
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) {
    throw new ApiError({ title: body.title ?? 'Upload failed', status: res.status, code: body.code ?? 'error',
      detail: body.detail ?? (res.status === 413 ? 'The file is too large to upload here; use `valuegraph import` on the server.' : `The upload failed (HTTP ${res.status}).`), ...body } as Problem);
  }
  return body as Upload;
}

export function useUpload() {
  return useMutation({ mutationFn: ({ file, kind }: { file: File; kind: ImportKind }) => uploadFile(file, kind) });
}

export function usePreview() {
  return useMutation({
    mutationFn: (body: { uploadId: string; kind: ImportKind; mapping?: ImportMapping; templateId?: string }) => ok(client.POST('/imports/preview', { body })),
  });
}

export function useStartImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { uploadId: string; kind: ImportKind; mapping: ImportMapping; saveAsTemplate?: string }) => ok(client.POST('/imports', { body })),
    onSuccess: () => { qc.invalidateQueries({ queryKey: ['imports'] }); qc.invalidateQueries({ queryKey: ['import-templates'] }); },
  });
}

/** Polls every 500 ms while the job runs. */
export function useImportJob(id: string | null) {
  return useQuery({
    queryKey: ['imports', 'one', id],
    queryFn: ({ signal }) => ok(client.GET('/imports/{id}', { params: { path: { id: id! } }, signal })),
    enabled: !!id,
    refetchInterval: (q) => (q.state.data && ['completed', 'failed', 'interrupted'].includes(q.state.data.status) ? false : 500),
  });
}

/** The first 200 rows not imported (error) or imported with a warning. */
export function useImportErrors(id: string | null, enabled: boolean, level: 'error' | 'warning' = 'error') {
  return useQuery({
    queryKey: ['imports', 'errors', id, level],
    queryFn: ({ signal }) => ok(client.GET('/imports/{id}/errors', { params: { path: { id: id! }, query: { limit: 200, level } }, signal })),
    enabled: !!id && enabled,
  });
}

export function useRecentImports() {
  return useQuery({ queryKey: ['imports', 'list'], queryFn: ({ signal }) => ok(client.GET('/imports', { params: { query: { limit: 10 } }, signal })) });
}

export function useResumeImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => ok(client.POST('/imports/{id}/resume', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['imports'] }),
  });
}

export function useTemplates(kind: ImportKind) {
  return useQuery({
    queryKey: ['import-templates', kind],
    queryFn: ({ signal }) => ok(client.GET('/import-templates', { params: { query: { kind } }, signal })),
  });
}
