// Events of accounts, contacts and their timeline; and of the platform (users, playbook), content and imports.
import { z } from 'zod';
import { d, ref, stream } from './define';
import { accountSnapshot, contactSnapshot } from './snapshots';

export const accountEvents = stream('accounts', {
  'account.created': { description: 'An account was created (by hand, by import or by converting a lead).', payload: z.object({
    account: accountSnapshot, leadId: ref('lead the account was converted from').optional(),
  }) },
  'account.updated': { description: 'An account was edited; the record before and after.', payload: z.object({ before: accountSnapshot, after: accountSnapshot }) },
  'account.deleted': { description: 'An account was deleted (soft: it can be restored).', payload: z.object({ name: z.string() }) },
  'account.restored': { description: 'A deleted account was restored.', payload: z.object({}) },
  'contact.created': { description: 'A contact was added to an account.', payload: z.object({ contact: contactSnapshot }) },
  'contact.updated': { description: 'A contact was edited; the record before and after.', payload: z.object({ before: contactSnapshot, after: contactSnapshot }) },
  'contact.deleted': { description: 'A contact was deleted.', payload: z.object({}) },
  'activity.logged': { description: "An activity (call, meeting, note, ...) was logged on an account's timeline.", payload: z.object({
    kind: z.string(), subject: z.string(),
  }) },
  'reminder.due': { description: 'A reminder set on an account fell due.', payload: z.object({
    timerId: ref('reminder'), note: z.string().nullable().optional(),
  }) },
});

export const platformEvents = stream('platform', {
  'user.created': { description: 'A user was invited or imported.', payload: z.object({ email: z.string(), role: z.string() }) },
  'playbook.updated': { description: 'A new playbook version was saved; every later decision reads it.', payload: z.object({
    version: z.number().int(), previous: z.number().int().nullable(),
  }) },
});

export const contentEvents = stream('content', {
  'content.created': { description: 'A content item (case study, battlecard, ...) was created.', payload: z.object({ kind: z.string(), title: z.string() }) },
  'content.updated': { description: 'A content item was edited.', payload: z.object({ kind: z.string(), title: z.string() }) },
  'content.deleted': { description: 'A content item was deleted.', payload: z.object({ title: z.string() }) },
});

const count = z.number().int().min(0);
export const importEvents = stream('imports', {
  'import.completed': { description: 'A CSV import finished; its row counts.', payload: z.object({
    kind: z.string().meta(d('What was imported: accounts, contacts, leads, users, ...')),
    rows: count, inserted: count, updated: count, failed: count, warned: count,
  }) },
});
