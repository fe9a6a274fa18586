// Imports: upload (raw CSV body), mapping preview, start, progress polling, errors and templates.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, type Page, type Problem } from '../../lib/api';
import type { ImportKind, ImportMapping, OwnerReportRow, RowError } from '../../../core/imports';

export interface FieldInfo { id: string; label: string; type: string; required: boolean }
type Option = { id: string; label?: string };
export interface ValueCount { value: string; count: number; mappedTo: string | null }
export interface Preview {
  kind: ImportKind;
  headers: string[];
  delimiter: string;
  mapping: ImportMapping;
  mappingErrors: RowError[];
  rows: { line: number; key: string | null; cells: Record<string, string>; ok: boolean; values: Record<string, unknown> | null; errors: RowError[]; warnings: RowError[] }[];
  /** Over the whole file: coded values, owner cells and unknown country names with their row counts. */
  coded: Record<string, ValueCount[]>;
  owners: OwnerReportRow[];
  countries: ValueCount[];
  fields: FieldInfo[];
  options: { stages: Option[]; sources: Option[]; statuses: Option[]; roles: Option[]; users: { id: string; name: string; email: string }[] };
}
export interface Upload extends Preview { uploadId: string; fileName: string; bytes: number }
export interface ImportJob {
  id: string; kind: ImportKind; status: 'queued' | 'running' | 'completed' | 'failed' | 'interrupted'; fileName: string; fileBytes: number;
  rowsDone: number; rowsInserted: number; rowsUpdated: number; rowsFailed: number; rowsTotal: number | null;
  /** Rows imported with something left out, and how many per field. */
  rowsWarned: number; warnings: Record<string, number>;
  percent: number; estimatedTotalRows: number | null; rowsPerSecond: number; error: string | null; createdAt: string; finishedAt: string | null;
}
export interface ImportErrorRow { line: number; key: string | null; field: string | null; column: string | null; value: string | null; message: string }
export interface Template { id: string; name: string; kind: ImportKind; mapping: ImportMapping }

/** Streams the file as the request body; the CSRF token comes from the session. */
export async function uploadFile(file: File, kind: ImportKind): Promise<Upload> {
  const me = await api.get<{ csrfToken: string }>('/auth/me');
  const res = await fetch(`/api/imports/uploads?kind=${kind}&fileName=${encodeURIComponent(file.name)}`, {
    method: 'POST', body: file, credentials: 'same-origin',
    headers: { 'content-type': 'text/csv', 'x-csrf-token': me.csrfToken, accept: 'application/json' },
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
    mutationFn: (input: { uploadId: string; kind: ImportKind; mapping?: ImportMapping; templateId?: string }) => api.post<Preview>('/imports/preview', input),
  });
}

export function useStartImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { uploadId: string; kind: ImportKind; mapping: ImportMapping; saveAsTemplate?: string }) => api.post<ImportJob>('/imports', input),
    onSuccess: () => { qc.invalidateQueries({ queryKey: ['imports'] }); qc.invalidateQueries({ queryKey: ['import-templates'] }); },
  });
}

/** Polls every 500 ms while the job runs. */
export function useImportJob(id: string | null) {
  return useQuery({
    queryKey: ['imports', 'one', id],
    queryFn: ({ signal }) => api.get<ImportJob>(`/imports/${id}`, undefined, signal),
    enabled: !!id,
    refetchInterval: (q) => (q.state.data && ['completed', 'failed', 'interrupted'].includes(q.state.data.status) ? false : 500),
  });
}

/** The first 200 rows not imported (error) or imported with a warning. */
export function useImportErrors(id: string | null, enabled: boolean, level: 'error' | 'warning' = 'error') {
  return useQuery({
    queryKey: ['imports', 'errors', id, level],
    queryFn: ({ signal }) => api.get<Page<ImportErrorRow>>(`/imports/${id}/errors`, { limit: 200, level }, signal),
    enabled: !!id && enabled,
  });
}

export function useRecentImports() {
  return useQuery({ queryKey: ['imports', 'list'], queryFn: ({ signal }) => api.get<Page<ImportJob>>('/imports', { limit: 10 }, signal) });
}

export function useResumeImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<ImportJob>(`/imports/${id}/resume`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['imports'] }),
  });
}

export function useTemplates(kind: ImportKind) {
  return useQuery({
    queryKey: ['import-templates', kind],
    queryFn: ({ signal }) => api.get<Page<Template>>('/import-templates', { kind }, signal),
  });
}
