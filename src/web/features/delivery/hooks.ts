// TanStack Query hooks of delivery: projects, the plan (Gantt), tasks and the board, milestones and acceptance,
// governance, status reports, metrics, resource load. Every mutation refreshes everything under ['delivery'].
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Role } from '../../../core/access/roles';
import { api, type Page } from '../../lib/api';
import { useUser } from '../../lib/auth';
import { canReadInvoices, financeKeys, type InvoiceListItem } from '../finance/hooks';
import type {
  ChangeRequest, Gantt, Issue, Metric, Milestone, Project, ProjectListItem, ResourceLoad, StatusReport, Task, TaskBoard,
} from './types';

export const deliveryKeys = {
  all: ['delivery'] as const,
  projects: (f: Record<string, string | undefined>) => ['delivery', 'projects', f] as const,
  project: (id: string) => ['delivery', 'project', id] as const,
  gantt: (id: string) => ['delivery', 'project', id, 'gantt'] as const,
  tasks: (id: string, f: Record<string, string | undefined>) => ['delivery', 'project', id, 'tasks', f] as const,
  board: (f: Record<string, string | undefined>) => ['delivery', 'board', f] as const,
  milestones: (id: string) => ['delivery', 'project', id, 'milestones'] as const,
  governance: (id: string) => ['delivery', 'project', id, 'governance'] as const,
  reports: (id: string) => ['delivery', 'project', id, 'reports'] as const,
  metrics: (id: string) => ['delivery', 'project', id, 'metrics'] as const,
  load: (f: Record<string, string | number | undefined>) => ['delivery', 'load', f] as const,
  risks: ['delivery', 'risks'] as const,
};

const P = (id: string) => `/projects/${encodeURIComponent(id)}`;
export const calendarUrl = (id: string) => `/api${P(id)}/calendar.ics`;
export const reportPdfUrl = (projectId: string, id: string) => `/api${P(projectId)}/status-reports/${id}/report.pdf`;

// Mirrors server/modules/delivery/delivery.policy.ts (the server stays the authority).
export const canDeliver = (r: Role) => r === 'admin' || r === 'delivery';
/** Change-request decisions and cancellation: delivery, admins and executives. */
export const canDecide = (r: Role) => canDeliver(r) || r === 'executive';

const noRetryOn4xx = (n: number, e: Error) => { const s = (e as { status?: number }).status ?? 0; return !(s >= 400 && s < 500) && n < 2; };

