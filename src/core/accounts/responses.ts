// What the accounts API answers: accounts, contacts, the timeline, activities and reminders. Plain zod shared by the
// server (documents and checks its answers) and the web (reads the same shapes through the generated client).
import { z } from 'zod';
import { audienceSchema } from '../access/audience';
import { countedPage, currencyCode, freeForm, isoTime, list, minorUnits, page, stamps } from '../api/shapes';
import { ACTIVITY_KINDS, LIFECYCLE_STAGES, SEGMENTS, TIMELINE_KINDS, accountFields, contactCreateSchema } from './schemas';

const d = (description: string) => ({ description });
const deletedAt = isoTime.nullable().meta(d('When the row was deleted (soft delete); null while it is live.'));

/** An account: every input field present (null when unset), plus the stamps. */
export const accountSchema = z.object({
  ...accountFields,
  annualRevenue: minorUnits('The company\'s annual revenue').min(0).nullable(),
  arr: minorUnits('Annual recurring revenue').min(0),
  currency: currencyCode,
  description: accountFields.description.meta(d('The account team\'s description; empty (null) for customer users.')),
  ...stamps,
  deletedAt,
}).meta({ id: 'Account' });

export const accountPageSchema = countedPage(accountSchema).meta({ id: 'AccountPage' });

export const accountSummarySchema = list(z.object({
  lifecycleStage: z.enum(LIFECYCLE_STAGES),
  segment: z.enum(SEGMENTS),
  accounts: z.number().int().min(0).meta(d('Live accounts of this stage and segment in the caller\'s scope.')),
  arr: minorUnits('Summed ARR of those accounts').min(0),
  currency: currencyCode,
}).meta({ id: 'AccountSummaryRow' })).meta(d('One row per lifecycle stage × segment × currency that has accounts.'));

/** A contact: the input fields, all present (null when unset), plus the stamps. */
export const contactSchema = contactCreateSchema.required().extend({
  ...stamps, deletedAt, accountId: z.uuid(),
}).meta({ id: 'Contact' });

/** One entry of the account timeline: an activity, a system event, or (internal users) an audit entry. */
export const timelineItemSchema = z.object({
  id: z.string().meta(d('The activity id, or `audit-` and the zero-padded audit entry id.')),
  kind: z.enum(TIMELINE_KINDS),
  subject: z.string(),
  body: z.string().nullable(),
  at: isoTime,
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  contactId: z.uuid().nullable(),
  action: z.string().nullable().meta(d('Audit entries: the audited action, e.g. `account.update`; null otherwise.')),
  before: freeForm('the audited record before the change (audit entries; null otherwise).').nullable(),
  after: freeForm('the audited record after the change (audit entries; null otherwise).').nullable(),
  audience: audienceSchema.meta(d('Who outside the vendor sees the entry.')),
  version: z.number().int().nullable().meta(d('The activity\'s version, sent back to publish it; null for audit entries.')),
}).meta({ id: 'TimelineItem' });
export const timelinePageSchema = page(timelineItemSchema);

/** A logged activity or system event as stored. */
export const activitySchema = z.object({
  accountId: z.uuid(),
  kind: z.enum([...ACTIVITY_KINDS, 'system']),
  subject: z.string(),
  body: z.string().nullable(),
  occurredAt: isoTime,
  actorId: z.uuid().nullable(),
  contactId: z.uuid().nullable(),
  entityType: z.string().nullable().meta(d('The record a system event is about (e.g. `opportunity`); null for logged activities.')),
  entityId: z.string().nullable(),
  audience: audienceSchema,
  ...stamps,
  deletedAt,
}).meta({ id: 'Activity' });

export const pendingReminderSchema = z.object({
  id: z.uuid(),
  dueAt: isoTime,
  note: z.string(),
  byName: z.string().nullable().meta(d('Who set it.')),
}).meta({ id: 'PendingReminder' });
export const reminderListSchema = page(pendingReminderSchema).meta(d('At most one: setting another reminder moves it.'));

export const reminderSetSchema = z.object({
  id: z.uuid(),
  dueAt: isoTime,
  note: z.string(),
  status: z.string().meta(d('The timer\'s status (`pending` until it fires).')),
}).meta({ id: 'ScheduledReminder' });
