// The API's contract is checked in and complete: every operation documents its answers with real schemas (no
// object of unknown keys), openapi.json is what the running app serves, and the generated client types are what
// openapi-typescript makes of it. A difference fails with the command that brings them up to date.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiContract } from '../../scripts/api-contract';
import { looseResponses } from '../api-contract';
import { createTestApp, type TestApp } from '../helpers';

describe('API contract', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t?.close(); });

  it('documents every success of every operation with a schema that says what is in it', async () => {
    const res = await t.request('/api/openapi.json');
    const doc = await res.json() as Record<string, unknown>;
    const loose = looseResponses(doc).map((l) => `${l.method.toUpperCase()} ${l.path} ${l.status}: ${l.where}`);
    expect(loose).toEqual([]);
  });

  it('serves the checked-in openapi.json, and the client types generated from it are current (npm run api:generate)', async () => {
    const res = await t.request('/api/openapi.json');
    const served = await res.json();
    const { document, types } = await apiContract();
    expect(served).toEqual(JSON.parse(document));
    expect(JSON.parse(readFileSync('openapi.json', 'utf8'))).toEqual(served);
    expect(readFileSync('src/client/schema.d.ts', 'utf8') === types, 'src/client/schema.d.ts is stale: run npm run api:generate').toBe(true);
  });
});
