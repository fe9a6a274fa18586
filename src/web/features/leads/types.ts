// Lead shapes as the API returns them (dates as ISO strings).
import type { Bant, Engagement, LeadStatus, Priority } from '../../../core/leads/schemas';
import type { ScorePoint } from '../../../core/leads/scoring';

export interface Lead {
  id: string; version: number; status: LeadStatus; source: string; campaign: string | null;
  firstName: string | null; lastName: string | null; email: string | null; phone: string | null; title: string | null;
  companyName: string | null; domain: string | null; country: string | null; region: string | null; industry: string | null;
  employees: number | null; techStack: string[]; monitoringTools: string[]; servers: number | null; cloudResources: number | null;
  networkDevices: number | null; complianceFrameworks: string[]; recentInitiatives: string[]; hasCmdb: boolean | null;
  cmdbAccuracyPercent: number | null; notes: string | null;
  bant: Partial<Bant>; engagement: Engagement;
  fitScore: number; engagementScore: number; score: number; priority: Priority | null; scoreExplanation: ScorePoint[];
  conversionProbability: number | null;
  ownerId: string | null; assignedAt: string | null; assignmentExplanation: { by: string; text: string; ranking?: { name: string; points: number; parts: string[] }[] } | null;
  firstResponseDueAt: string | null; firstResponseTargetAt: string | null; firstRespondedAt: string | null;
  qualificationDueAt: string | null; qualifiedAt: string | null; slaDueAt: string | null; slaBreachedAt: string | null; escalationLevel: number;
  disqualificationReason: string | null; convertedAt: string | null; convertedAccountId: string | null; convertedOpportunityId: string | null;
  partnerId: string | null; referredByAccountId: string | null; possibleDuplicates: { id: string; match: string }[];
  createdAt: string; updatedAt: string;
  bantCheck?: { met: string[]; missing: { id: string; label: string; criterion: string }[]; required: number; ok: boolean };
}

export interface LeadActivity { id: string; kind: string; subject: string; body: string | null; inbound: boolean | null; occurredAt: string; actorName: string | null }

export interface DuplicateLead { id: string; email: string | null; companyName: string | null; firstName: string | null; lastName: string | null; status: LeadStatus; score: number; match: string; createdAt: string }

export interface LeadForm {
  id: string; version: number; name: string; source: string; campaign: string | null; ownerRule: 'auto' | 'fixed'; defaultOwnerId: string | null;
  active: boolean; minFillSeconds: number; rateLimitPerHour: number; createdAt: string; submissions30d: Record<string, number>;
}

export interface ModelStatus {
  status: 'not_trained' | 'insufficient_history' | 'active'; message: string; auc: number | null; sampleSize: number; positives: number;
  minExamples: number; trainedAt: string | null; topWeights: { feature: string; label: string; weight: number }[];
}

export const leadName = (l: Pick<Lead, 'firstName' | 'lastName' | 'email'>) =>
  [l.firstName, l.lastName].filter(Boolean).join(' ') || l.email || 'Unnamed lead';
