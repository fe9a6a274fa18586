// Import steps through the HTTP API, shared by the import test files: upload a CSV, run an import to its end.
import { expect } from 'vitest';
import { eventually, type Client } from './helpers';

/** Uploads CSV text as a file; with `kind` the answer carries the mapping preview. */
export async function uploadCsv(c: Client, text: string, kind = 'deals', fileName = `${kind}.csv`) {
  const res = await c.raw(`/api/imports/uploads?kind=${kind}&fileName=${fileName}`, { method: 'POST', body: text, headers: { 'content-type': 'text/csv' } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** Starts an import and waits until it has completed or failed. */
export async function runToEnd(c: Client, body: Record<string, unknown>) {
  const start = await c.post('/api/imports', body);
  expect(start.status, JSON.stringify(start.body)).toBe(202);
  return eventually(async () => {
    const j = (await c.get(`/api/imports/${start.body.id}`)).body;
    return j.status === 'completed' || j.status === 'failed' ? j : null;
  }, 30_000);
}
