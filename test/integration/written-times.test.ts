// Times the server writes into texts people read (timeline entries) are in the company's time zone and format,
// never raw ISO strings; structured fields keep the instant.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, eventually, type TestApp } from '../helpers';
import { formatInstant } from '../../src/core/calendar/format';

let t: TestApp;
beforeAll(async () => { t = await createTestApp({ workers: true }); });
afterAll(async () => { await t?.close(); });

describe('times in written texts', () => {
  it('a fired reminder says when it was set for, in the company time zone', async () => {
    const csm = await t.login('csm');
    const a = await t.account({ name: 'Reminder Time AS' });
    const at = new Date(Date.now() + 1500);
    expect((await csm.post(`/api/accounts/${a.id}/reminders`, { at: at.toISOString(), note: 'Call the CFO' })).status).toBe(201);
    const entry = await eventually(async () => (await csm.get(`/api/accounts/${a.id}/timeline`)).body.items.find((i: any) => i.subject === 'Reminder: Call the CFO'), 20_000);
    const tz = (await (await t.login('admin')).get('/api/playbook')).body.playbook.calendar.timeZone;
    expect(tz).toBe('Europe/Copenhagen');
    expect(entry.body).toBe(`Set by csm user for ${formatInstant(at, tz)}.`);
    expect(entry.body).toMatch(/^Set by csm user for \d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d CES?T\.$/);
  });
});
