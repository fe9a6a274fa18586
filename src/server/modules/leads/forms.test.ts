import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/helpers';
import { formToken } from './forms.service';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(async () => { await t?.close(); });

const anon = () => t.client({});
async function tokenFor(formId: string, ageMs: number) {
  const [{ secret }] = await t.deps.database.query<{ secret: string }>('SELECT secret FROM lead_forms WHERE id = $1', [formId]);
  return formToken(secret, formId, Date.now() - ageMs);
}
const outcomes = async (formId: string) => (await t.deps.database.query<{ outcome: string }>(
  'SELECT outcome FROM lead_form_submissions WHERE form_id = $1 ORDER BY id', [formId])).map((r) => r.outcome);

describe('public web forms', () => {
  it('admins manage forms; others may not; bad definitions are refused', async () => {
    const sales = await t.login('sales');
    expect((await sales.post('/api/lead-forms', { name: 'x', source: 'website' })).status).toBe(403);
    expect((await admin.post('/api/lead-forms', { name: 'x', source: 'nope' })).status).toBe(422);
    expect((await admin.post('/api/lead-forms', { name: 'x', source: 'website', ownerRule: 'fixed' })).status).toBe(422);
    const created = await admin.post('/api/lead-forms', { name: 'Contact us', source: 'website', campaign: 'Site', ownerRule: 'fixed', defaultOwnerId: sales.user.id });
    expect(created.status).toBe(201);
    expect(created.body).not.toHaveProperty('secret');
    const list = await sales.get('/api/lead-forms');
    expect(list.body.items.map((f: any) => f.name)).toContain('Contact us');
  });

  it('accepts a real submission: lead captured with the form\'s source, campaign and owner rule; 202 without auth', async () => {
    const sales = await t.login('sales');
    const { body: form } = await admin.post('/api/lead-forms', { name: 'Demo request', source: 'website', campaign: 'Spring', ownerRule: 'fixed', defaultOwnerId: sales.user.id });
    const def = await anon().get(`/api/forms/${form.id}`);
    expect(def.status).toBe(200);
    expect(def.body).toMatchObject({ name: 'Demo request', honeypotField: 'website', submitUrl: `/api/forms/${form.id}/submit` });
    const body = { email: 'Lena@Polar-Grid.fi', firstName: 'Lena', companyName: 'Polar Grid Oy', employees: 1800, message: 'CMDB is a mess', token: await tokenFor(form.id, 5000) };
    const res = await anon().post(`/api/forms/${form.id}/submit`, body);
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ status: 'accepted', message: 'Thank you. We will be in touch within one business day.' });
    const [lead] = await t.deps.database.query<any>(`SELECT source, campaign, form_id, owner_id, notes, domain, first_response_due_at FROM leads WHERE email = 'lena@polar-grid.fi'`);
    expect(lead).toMatchObject({ source: 'website', campaign: 'Spring', form_id: form.id, owner_id: sales.user.id, notes: 'CMDB is a mess', domain: 'polar-grid.fi' });
    expect(lead.first_response_due_at).toBeTruthy();
    // The same person again: the same answer, no hint that they are known; flagged as a duplicate internally.
    const again = await anon().post(`/api/forms/${form.id}/submit`, { ...body, token: await tokenFor(form.id, 5000) });
    expect(again.status).toBe(202);
    expect(again.body).toEqual(res.body);
    const [dup] = await t.deps.database.query<any>(`SELECT possible_duplicates FROM leads WHERE email = 'lena@polar-grid.fi' ORDER BY created_at DESC LIMIT 1`);
    expect(dup.possible_duplicates).toHaveLength(1);
    // A plain HTML form post (the hosted page) works too and gets an HTML thank-you page.
    const page = await t.request(`/api/forms/${form.id}/page`);
    const html = await page.text();
    expect(html).toContain('name="website"');
    const token = /name="token" value="([^"]+)"/.exec(html)![1].replace(/&#46;/g, '.');
    expect(token).toMatch(/^\d+\./);
    const post = await t.request(`/api/forms/${form.id}/submit`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: new URLSearchParams({ email: 'html@form.io', token: await tokenFor(form.id, 4000) }).toString(),
    });
    expect(post.status).toBe(202);
    expect(await post.text()).toContain('Thank you');
    expect(await t.count(`leads WHERE email = 'html@form.io'`)).toBe(1);
  });

  it('drops spam silently (honeypot, too fast, missing or forged token) and still answers 202', async () => {
    const { body: form } = await admin.post('/api/lead-forms', { name: 'Whitepaper', source: 'content', minFillSeconds: 3, rateLimitPerHour: 100 });
    const before = await t.count('leads');
    const spam = [
      { email: 'bot1@spam.io', website: 'http://buy-now.example', token: await tokenFor(form.id, 10_000) },
      { email: 'bot2@spam.io', token: await tokenFor(form.id, 500) },
      { email: 'bot3@spam.io' },
      { email: 'bot4@spam.io', token: `${Date.now() - 10_000}.forgedforgedforgedforgedforged00` },
    ];
    for (const s of spam) {
      const res = await anon().post(`/api/forms/${form.id}/submit`, s);
      expect(res.status).toBe(202);
      expect(res.body.status).toBe('accepted');
    }
    expect(await t.count('leads')).toBe(before);
    expect(await outcomes(form.id)).toEqual(['honeypot', 'too_fast', 'bad_token', 'bad_token']);
    const invalid = await anon().post(`/api/forms/${form.id}/submit`, { email: 'not an email', token: await tokenFor(form.id, 10_000) });
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors[0].path).toBe('email');
  });

  it('rate-limits per IP in the database (429 with Retry-After), and inactive forms are 404', async () => {
    const { body: form } = await admin.post('/api/lead-forms', { name: 'Event signup', source: 'event', rateLimitPerHour: 3 });
    // Earlier tests in this file submitted from the same (test) address; start this form's window clean.
    await t.deps.database.exec('DELETE FROM lead_form_submissions');
    for (let i = 0; i < 3; i++) {
      expect((await anon().post(`/api/forms/${form.id}/submit`, { email: `p${i}@rate.io`, token: await tokenFor(form.id, 5000) })).status).toBe(202);
    }
    const limited = await anon().post(`/api/forms/${form.id}/submit`, { email: 'p9@rate.io', token: await tokenFor(form.id, 5000) });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3600');
    expect(await t.count(`leads WHERE email LIKE '%@rate.io'`)).toBe(3);
    expect(await outcomes(form.id)).toEqual(['accepted', 'accepted', 'accepted', 'rate_limited']);
    const off = await admin.patch(`/api/lead-forms/${form.id}`, { version: 1, active: false });
    expect(off.status).toBe(200);
    expect((await anon().get(`/api/forms/${form.id}`)).status).toBe(404);
    expect((await anon().post(`/api/forms/${form.id}/submit`, { email: 'x@y.io' })).status).toBe(404);
  });
});
