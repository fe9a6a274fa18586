import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/helpers';

let t: TestApp;
let sales: Client;
beforeAll(async () => { t = await createTestApp(); sales = await t.login('sales'); });
afterAll(async () => { await t?.close(); });

describe('content library', () => {
  it('creates, searches, filters by industry and stage, edits with a version and deletes', async () => {
    const card = await sales.post('/api/content', {
      kind: 'battlecard', title: 'Battlecard: legacy discovery suite', body: 'Where we **win**: dependency maps.', competitor: 'Legacy Suite',
      stages: ['proposal', 'poc'], tags: ['competition'],
    });
    expect(card.status).toBe(201);
    expect(card.body).toMatchObject({ kind: 'battlecard', industries: [], stages: ['proposal', 'poc'], version: 1 });
    const track = await sales.post('/api/content', { kind: 'talk_track', title: 'Banks and DORA', body: 'Open with the regulator.', industries: ['Financial Services'], stages: ['lead'] });
    const story = await sales.post('/api/content', { kind: 'success_story', title: 'Hospital maps its network', body: 'POC found 2,300 devices.', industries: ['Healthcare'], stages: ['discovery'] });
    expect([track.status, story.status]).toEqual([201, 201]);

    const titles = async (q: string) => (await sales.get(`/api/content?${q}`)).body.items.map((i: any) => i.title);
    expect(await titles('q=DEPENDENCY')).toEqual(['Battlecard: legacy discovery suite']);
    expect(await titles('q=legacy suite')).toEqual(['Battlecard: legacy discovery suite']);
    expect(await titles('kind=talk_track')).toEqual(['Banks and DORA']);
    // Industry filter: items for that industry plus the general ones (no industries).
    expect((await titles('industry=financial services')).sort()).toEqual(['Banks and DORA', 'Battlecard: legacy discovery suite']);
    expect((await titles('industry=Healthcare&stage=discovery'))).toEqual(['Hospital maps its network']);
    expect(await titles('stage=poc')).toEqual(['Battlecard: legacy discovery suite']);
    const paged = await sales.get('/api/content?limit=2');
    expect(paged.body.items).toHaveLength(2);
    expect((await sales.get(`/api/content?limit=2&cursor=${paged.body.nextCursor}`)).body.items).toHaveLength(1);

    const edit = await sales.patch(`/api/content/${card.body.id}`, { version: 1, title: 'Battlecard: legacy suite (2025)' });
    expect(edit.body).toMatchObject({ version: 2, title: 'Battlecard: legacy suite (2025)' });
    expect((await sales.patch(`/api/content/${card.body.id}`, { version: 1, title: 'stale' })).status).toBe(409);
    expect((await sales.post('/api/content', { kind: 'memo', title: 'x', body: 'y' })).status).toBe(422);
    expect((await sales.post('/api/content', { kind: 'talk_track', title: '', body: 'y', stages: ['closed'] })).body.errors.map((e: any) => e.path).sort())
      .toEqual(['stages.0', 'title']);
    const audit = await t.deps.database.query<any>(`SELECT action FROM audit_log WHERE entity_id = '${card.body.id}' ORDER BY id`);
    expect(audit.map((a) => a.action)).toEqual(['content.create', 'content.update']);
    expect((await sales.del(`/api/content/${card.body.id}`)).status).toBe(204);
    expect((await sales.get(`/api/content/${card.body.id}`)).status).toBe(404);
  });

  it('partners read, customers and finance are refused, only sales roles write', async () => {
    const partner = await t.login('partner');
    expect((await partner.get('/api/content')).status).toBe(200);
    expect((await partner.post('/api/content', { kind: 'talk_track', title: 'x', body: 'y' })).status).toBe(403);
    expect((await (await t.login('customer')).get('/api/content')).status).toBe(403);
    expect((await (await t.login('finance')).get('/api/content')).status).toBe(403);
    expect((await (await t.login('csm')).post('/api/content', { kind: 'talk_track', title: 'x', body: 'y' })).status).toBe(403);
  });
});
