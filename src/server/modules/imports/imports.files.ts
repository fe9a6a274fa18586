// Files of imports: uploads streamed to the data directory (hashed on the way), and the first rows of a file
// read for detection and preview without reading the rest.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rm, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { unguardRecord } from '../../../core/csv/formula-guard';
import { detectDelimiter } from '../../../core/imports';
import { CONTROL_CHAR_MESSAGE, hasControlChar } from '../../../core/control-chars';
import { AppError } from '../../../core/errors';
import type { Config } from '../../config';

export const uploadDir = (config: Config) => join(config.dataDir, 'imports');
export const uploadPath = (config: Config, uploadId: string) => join(uploadDir(config), `${uploadId}.csv`);
export const isUpload = (config: Config, path: string) => resolve(path).startsWith(resolve(uploadDir(config)) + sep);

export const uploadTooLarge = (maxBytes: number) => new AppError('payload_too_large', `CSV uploads are limited to ${Math.round(maxBytes / 1024 / 1024)} MB.`);

/** Streams a request body to a new upload file with a byte limit; returns its id, size and sha256. */
export async function saveUpload(config: Config, body: ReadableStream<Uint8Array> | Readable, maxBytes: number) {
  await mkdir(uploadDir(config), { recursive: true });
  const id = randomUUID();
  const path = uploadPath(config, id);
  const hash = createHash('sha256');
  let bytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (bytes > maxBytes) return done(uploadTooLarge(maxBytes));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  // A refused body is left uncancelled: cancelling the request body resets the connection before the 413 is sent
  // (the server drops the rest of it, http/unread-body.ts).
  const source = body instanceof Readable ? body
    : Readable.from((body as import('node:stream/web').ReadableStream<Uint8Array>).values({ preventCancel: true }), { objectMode: false });
  try {
    await pipeline(source, meter, createWriteStream(path));
  } catch (e) {
    await rm(path, { force: true });
    throw e;
  }
  if (bytes === 0) { await rm(path, { force: true }); throw new AppError('validation_failed', 'The file is empty.'); }
  return { id, path, bytes, checksum: hash.digest('hex') };
}

export async function fileChecksum(path: string): Promise<{ checksum: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path)) { hash.update(chunk as Buffer); bytes += (chunk as Buffer).length; }
  return { checksum: hash.digest('hex'), bytes };
}

export async function fileSize(path: string) {
  return (await stat(path)).size;
}

export interface FileHead {
  delimiter: ',' | ';' | '\t' | '|';
  headers: string[];
  /** Byte offset of the first data row (after the header line, and a byte order mark). */
  dataOffset: number;
  rows: { line: number; record: string[] }[];
}

/** Reads the header and up to `maxRows` data rows. */
export async function readHead(path: string, maxRows: number): Promise<FileHead> {
  const fh = await open(path, 'r');
  let firstLine = '';
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    firstLine = buf.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
  } finally { await fh.close(); }
  const delimiter = detectDelimiter(firstLine);
  const parser = createReadStream(path).pipe(parse({
    delimiter, bom: true, relax_column_count: true, skip_empty_lines: true, info: true, to_line: 10_000,
  }));
  let headers: string[] | null = null;
  let dataOffset = 0;
  const rows: FileHead['rows'] = [];
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { bytes: number; lines: number } }>) {
      if (!headers) { headers = record.map((h) => h.trim()); dataOffset = info.bytes; continue; }
      rows.push({ line: info.lines, record: unguardRecord(record) }); // as readCsv reads them
      if (rows.length >= maxRows) break;
    }
  } catch (e) {
    throw new AppError('validation_failed', `The file is not readable CSV: ${(e as Error).message}`);
  } finally {
    parser.destroy();
  }
  if (!headers || headers.every((h) => !h)) throw new AppError('validation_failed', 'The file has no header row.');
  const tainted = headers.flatMap((h, i) => (hasControlChar(h) ? [{ path: `headers.${i}`, message: CONTROL_CHAR_MESSAGE }] : []));
  if (tainted.length) throw new AppError('validation_failed', 'The header row has control characters.', { errors: tainted });
  const dup = headers.find((h, i) => h && headers!.indexOf(h) !== i);
  if (dup) throw new AppError('validation_failed', `The column "${dup}" appears twice in the header row.`);
  return { delimiter, headers, dataOffset, rows };
}
