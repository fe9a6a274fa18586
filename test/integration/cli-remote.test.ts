// `valuegraph import … --server URL --token T`: the CLI imports into a running server over HTTP through the one typed
// client. A real server on a port, a real API token, a HubSpot export with one bad row: the rows land, the bad row
// comes back in the downloaded error report with its record id.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { SingleBar } from 'cli-progress';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadReport, importRemote } from '../../src/cli/remote';
import { startServer, type RunningServer } from '../../src/server/runtime';
import { createTestApp, type TestApp } from '../helpers';

describe('CLI import into a remote server', () => {
  let t: TestApp;
  let server: RunningServer;
  let dir: string;
  beforeAll(async () => {
    t = await createTestApp({ workers: true });
    server = await startServer({ ...t.deps, config: { ...t.deps.config, port: 0, host: '127.0.0.1', workers: false, publicUrl: undefined } });
    dir = await mkdtemp(join(tmpdir(), 'vg-cli-'));
  });
  afterAll(async () => { await server?.server.close(); await t?.close(); await rm(dir, { recursive: true, force: true }); });

  it('streams the file up, follows the job to the end and downloads the error report', async () => {
    const admin = await t.login('admin');
    const token = await admin.post('/api/tokens', { name: 'cli', scopes: ['imports:write', 'imports:read'] });
    expect(token.status).toBe(201);
    const csv = (await readFile('test/fixtures/hubspot-deals.csv', 'utf8')).trimEnd()
      + '\n70999,Broken deal,closedwon,"not money",99/99/2025,,default,,Nowhere Ltd,nowhere.example\n';
    const file = join(dir, 'deals.csv');
    await writeFile(file, csv);
    const quiet = new SingleBar({ stream: new Writable({ write: (_c, _e, cb) => cb() }) as unknown as NodeJS.WritableStream });

    const target = { server: `http://127.0.0.1:${(server.server.address() as { port: number }).port}`, token: (token.body as { token: string }).token, kind: 'deals' as const, file };
    const job = await importRemote(target, quiet);
    expect(job.status).toBe('completed');
    expect(job.rowsDone).toBe(11);
    // The fixture's own unusable row and the one added here.
    expect(job.rowsFailed).toBe(2);
    expect(job.rowsInserted).toBe(9);
    const report = await readFile(await downloadReport(target, job.id, 'error'), 'utf8');
    expect(report.split('\n')[0]).toBe('line,key,field,column,value,message');
    expect(report).toContain('70999');
  }, 120_000);

  it('says why when the token may not import', async () => {
    const quiet = new SingleBar({ stream: new Writable({ write: (_c, _e, cb) => cb() }) as unknown as NodeJS.WritableStream });
    const file = join(dir, 'x.csv');
    await writeFile(file, 'Record ID,Deal Name\n1,x\n');
    const target = { server: `http://127.0.0.1:${(server.server.address() as { port: number }).port}`, token: 'vg_not_a_token', kind: 'deals' as const, file };
    await expect(importRemote(target, quiet)).rejects.toMatchObject({ status: 401 });
  });
});
