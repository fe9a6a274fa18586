// `valuegraph import <kind> FILE --server URL` imports into a running Valuegraph over its API, through the one typed
// client (src/client): the file is streamed up, the import runs as a job on the server, and its progress is polled
// into the same progress bar as a local import. The error and warning reports are downloaded beside the file.
import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebStream } from 'node:stream/web';
import type { SingleBar } from 'cli-progress';
import { ApiError, createApiClient, ok, type Schema } from '../client';
import type { ImportKind, ImportMapping } from '../core/imports';

export interface RemoteImport {
  server: string; token: string; kind: ImportKind; file: string; mapping?: ImportMapping; templateName?: string;
}

const FINISHED = new Set(['completed', 'failed', 'cancelled']);

export async function importRemote(o: RemoteImport, bar: SingleBar): Promise<Schema<'ImportJob'>> {
  const baseUrl = `${o.server.replace(/\/+$/, '')}/api`;
  const client = createApiClient({ baseUrl, token: o.token });
  const path = resolve(o.file);
  const { size } = await stat(path);
  // Streamed: a 1 GB file is never held in memory. The body is not JSON, so it bypasses the client's serializer.
  const stream = Readable.toWeb(createReadStream(path)) as unknown as string;
  const uploaded = await ok(client.POST('/imports/uploads', {
    params: { query: { fileName: basename(path) } },
    body: stream,
    bodySerializer: (b: unknown) => b as BodyInit,
    headers: { 'content-type': 'text/csv', 'content-length': String(size) },
    // Node's fetch streams a request body only when told it is half-duplex.
    ...({ duplex: 'half' } as object),
  }));
  let templateId: string | undefined;
  if (o.templateName) {
    const templates = await ok(client.GET('/import-templates', { params: { query: { kind: o.kind } } }));
    templateId = templates.items.find((t) => t.name === o.templateName)?.id;
    if (!templateId) throw new ApiError({ type: 'about:blank', title: 'Not found', status: 404, code: 'not_found', detail: `No ${o.kind} template named "${o.templateName}".` });
  }
  let job = await ok(client.POST('/imports', { body: { uploadId: uploaded.uploadId, kind: o.kind, mapping: o.mapping, templateId } }));
  bar.start(100, 0, { kind: o.kind, rows: 0, rate: 0, failed: 0 });
  while (!FINISHED.has(job.status)) {
    await new Promise((r) => setTimeout(r, 500));
    job = await ok(client.GET('/imports/{id}', { params: { path: { id: job.id } } }));
    bar.update(job.percent, { rows: job.rowsDone.toLocaleString('en-US'), rate: job.rowsPerSecond.toLocaleString('en-US'), failed: job.rowsFailed });
  }
  bar.stop();
  return job;
}

/** Downloads the error (or warning) report of a remote import as CSV beside the file; returns its path. */
export async function downloadReport(o: RemoteImport, jobId: string, level: 'error' | 'warning'): Promise<string> {
  const out = `${resolve(o.file)}.${level === 'error' ? 'errors' : 'warnings'}.csv`;
  const client = createApiClient({ baseUrl: `${o.server.replace(/\/+$/, '')}/api`, token: o.token });
  const { response } = await client.GET('/imports/{id}/errors.csv', { params: { path: { id: jobId }, query: { level } }, parseAs: 'stream' });
  if (!response.ok || !response.body) throw new ApiError({ type: 'about:blank', title: 'Report failed', status: response.status, code: 'internal', detail: `The ${level} report could not be downloaded (HTTP ${response.status}).` });
  await pipeline(Readable.fromWeb(response.body as WebStream<Uint8Array>), createWriteStream(out));
  return out;
}
