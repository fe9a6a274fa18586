// Imports: upload (raw CSV body), mapping preview, start, progress polling, errors and templates.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, client, ok, type Schema } from '../../lib/api';
import type { ImportKind, ImportMapping } from '../../../core/imports';

export type Preview = Schema<'ImportPreview'>;
export type FieldInfo = Preview['fields'][number];
export type ValueCount = Preview['countries'][number];
/** The web always uploads with a `kind`, so the answer carries the preview too. */
export type Upload = Schema<'ImportUpload'> & Preview;
export type ImportJob = Schema<'ImportJob'>;
export type ImportErrorRow = Schema<'ImportError'>;
export type Template = Schema<'ImportTemplate'>;

/** Sends the file as the request body (not JSON, so it bypasses the client's serializer); the client adds the CSRF header. */
export async function uploadFile(file: File, kind: ImportKind): Promise<Upload> {
  try {
    return await ok(client.POST('/imports/uploads', {
      params: { query: { kind, fileName: file.name } },
      body: file as unknown as string,
      bodySerializer: (b: unknown) => b as BodyInit,
      headers: { 'content-type': 'text/csv' },
    })) as Upload;
  } catch (e) {
    if (e instanceof ApiError && e.status === 413) {
      throw new ApiError({ ...e.problem, detail: 'The file is too large to upload here; use `valuegraph import` on the server (or with --server from any machine).' });
    }
    throw e;
  }
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
