// `valuegraph import <kind> FILE [--mapping FILE] [--resume]` and `valuegraph export <kind> FILE`: run in this
// process against the configured database, with a progress bar on stderr; with `--server URL` (and an API token),
// the import runs on that server through its API (remote.ts).
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { SingleBar } from 'cli-progress';
import { Argument, Option, type Command } from 'commander';
import { ApiError } from '../client';
import { EXPORT_KINDS, IMPORT_KINDS, importMappingSchema, progressOf, type ExportKind, type ImportKind, type ImportMapping } from '../core/imports';
import { AppError } from '../core/errors';
import { loadConfig } from '../server/config';
import { systemCtx } from '../server/http/env';
import { closeRuntime, makeLogger, openRuntime } from '../server/runtime';
import { csvStream, exportStream } from '../server/modules/imports/exports';
import * as repo from '../server/modules/imports/imports.repo';
import { allErrors, importFile } from '../server/modules/imports/imports.service';
import { downloadReport, importRemote } from './remote';

async function readMapping(file: string): Promise<ImportMapping> {
  const parsed = importMappingSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
  if (!parsed.success) {
    throw new AppError('validation_failed', `The mapping file is not valid:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  return parsed.data;
}

/** Adds `import` and `export` to the command tree. */
export function registerImportCommands(program: Command) {
  program.command('import').description('Import companies, contacts, leads, deals or users (name, email, role, manager, team, territory) from a CSV file '
    + '(HubSpot exports need no mapping; users are created inactive, without a password)')
    .addArgument(new Argument('<kind>', 'what the file holds').choices([...IMPORT_KINDS]))
    .argument('<file>', 'CSV file')
    .option('--mapping <file>', 'JSON column mapping: { columns: { field: header }, values: { stage: { csvValue: ourStage }, country: { name: "PH" } }, '
      + 'owners: { ownerCell: "user@example.com" | null }, scale: { annualRevenue: 1000000 }, dateOrder, defaults }')
    .option('--template <name>', 'use a mapping template saved in the web app')
    .option('--resume', 'continue the unfinished import of this file after its last committed batch')
    .option('--batch <rows>', 'rows per transaction', '5000')
    .option('--server <url>', 'import into the Valuegraph server at this URL through its API instead of the local database')
    .addOption(new Option('--token <token>', 'API token for --server (Admin → API tokens; scope imports:write)').env('VALUEGRAPH_TOKEN'))
    .action(async (kind: ImportKind, file: string, o: { mapping?: string; template?: string; resume?: boolean; batch: string; server?: string; token?: string }) => {
      if (o.server) return remote(kind, file, o);
      const cfg = loadConfig(process.env, { workers: false });
      const deps = await openRuntime(cfg, { log: makeLogger({ logLevel: 'warn' }) });
      const bar = new SingleBar({
        format: 'Importing {kind} [{bar}] {percentage}% | {rows} rows | {rate} rows/s | {failed} errors | ETA {eta_formatted}',
        hideCursor: true, stream: process.stderr,
      });
      let failedJob = false;
      try {
        await run();
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        bar.stop();
        console.error(`valuegraph import: ${e.detail}${e.extra.errors ? `\n${e.extra.errors.map((x) => `  ${x.path}: ${x.message}`).join('\n')}` : ''}`);
        process.exitCode = 2;
      } finally {
        bar.stop();
        await closeRuntime(deps);
      }
      if (failedJob) process.exitCode = 1;

      async function run() {
        let mapping = o.mapping ? await readMapping(o.mapping) : undefined;
        if (!mapping && o.template) {
          const t = await repo.findTemplateByName(deps.database.db, kind, o.template);
          if (!t) throw new AppError('not_found', `No ${kind} template named "${o.template}".`);
          mapping = importMappingSchema.parse(t.mapping);
        }
        bar.start(100, 0, { kind, rows: 0, rate: 0, failed: 0 });
        const job = await importFile(deps, { kind, path: resolve(file), mapping, resume: o.resume }, {
          batchRows: Number(o.batch),
          onProgress: (j) => {
            const p = progressOf(j);
            bar.update(p.percent, { rows: j.rowsDone.toLocaleString('en-US'), rate: p.rowsPerSecond.toLocaleString('en-US'), failed: j.rowsFailed });
          },
        });
        bar.stop();
        failedJob = job.status !== 'completed';
        const seconds = job.finishedAt && job.runStartedAt ? (job.finishedAt.getTime() - job.runStartedAt.getTime()) / 1000 : 0;
        console.log(`${job.status === 'completed' ? 'Imported' : `Import ${job.status}:`} ${job.rowsDone} rows of ${file}: ${job.rowsInserted} new, `
          + `${job.rowsUpdated} updated, ${job.rowsFailed} with errors${seconds ? ` in ${seconds.toFixed(1)} s` : ''} (import ${job.id}).`);
        if (job.error) console.error(job.error);
        const report = async (level: 'error' | 'warning') => {
          const out = `${resolve(file)}.${level === 'error' ? 'errors' : 'warnings'}.csv`;
          await pipeline(csvStream(allErrors(systemCtx(deps, 'cli'), job.id, level), ['line', 'key', 'field', 'column', 'value', 'message']), createWriteStream(out));
          return out;
        };
        if (job.rowsFailed > 0) console.log(`Rows not imported, with line, record id and reason: ${await report('error')}`);
        if (job.rowsWarned > 0) {
          const byField = Object.entries(job.warnings as Record<string, number>).map(([f, n]) => `${f} ${n.toLocaleString('en-US')}`).join(', ');
          console.log(`${job.rowsWarned} rows imported with warnings (${byField}): ${await report('warning')}`);
        }
      }
    });

  async function remote(kind: ImportKind, file: string, o: { mapping?: string; template?: string; server?: string; token?: string }) {
    if (!o.token) { console.error('valuegraph import: --server needs an API token (--token or VALUEGRAPH_TOKEN).'); process.exitCode = 2; return; }
    const bar = new SingleBar({ format: 'Importing {kind} [{bar}] {percentage}% | {rows} rows | {rate} rows/s | {failed} errors', hideCursor: true, stream: process.stderr });
    const target = { server: o.server!, token: o.token, kind, file, mapping: o.mapping ? await readMapping(o.mapping) : undefined, templateName: o.template };
    try {
      const job = await importRemote(target, bar);
      console.log(`${job.status === 'completed' ? 'Imported' : `Import ${job.status}:`} ${job.rowsDone} rows of ${file}: ${job.rowsInserted} new, `
        + `${job.rowsUpdated} updated, ${job.rowsFailed} with errors (import ${job.id} on ${o.server}).`);
      if (job.error) console.error(job.error);
      if (job.rowsFailed > 0) console.log(`Rows not imported, with line, record id and reason: ${await downloadReport(target, job.id, 'error')}`);
      if (job.rowsWarned > 0) console.log(`${job.rowsWarned} rows imported with warnings: ${await downloadReport(target, job.id, 'warning')}`);
      if (job.status !== 'completed') process.exitCode = 1;
    } catch (e) {
      bar.stop();
      if (!(e instanceof ApiError)) throw e;
      console.error(`valuegraph import: ${e.message}${e.fieldErrors.length ? `\n${e.fieldErrors.map((x) => `  ${x.path}: ${x.message}`).join('\n')}` : ''}`);
      process.exitCode = 2;
    }
  }

  program.command('export').description('Export companies, contacts, leads or deals as CSV (the importer reads it back)')
    .addArgument(new Argument('<kind>', 'what to export').choices([...EXPORT_KINDS]))
    .argument('<file>', 'output CSV file')
    .action(async (kind: ExportKind, file: string) => {
      const cfg = loadConfig(process.env, { workers: false });
      const deps = await openRuntime(cfg, { log: makeLogger({ logLevel: 'warn' }) });
      try {
        let rows = -1;
        const counter = exportStream(deps.database.db, kind);
        counter.on('data', (chunk: Buffer) => { for (const b of chunk) if (b === 10) rows++; });
        await pipeline(counter, createWriteStream(file));
        console.log(`Exported ${Math.max(0, rows)} ${kind} to ${file}.`);
      } finally { await closeRuntime(deps); }
    });
}