export function useProjects(f: { status?: string; accountId?: string; managerId?: string; q?: string }, limit = 50) {
  return useInfiniteQuery({
    queryKey: [...deliveryKeys.projects(f), limit], retry: noRetryOn4xx,
    queryFn: ({ pageParam, signal }) => api.get<Page<ProjectListItem>>('/projects', { ...f, limit, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useProject(id: string) {
  return useQuery({ queryKey: deliveryKeys.project(id), retry: noRetryOn4xx, queryFn: ({ signal }) => api.get<Project>(P(id), undefined, signal) });
}

export function useGantt(id: string) {
  return useQuery({ queryKey: deliveryKeys.gantt(id), retry: noRetryOn4xx, queryFn: ({ signal }) => api.get<Gantt>(`${P(id)}/gantt`, undefined, signal) });
}

export function useProjectTasks(id: string, f: { status?: string; ownerId?: string; kind?: string } = {}, enabled = true) {
  return useQuery({
    queryKey: deliveryKeys.tasks(id, f), retry: noRetryOn4xx, placeholderData: keepPreviousData, enabled,
    queryFn: async ({ signal }) => (await api.get<{ items: Task[] }>(`${P(id)}/tasks`, f, signal)).items,
  });
}

/** The task board: one project's tasks by status, or across projects by owner (the API defaults to the caller's). */
export function useTaskBoard(f: { projectId?: string; ownerId?: string }) {
  return useQuery({
    queryKey: deliveryKeys.board(f), retry: noRetryOn4xx, placeholderData: keepPreviousData,
    queryFn: ({ signal }) => (f.projectId
      ? api.get<TaskBoard>(`${P(f.projectId)}/tasks`, { group: 'status', ownerId: f.ownerId }, signal)
      : api.get<TaskBoard>('/tasks', { group: 'status', ownerId: f.ownerId, includeDone: true }, signal)),
  });
}

export function useMilestones(id: string) {
  return useQuery({ queryKey: deliveryKeys.milestones(id), retry: noRetryOn4xx, queryFn: async ({ signal }) => {
    const r = await api.get<Milestone[] | { items: Milestone[] }>(`${P(id)}/milestones`, undefined, signal);
    return Array.isArray(r) ? r : r.items;
  } });
}

type Kind = 'risks' | 'issues' | 'change-requests' | 'raci' | 'meetings';

/** One governance list of a project (risks, issues, change requests, RACI rows, meetings). */
export function useGovList<T>(id: string, kind: Kind) {
  return useQuery({ queryKey: [...deliveryKeys.governance(id), kind], retry: noRetryOn4xx, queryFn: async ({ signal }) => {
    const r = await api.get<T[] | { items: T[] }>(`${P(id)}/${kind}`, undefined, signal);
    return Array.isArray(r) ? r : r.items;
  } });
}

export function useReports(id: string) {
  return useQuery({ queryKey: deliveryKeys.reports(id), retry: noRetryOn4xx, queryFn: async ({ signal }) => {
    const r = await api.get<StatusReport[] | { items: StatusReport[] }>(`${P(id)}/status-reports`, undefined, signal);
    return Array.isArray(r) ? r : r.items;
  } });
}

export function useMetrics(id: string) {
  return useQuery({ queryKey: deliveryKeys.metrics(id), retry: noRetryOn4xx, queryFn: async ({ signal }) => {
    const r = await api.get<{ metrics: Metric[]; recordable: string[] }>(`${P(id)}/metrics`, undefined, signal);
    return r.metrics.map((m) => ({ ...m, recordable: r.recordable.includes(m.key) }));
  } });
}

export function useResourceLoad(f: { weeks?: number; ownerId?: string; projectId?: string; from?: string }) {
  return useQuery({ queryKey: deliveryKeys.load(f), retry: noRetryOn4xx, placeholderData: keepPreviousData, queryFn: ({ signal }) => api.get<ResourceLoad>('/tasks/load', f, signal) });
}

function invalidateAll(qc: QueryClient) {
  qc.invalidateQueries({ queryKey: deliveryKeys.all });
  qc.invalidateQueries({ queryKey: ['realization'] });
  qc.invalidateQueries({ queryKey: financeKeys.all });
}

function useDeliveryMutation<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => invalidateAll(qc) });
}

/**
 * Billing issues an accepted milestone's invoice in a job a moment after the acceptance, so refreshing right away
 * finds nothing new: look for the invoice for up to half a minute and refresh the invoice lists (the portal's card
 * among them) when it is there.
 */
async function refreshWhenInvoiced(qc: QueryClient, projectId: string, milestoneId: string) {
  for (let waited = 0; waited < 30_000; waited += 1000) {
    await new Promise((r) => setTimeout(r, 1000));
    const page = await api.get<Page<InvoiceListItem>>('/invoices', { projectId, kind: 'milestone', limit: 50 }).catch(() => null);
    if (page?.items.some((i) => i.milestoneId === milestoneId)) {
      await qc.invalidateQueries({ queryKey: financeKeys.all });
      return;
    }
  }
}

// ---------------------------------------------------------------- project lifecycle
export function useSetCheck(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { list: 'entry' | 'go_live' | 'exit' | 'handoff'; itemId: string; done: boolean; note?: string }) =>
      api.post<Project>(`${P(id)}/checklists/${v.list}/${v.itemId}`, { done: v.done, note: v.note || undefined }),
    // The answer is the project without its plan rows: merge it so the checklists update at once.
    onSuccess: (p) => {
      qc.setQueryData<Project>(deliveryKeys.project(id), (old) => (old ? { ...old, ...p, phases: old.phases, milestones: old.milestones, progress: old.progress } : old));
      qc.invalidateQueries({ queryKey: deliveryKeys.project(id) });
    },
  });
}
export const useKickoff = (id: string) => useDeliveryMutation((v: { startDate?: string }) => api.post<Project>(`${P(id)}/kickoff`, v));
export const useGoLive = (id: string) => useDeliveryMutation(() => api.post<Project>(`${P(id)}/go-live`));
export const useCloseProject = (id: string) => useDeliveryMutation((v: { lessonsLearned: string; csatScore: number; qualityScore?: number }) => api.post<Project>(`${P(id)}/close`, v));
export const useCancelProject = (id: string) => useDeliveryMutation((v: { reason: string }) => api.post<Project>(`${P(id)}/cancel`, v));
export const useSetDeliverable = (id: string) => useDeliveryMutation((v: { phaseId: string; deliverableId: string; done: boolean }) =>
  api.post(`${P(id)}/phases/${v.phaseId}/deliverables/${v.deliverableId}`, { done: v.done }));

