// Governance rules of 003: the issue resolution process (six steps, the last closes the issue) and the escalation
// paths (a chain of roles per topic; each escalation goes one role further up the chain).
import type { DeliveryPlaybook } from './plan';

export interface IssueState { step: number; status: 'open' | 'resolved' }

/** Moves an issue to the next resolution step; reaching the last step ("Verification and closure") resolves it. */
export function advanceIssue(steps: string[], issue: IssueState): { step: number; status: 'open' | 'resolved'; label: string } | { error: string } {
  if (issue.status === 'resolved') return { error: 'The issue is already resolved.' };
  const next = Math.min(issue.step + 1, steps.length - 1);
  return { step: next, status: next === steps.length - 1 ? 'resolved' : 'open', label: steps[next] };
}

/**
 * The next escalation along a topic's chain. Escalating on the topic already escalated goes one role up; another
 * topic starts at its chain's first role. Past the end of the chain there is nobody further to escalate to.
 */
export function escalate(paths: DeliveryPlaybook['escalationPaths'], topic: string, current: { topic: string | null; level: number }):
  { level: number; roleId: string; chain: string[] } | { error: string } {
  const path = paths.find((p) => p.topic.toLowerCase() === topic.toLowerCase());
  if (!path) return { error: `Unknown escalation topic "${topic}". Known: ${paths.map((p) => p.topic).join(', ')}.` };
  const level = current.topic && current.topic.toLowerCase() === path.topic.toLowerCase() ? current.level + 1 : 1;
  if (level > path.chainRoleIds.length) return { error: `Already escalated to the end of the ${path.topic} path (${path.chainRoleIds.join(' → ')}).` };
  return { level, roleId: path.chainRoleIds[level - 1], chain: path.chainRoleIds };
}
