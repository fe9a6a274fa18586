// Shapes of the API's JSON as the web app uses them (dates arrive as ISO strings).
import type { Audience } from '../../core/access/audience';
import type { Role } from '../../core/access/roles';
import type { ACTIVITY_KINDS, CONTACT_ROLES, LIFECYCLE_STAGES, REGIONS, SEGMENTS, TIMELINE_KINDS } from '../../core/accounts/schemas';

export type Segment = (typeof SEGMENTS)[number];
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];
export type Region = (typeof REGIONS)[number];
export type ContactRole = (typeof CONTACT_ROLES)[number];
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface SessionUser {
  id: string; email: string; name: string; role: Role; partnerId: string | null; accountId: string | null;
}
export interface Session { user: SessionUser; csrfToken: string | null }

export interface Account {
  id: string;
  name: string;
  domain: string | null;
  industry: string | null;
  employees: number | null;
  annualRevenue: number | null;
  country: string | null;
  region: Region | null;
  territory: string | null;
  timeZone: string;
  segment: Segment;
  lifecycleStage: LifecycleStage;
  aeId: string | null;
  csmId: string | null;
  execSponsorId: string | null;
  partnerId: string | null;
  techStack: string[];
  servers: number;
  cloudResources: number;
  networkDevices: number;
  complianceFrameworks: string[];
  arr: number;
  currency: string;
  description: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  deletedAt?: string | null;
}

export interface Contact {
  id: string; accountId: string; firstName: string; lastName: string; email: string | null; phone: string | null;
  title: string | null; roles: ContactRole[]; isPrimary: boolean; version: number; createdAt: string; updatedAt: string;
  /** Who outside the vendor sees the roles. */
  rolesAudience: Audience;
}

export interface TimelineItem {
  id: string; kind: TimelineKind; subject: string; body: string | null; at: string;
  actorId: string | null; actorName: string | null; contactId: string | null;
  action: string | null; before: Record<string, unknown> | null; after: Record<string, unknown> | null;
  /** Who outside the vendor sees the entry; `version` (null for audit entries) publishes it. */
  audience: Audience; version: number | null;
}

export interface SummaryRow { lifecycleStage: LifecycleStage; segment: Segment; accounts: number; arr: number }

export interface DirectoryUser { id: string; name: string; role: Role }
export interface Partner { id: string; name: string; type: string }

export interface User {
  id: string; email: string; name: string; role: Role; partnerId: string | null; accountId: string | null;
  active: boolean; timeZone: string; lastLoginAt: string | null; version: number; createdAt: string; updatedAt: string;
}

export interface ApiToken {
  id: string; userId: string; userName?: string; name: string; prefix: string; scopes: string[];
  expiresAt: string | null; lastUsedAt: string | null; revokedAt: string | null; createdAt: string; token?: string;
}

export interface AuditEntry {
  id: number; at: string; actorId: string | null; actorLabel: string; action: string; entityType: string;
  entityId: string; accountId: string | null; before: Record<string, unknown> | null; after: Record<string, unknown> | null;
  requestId: string | null;
}

export interface PlaybookDoc { version: number; playbook: Record<string, unknown>; createdAt: string; note: string | null }
export interface PlaybookVersion { version: number; note: string | null; createdBy: string | null; createdAt: string }

export interface Webhook {
  id: string; url: string; description: string | null; events: string[]; active: boolean; version: number;
  createdAt: string; updatedAt: string; secret?: string;
}
export interface WebhookDelivery {
  id: number; webhookId: string; eventId: number; eventType: string; attempt: number; ok: boolean;
  responseStatus: number | null; error: string | null; durationMs: number; createdAt: string;
}
