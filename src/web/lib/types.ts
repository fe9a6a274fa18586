// Enums of core as types for the web app. API shapes are not written here: they come from the generated client
// (`Schema<'Account'>`, `ResponseOf<...>` from lib/api).
import type { Schema } from '../../client';
import type { ACTIVITY_KINDS, CONTACT_ROLES, LIFECYCLE_STAGES, REGIONS, SEGMENTS, TIMELINE_KINDS } from '../../core/accounts/schemas';

export type Segment = (typeof SEGMENTS)[number];
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];
export type Region = (typeof REGIONS)[number];
export type ContactRole = (typeof CONTACT_ROLES)[number];
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** @deprecated Names of generated shapes kept for features that still import them from here; use `Schema<…>` from lib/api. */
export type Account = Schema<'Account'>;
/** @deprecated Use `Schema<'Contact'>` from lib/api. */
export type Contact = Schema<'Contact'>;
/** @deprecated Use `Schema<'DirectoryUser'>` from lib/api. */
export type DirectoryUser = Schema<'DirectoryUser'>;
/** @deprecated Use `Schema<'Session'>` from lib/api. */
export type Session = Schema<'Session'>;
/** @deprecated Use `Schema<'AccountSummaryRow'>` from lib/api. */
export type SummaryRow = Schema<'AccountSummaryRow'>;
/** @deprecated Use `Schema<'Webhook'>` from lib/api. */
export type Webhook = Schema<'Webhook'>;
/** @deprecated Use `Schema<'SessionUser'>` from lib/api. */
export type SessionUser = Schema<'SessionUser'>;