// ---------------------------------------------------------------- tasks
export const useUpdateTask = () => useDeliveryMutation((v: { id: string; body: Record<string, unknown> & { version: number } }) => api.patch<Task>(`/tasks/${v.id}`, v.body));
export const useCreateTask = (projectId: string) => useDeliveryMutation((body: Record<string, unknown>) => api.post<Task>(`${P(projectId)}/tasks`, body));

// ---------------------------------------------------------------- milestones
export const useSubmitMilestone = (projectId: string) => useDeliveryMutation((v: { milestoneId: string; comment?: string }) =>
  api.post<Milestone>(`${P(projectId)}/milestones/${v.milestoneId}/submit`, { comment: v.comment || undefined }));
export function useDecideMilestone(projectId: string) {
  const qc = useQueryClient();
  const user = useUser();
  return useMutation({
    mutationFn: (v: { milestoneId: string; accept: boolean; comment?: string; contactId?: string }) =>
      api.post<Milestone>(`${P(projectId)}/milestones/${v.milestoneId}/${v.accept ? 'accept' : 'reject'}`, { comment: v.comment || undefined, contactId: v.contactId }),
    onSuccess: (ms, v) => {
      invalidateAll(qc);
      if (v.accept && ms.amount > 0 && canReadInvoices(user.role)) void refreshWhenInvoiced(qc, projectId, ms.id);
    },
  });
}

// ---------------------------------------------------------------- governance
export const useCreateChild = <T,>(projectId: string, kind: Kind) => useDeliveryMutation((body: Record<string, unknown>) => api.post<T>(`${P(projectId)}/${kind}`, body));
export const useUpdateChild = <T,>(projectId: string, kind: Kind) => useDeliveryMutation((v: { id: string; body: Record<string, unknown> & { version: number } }) =>
  api.patch<T>(`${P(projectId)}/${kind}/${v.id}`, v.body));
export const useAdvanceIssue = (projectId: string) => useDeliveryMutation((v: { id: string; note?: string; resolution?: string }) =>
  api.post<Issue>(`${P(projectId)}/issues/${v.id}/advance`, { note: v.note || undefined, resolution: v.resolution || undefined }));
export const useEscalateIssue = (projectId: string) => useDeliveryMutation((v: { id: string; topic: string; note?: string }) =>
  api.post<Issue>(`${P(projectId)}/issues/${v.id}/escalate`, { topic: v.topic, note: v.note || undefined }));
export const useDecideChange = (projectId: string) => useDeliveryMutation((v: { id: string; approve: boolean; note?: string }) =>
  api.post<ChangeRequest>(`${P(projectId)}/change-requests/${v.id}/${v.approve ? 'approve' : 'reject'}`, { note: v.note || undefined }));

// ---------------------------------------------------------------- status reports and metrics
export const useGenerateReport = (projectId: string) => useDeliveryMutation((v: { weekOf?: string }) => api.post<StatusReport>(`${P(projectId)}/status-reports`, v));
export const useUpdateReport = (projectId: string) => useDeliveryMutation((v: { id: string; body: { version: number; overall?: string; summary?: string; nextSteps?: string } }) =>
  api.patch<StatusReport>(`${P(projectId)}/status-reports/${v.id}`, v.body));
export const useSendReport = (projectId: string) => useDeliveryMutation((v: { id: string }) => api.post<StatusReport>(`${P(projectId)}/status-reports/${v.id}/send`));
export const useRecordMetric = (projectId: string) => useDeliveryMutation((v: { key: string; value: number; note?: string }) =>
  api.post(`${P(projectId)}/metrics/${v.key}`, { value: v.value, note: v.note || undefined }));

export const STATUS_COLORS: Record<string, string> = {
  planned: 'gray', active: 'blue', hypercare: 'grape', closed: 'teal', on_hold: 'yellow', cancelled: 'dark',
  todo: 'gray', in_progress: 'blue', blocked: 'red', done: 'teal',
  pending: 'gray', submitted: 'yellow', accepted: 'teal', rejected: 'red',
};
export const TASK_STATUS_LABELS: Record<string, string> = { todo: 'To do', in_progress: 'In progress', blocked: 'Blocked', done: 'Done' };
