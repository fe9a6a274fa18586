import { describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../playbook';
import {
  checkMapping, compileMapping, countryCode, defaultMapping, detectDateOrder, detectDelimiter, detectMapping, normalizeHeader,
  ownerReport, ownerResolver, parseDate, parseDomain, parseEmail, parseInteger, parseMoney, progressOf, reportKey, rowKey, type MappingOptions,
} from './index';

const opts: MappingOptions = {
  stages: defaultPlaybook.pipeline.stages.map((s) => ({ id: s.id, label: s.name, kind: s.kind })),
  sources: defaultPlaybook.leads.sources,
  statuses: defaultPlaybook.leads.statuses,
  currency: 'USD',
};

describe('header detection', () => {
  it('recognises HubSpot export labels and internal property names alike', () => {
    const labels = ['Record ID', 'Deal Name', 'Deal Stage', 'Amount', 'Close Date', 'Pipeline', 'Create Date', 'Deal owner', 'Associated Company', 'Unrelated'];
    const m = detectMapping('deals', labels);
    expect(m.columns).toMatchObject({
      externalId: 'Record ID', name: 'Deal Name', stage: 'Deal Stage', amount: 'Amount', closeDate: 'Close Date', pipeline: 'Pipeline',
      createdAt: 'Create Date', owner: 'Deal owner', companyName: 'Associated Company', companyDomain: null,
    });
    expect(m.unmapped).toEqual(['Unrelated']);
    const internal = detectMapping('deals', ['hs_object_id', 'dealname', 'dealstage', 'amount', 'closedate', 'pipeline', 'createdate', 'hubspot_owner_id']);
    expect(internal.columns).toMatchObject({ externalId: 'hs_object_id', name: 'dealname', stage: 'dealstage', owner: 'hubspot_owner_id' });
    expect(internal.recognised).toBe(8);
  });

  it('maps companies, contacts and leads properties', () => {
    expect(detectMapping('companies', ['name', 'domain', 'industry', 'numberofemployees', 'country']).columns)
      .toMatchObject({ name: 'name', domain: 'domain', industry: 'industry', employees: 'numberofemployees', country: 'country' });
    expect(detectMapping('contacts', ['First Name', 'Last Name', 'Email', 'Phone Number', 'Job Title', 'Company Name']).columns)
      .toMatchObject({ firstName: 'First Name', lastName: 'Last Name', email: 'Email', phone: 'Phone Number', title: 'Job Title', companyName: 'Company Name' });
    expect(detectMapping('leads', ['email', 'company', 'hs_lead_status', 'Original Source']).columns)
      .toMatchObject({ email: 'email', companyName: 'company', status: 'hs_lead_status', source: 'Original Source' });
  });

  it('a header is used for one field only, and normalisation ignores case and punctuation', () => {
    expect(normalizeHeader('Deal_Name ')).toBe('dealname');
    const m = detectMapping('deals', ['domain']);
    expect(m.columns.companyDomain).toBe('domain');
  });

  it('detects the delimiter from the header line, ignoring quoted ones', () => {
    expect(detectDelimiter('a,b,c')).toBe(',');
    expect(detectDelimiter('"a,1";b;c')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('single')).toBe(',');
  });
});

describe('value parsing', () => {
  it('dates in ISO, US and European formats', () => {
    expect(parseDate('2024-03-15')).toEqual({ ok: true, value: { date: '2024-03-15', ms: Date.UTC(2024, 2, 15) } });
    expect(parseDate('2024-03-15T10:30:00Z')).toMatchObject({ ok: true, value: { ms: Date.UTC(2024, 2, 15, 10, 30) } });
    expect(parseDate('2024-03-15 10:30')).toMatchObject({ ok: true, value: { date: '2024-03-15', ms: Date.UTC(2024, 2, 15, 10, 30) } });
    expect(parseDate('2024-03-15T23:30:00-05:00')).toMatchObject({ ok: true, value: { date: '2024-03-15', ms: Date.UTC(2024, 2, 16, 4, 30) } });
    expect(parseDate('03/15/2024', 'mdy')).toMatchObject({ ok: true, value: { date: '2024-03-15' } });
    expect(parseDate('3/5/2024 2:30 PM', 'mdy')).toMatchObject({ ok: true, value: { date: '2024-03-05', ms: Date.UTC(2024, 2, 5, 14, 30) } });
    expect(parseDate('12/5/2024 12:15 AM', 'mdy')).toMatchObject({ ok: true, value: { ms: Date.UTC(2024, 11, 5, 0, 15) } });
    expect(parseDate('15/03/2024', 'dmy')).toMatchObject({ ok: true, value: { date: '2024-03-15' } });
    expect(parseDate('15.03.2024', 'mdy')).toMatchObject({ ok: true, value: { date: '2024-03-15' } }); // dots are always European
    expect(parseDate('15/03/24', 'dmy')).toMatchObject({ ok: true, value: { date: '2024-03-15' } });
    expect(parseDate('')).toEqual({ ok: true, value: null });
    expect(parseDate('1710460800000')).toMatchObject({ ok: true, value: { date: '2024-03-15' } });
  });

  it('refuses impossible and unrecognised dates with a reason', () => {
    expect(parseDate('15/03/2024', 'mdy')).toMatchObject({ ok: false, error: expect.stringContaining('month 15') });
    expect(parseDate('2023-02-29')).toMatchObject({ ok: false, error: expect.stringContaining('day 29') });
    expect(parseDate('next tuesday')).toMatchObject({ ok: false, error: expect.stringContaining('not a date') });
    expect(parseDate('13/13/2024', 'dmy').ok).toBe(false);
  });

  it('detects the day/month order of a sample', () => {
    expect(detectDateOrder(['01/02/2024', '25/12/2024'])).toBe('dmy');
    expect(detectDateOrder(['12/25/2024', '01/02/2024'])).toBe('mdy');
    expect(detectDateOrder(['01/02/2024'], 'dmy')).toBe('dmy');
  });

  it('amounts with currency symbols, codes and thousand separators, in minor units', () => {
    const m = (s: string) => parseMoney(s);
    expect(m('$12,500.50')).toEqual({ ok: true, value: { minor: 1_250_050, currency: 'USD' } });
    expect(m('12.500,50 €')).toEqual({ ok: true, value: { minor: 1_250_050, currency: 'EUR' } });
    expect(m('EUR 1 234,56')).toEqual({ ok: true, value: { minor: 123_456, currency: 'EUR' } });
    expect(m('1,234')).toEqual({ ok: true, value: { minor: 123_400, currency: null } });
    expect(m('1.5')).toEqual({ ok: true, value: { minor: 150, currency: null } });
    expect(m('1,000,000')).toEqual({ ok: true, value: { minor: 100_000_000, currency: null } });
    expect(m('£99')).toEqual({ ok: true, value: { minor: 9900, currency: 'GBP' } });
    expect(m('-$1,000')).toEqual({ ok: true, value: { minor: -100_000, currency: 'USD' } });
    expect(m('(250.00)')).toEqual({ ok: true, value: { minor: -25_000, currency: null } });
    expect(m('0.125')).toEqual({ ok: true, value: { minor: 12_500, currency: null } }); // three digits after one separator: thousands
    expect(m('10.005')).toEqual({ ok: true, value: { minor: 1_000_500, currency: null } });
    expect(m('10.12345')).toEqual({ ok: true, value: { minor: 1012, currency: null } });
    expect(m('')).toEqual({ ok: true, value: null });
    expect(m('   ')).toEqual({ ok: true, value: null });
    expect(m('lots').ok).toBe(false);
    expect(m('1,23,4').ok).toBe(false);
  });

  it('integers, e-mails, domains and countries', () => {
    expect(parseInteger('1,200')).toEqual({ ok: true, value: 1200 });
    expect(parseInteger('')).toEqual({ ok: true, value: null });
    expect(parseInteger('12.5').ok).toBe(false);
    expect(parseEmail(' Anna@Example.COM ')).toEqual({ ok: true, value: 'anna@example.com' });
    expect(parseEmail('anna@').ok).toBe(false);
    expect(parseDomain('https://www.Example.com/about?x=1')).toEqual({ ok: true, value: 'example.com' });
    expect(parseDomain('not a domain').ok).toBe(false);
    expect(countryCode('Denmark')).toBe('DK');
    expect(countryCode('united states')).toBe('US');
    expect(countryCode('se')).toBe('SE');
    expect(countryCode('Atlantis')).toBeNull();
    // CRM spellings: codes that are not ISO ("UK"), accents, dots, short and long forms.
    expect(['UK', 'U.S.A.', 'Korea', 'Côte d’Ivoire', 'Czech Republic', 'Hong Kong', 'Türkiye', 'the Netherlands'].map(countryCode))
      .toEqual(['GB', 'US', 'KR', 'CI', 'CZ', 'HK', 'TR', 'NL']);
    expect(countryCode('XX')).toBeNull();
    expect(countryCode('EU')).toBeNull();
  });

  it('scales amounts written in thousands or millions before rounding to minor units', () => {
    expect(parseMoney('1,137.42', 1_000_000)).toEqual({ ok: true, value: { minor: 113_742_000_000, currency: null } });
    expect(parseMoney('4.5123', 1_000_000)).toEqual({ ok: true, value: { minor: 451_230_000, currency: null } });
    expect(parseMoney('$12.5', 1000)).toEqual({ ok: true, value: { minor: 1_250_000, currency: 'USD' } });
    expect(parseMoney('12', 1000)).toEqual({ ok: true, value: { minor: 1_200_000, currency: null } });
  });
});

describe('row mapping', () => {
  const headers = ['Record ID', 'Deal Name', 'Deal Stage', 'Amount', 'Close Date', 'Create Date', 'Associated Company'];
  const mapper = compileMapping('deals', defaultMapping('deals', headers), headers, opts);

  it('maps HubSpot default stages and parses a good row', () => {
    const r = mapper(['101', 'Acme expansion', 'closedwon', '$12,000.00', '03/15/2024', '01/02/2024 09:00 AM', 'Acme Corp']);
    expect(r).toEqual({ ok: true, ref: '101', warnings: [], row: expect.objectContaining({
      key: 'id:101', externalId: '101', name: 'Acme expansion', stage: 'closed_won', amount: 1_200_000, currency: 'USD',
      closeDate: { date: '2024-03-15', ms: Date.UTC(2024, 2, 15) }, createdAt: { date: '2024-01-02', ms: Date.UTC(2024, 0, 2, 9) },
      companyName: 'Acme Corp', pipeline: 'default',
    }) });
    const stages = ['appointmentscheduled', 'Qualified To Buy', 'presentationscheduled', 'Decision Maker Bought-In', 'contractsent', 'Closed Lost', 'closed_won', 'POC'];
    expect(stages.map((s) => { const x = mapper(['1', 'd', s, '1', '01/01/2024', '', 'c']); return x.ok ? x.row.stage : x.errors[0].message; }))
      .toEqual(['discovery', 'discovery', 'proposal', 'poc', 'negotiation', 'closed_lost', 'closed_won', 'poc']);
  });

  it('reports every bad cell of a row with the row\'s record id: bad date, unknown stage, missing company', () => {
    const r = mapper(['102', 'Broken', 'maybe', '', '31/31/2024', 'yesterday', '']);
    expect(r).toMatchObject({ ok: false, ref: '102' });
    if (r.ok) return;
    expect(r.errors.map((e) => e.field)).toEqual(['stage', 'closeDate', 'createdAt', null]);
    expect(r.errors[0].message).toContain('Unknown stage "maybe"');
    expect(r.errors[3].message).toContain('no associated company');
    expect(reportKey(r.ref, 7)).toBe('102');
    expect(reportKey(mapper(['', '', 'maybe', '', '', '', '']).ref, 7)).toBe('line 7');
  });

  it('an open or lost deal without an amount imports with a warning; a won one is refused', () => {
    const open = mapper(['103', 'Early', 'appointmentscheduled', '', '', '', 'Acme']);
    expect(open).toMatchObject({ ok: true, row: { amount: null, stage: 'discovery' }, warnings: [{ field: 'amount', column: 'Amount', message: 'No amount: imported without one' }] });
    const lost = mapper(['104', 'Gone', 'closedlost', ' ', '2024-02-01', '', 'Acme']);
    expect(lost).toMatchObject({ ok: true, row: { amount: null }, warnings: [{ field: 'amount' }] });
    const won = mapper(['105', 'Won', 'closedwon', '', '2024-02-01', '', 'Acme']);
    expect(won).toMatchObject({ ok: false, ref: '105', errors: [{ field: 'amount', message: 'A won deal needs an amount (revenue figures count it)' }] });
    expect(mapper(['106', 'Zero', 'closedlost', '0', '2024-02-01', '', 'Acme'])).toMatchObject({ ok: true, row: { amount: 0 }, warnings: [] });
  });

  it('a closed deal needs a close date; an explicit value mapping translates custom stages', () => {
    const closed = mapper(['1', 'd', 'closedwon', '10', '', '', 'c']);
    expect(closed.ok === false && closed.errors[0].message).toBe('A closed deal needs a close date');
    const custom = compileMapping('deals', { ...defaultMapping('deals', headers), values: { stage: { 'Signed!': 'closed_won' } } }, headers, opts);
    const r = custom(['1', 'd', 'signed!', '10', '2024-01-01', '', 'c']);
    expect(r.ok && r.row.stage).toBe('closed_won');
  });

  it('checks the mapping itself: required fields, unknown headers and value targets', () => {
    const m = defaultMapping('deals', ['Deal Name']);
    const errs = checkMapping('deals', { ...m, columns: { ...m.columns, pipeline: 'Nope' }, values: { stage: { x: 'won' } } }, ['Deal Name'], opts);
    expect(errs.map((e) => e.message)).toEqual([
      'The file has no column "Nope"', 'Map a column to Deal stage (required)', expect.stringContaining('"won" is not a stage'),
    ]);
  });

  it('keys rows by external id, else by natural identifiers', () => {
    expect(rowKey('deals', { externalId: null, name: 'Big Deal', companyName: 'ACME' })).toBe('name:big deal|acme');
    expect(rowKey('companies', { externalId: null, name: 'Acme', domain: 'acme.com' })).toBe('domain:acme.com');
    expect(rowKey('leads', { externalId: null, email: 'a@b.co' })).toBe('email:a@b.co');
    expect(rowKey('contacts', { externalId: '7' })).toBe('id:7');
  });

  it('leads get HubSpot statuses and sources translated, and defaults when blank', () => {
    const h = ['email', 'company', 'hs_lead_status', 'hs_analytics_source'];
    const lead = compileMapping('leads', defaultMapping('leads', h), h, opts);
    expect(lead(['a@b.co', 'B', 'IN_PROGRESS', 'ORGANIC_SEARCH'])).toMatchObject({ ok: true, row: { status: 'working', source: 'seo_sem' } });
    expect(lead(['a@b.co', 'B', '', ''])).toMatchObject({ ok: true, row: { status: 'new', source: 'website' } });
    expect(lead(['', '', 'NEW', '']).ok).toBe(false);
  });

  it('contacts without a company fall back to their e-mail domain', () => {
    const h = ['firstname', 'lastname', 'email'];
    const contact = compileMapping('contacts', defaultMapping('contacts', h), h, opts);
    expect(contact(['Anna', 'Berg', 'anna@nordic.example'])).toMatchObject({ ok: true, row: { companyDomain: 'nordic.example', key: 'email:anna@nordic.example' } });
  });
});

describe('progress', () => {
  it('estimates the total from bytes read and reports the rate', () => {
    const p = progressOf({ bytesDone: 250, fileBytes: 1000, rowsDone: 50, status: 'running', runStartedAt: new Date(0), runRowsAtStart: 0, finishedAt: null, rowsTotal: null }, 10_000);
    expect(p).toEqual({ percent: 25, estimatedTotalRows: 200, rowsPerSecond: 5 });
    // A resumed run counts only its own rows for the rate.
    expect(progressOf({ bytesDone: 500, fileBytes: 1000, rowsDone: 100, status: 'running', runStartedAt: new Date(0), runRowsAtStart: 80, finishedAt: null, rowsTotal: null }, 4000).rowsPerSecond).toBe(5);
    expect(progressOf({ bytesDone: 990, fileBytes: 1000, rowsDone: 9, status: 'completed', runStartedAt: new Date(0), runRowsAtStart: 0, finishedAt: new Date(3000), rowsTotal: 9 })).toEqual({ percent: 100, estimatedTotalRows: 9, rowsPerSecond: 3 });
  });
});

describe('owners', () => {
  const users = [
    { id: '00000000-0000-4000-8000-000000000001', email: 'moses@maven.example', name: 'Moses Frase' },
    { id: '00000000-0000-4000-8000-000000000002', email: 'anna@maven.example', name: 'Anna Snelling' },
    { id: '00000000-0000-4000-8000-000000000003', email: 'anna.s@maven.example', name: 'Anna Snelling' },
  ];
  const h = ['Deal Name', 'Deal Stage', 'Amount', 'Company', 'Deal owner'];
  const withOwners = (owners: Record<string, string | null>) =>
    compileMapping('deals', { ...defaultMapping('deals', h), owners }, h, { ...opts, users });

  it('resolve by e-mail, name or id; a name two users share and an unknown cell are unmatched', () => {
    const r = ownerResolver({}, users);
    expect(r(' MOSES@maven.example ')).toEqual({ userId: users[0].id, how: 'user' });
    expect(r('moses frase')).toEqual({ userId: users[0].id, how: 'user' });
    expect(r(users[1].id)).toEqual({ userId: users[1].id, how: 'user' });
    expect(r('Anna Snelling')).toEqual({ userId: null, how: 'unmatched' });
    expect(r('')).toEqual({ userId: null, how: 'unowned' });
  });

  it('an unmatched owner imports the row unowned with a warning naming the value; the owner table maps or silences it', () => {
    const plain = withOwners({});
    expect(plain(['D', 'appointmentscheduled', '0', 'Acme', 'M. Frase'])).toMatchObject({
      ok: true, row: { owner: null }, warnings: [{ field: 'owner', value: 'M. Frase', message: expect.stringContaining('Owner "M. Frase" matches no user') }],
    });
    const mapped = withOwners({ 'm. frase': 'moses@maven.example', 'Former Rep': null });
    expect(mapped(['D', 'appointmentscheduled', '0', 'Acme', 'M. Frase'])).toMatchObject({ ok: true, row: { owner: users[0].id }, warnings: [] });
    expect(mapped(['D', 'appointmentscheduled', '0', 'Acme', 'Former Rep'])).toMatchObject({ ok: true, row: { owner: null }, warnings: [] });
    expect(mapped(['D', 'appointmentscheduled', '0', 'Acme', 'moses frase'])).toMatchObject({ ok: true, row: { owner: users[0].id } });
  });

  it('the owner report lists unmatched cells first, then by row count; the mapping check refuses targets that are no user', () => {
    const report = ownerReport([['Moses Frase', 5], ['Ghost', 1], ['Former Rep', 2], ['Nobody', 3]], ownerResolver({ 'Former Rep': null }, users));
    expect(report.map((r) => [r.value, r.how])).toEqual([['Nobody', 'unmatched'], ['Ghost', 'unmatched'], ['Moses Frase', 'user'], ['Former Rep', 'unowned']]);
    const m = { ...defaultMapping('deals', h), owners: { Ghost: 'ghost@nowhere.example' } };
    expect(checkMapping('deals', m, h, { ...opts, users }).map((e) => e.message)).toEqual([expect.stringContaining('"ghost@nowhere.example" is not a user')]);
  });
});

describe('companies and users', () => {
  it('companies recognise account headers; revenue scales per field; unknown countries warn and can be mapped', () => {
    const h = ['account', 'sector', 'revenue', 'employees', 'office_location'];
    const detected = defaultMapping('companies', h);
    expect(detected.columns).toMatchObject({ name: 'account', industry: 'sector', annualRevenue: 'revenue', employees: 'employees', country: 'office_location' });
    const m = { ...detected, scale: { annualRevenue: 1_000_000 }, values: { country: { Philipines: 'PH' } } };
    expect(checkMapping('companies', m, h, opts)).toEqual([]);
    const row = compileMapping('companies', m, h, opts);
    expect(row(['Cancity', 'retail', '718.62', '2448', 'United States'])).toMatchObject({ ok: true, row: { annualRevenue: 71_862_000_000, country: 'US' }, warnings: [] });
    expect(row(['Hatfan', 'services', '792.46', '1299', 'philipines'])).toMatchObject({ ok: true, row: { country: 'PH' } });
    expect(row(['J-Texon', 'retail', '1', '1', 'Narnia'])).toMatchObject({
      ok: true, row: { country: null }, warnings: [{ field: 'country', value: 'Narnia', message: expect.stringContaining('Unknown country "Narnia"') }],
    });
    const bad = { ...m, scale: { employees: 1000 }, values: { country: { Narnia: 'NA1' } } };
    expect(checkMapping('companies', bad, h, opts).map((e) => e.field)).toEqual(['country', 'employees']);
  });

  it('users: CRM role names, territories split, a manager of oneself dropped with a warning, partner roles refused', () => {
    const h = ['name', 'email', 'role', 'manager', 'team', 'territory'];
    const row = compileMapping('users', defaultMapping('users', h), h, opts);
    expect(row(['Zane Levy', 'Zane@Maven.example', 'Account Executive', 'Melvin', 'West', 'West; NA|EMEA'])).toMatchObject({
      ok: true, ref: 'Zane@Maven.example', row: { key: 'email:zane@maven.example', email: 'zane@maven.example', role: 'sales', territory: ['West', 'NA', 'EMEA'], team: 'West' },
    });
    expect(row(['Ann', 'ann@m.example', 'BDR', 'ann@m.example', '', ''])).toMatchObject({ ok: true, row: { role: 'sdr', manager: null }, warnings: [{ field: 'manager' }] });
    expect(row(['Ann', 'ann@m.example', '', '', '', ''])).toMatchObject({ ok: true, row: { role: 'sales' } });
    expect(row(['P', 'p@m.example', 'partner', '', '', ''])).toMatchObject({ ok: false, errors: [{ field: 'role', message: expect.stringContaining('Unknown role "partner"') }] });
    expect(row(['Nameless', '', 'AE', '', '', ''])).toMatchObject({ ok: false, ref: null, errors: [{ field: 'email', message: 'Email is blank' }] });
  });

  it('deals recognise a sales opportunities export (ids, agents, accounts, engage and close dates, close value)', () => {
    const h = ['opportunity_id', 'sales_agent', 'product', 'account', 'deal_stage', 'engage_date', 'close_date', 'close_value'];
    expect(detectMapping('deals', h).columns).toMatchObject({
      externalId: 'opportunity_id', owner: 'sales_agent', companyName: 'account', stage: 'deal_stage', createdAt: 'engage_date',
      closeDate: 'close_date', amount: 'close_value', name: null,
    });
  });
});
