// TanStack Query hooks of delivery: projects, the plan (Gantt), tasks and the board, milestones and acceptance,
// governance, status reports, metrics, resource load. Every mutation refreshes everything under ['delivery'].
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { paths } from '../../../client';
import type { Role } from '../../../core/access/roles';
import { client, ok, type BodyOf, type ResponseOf, type Schema } from '../../lib/api';
import { useUser } from '../../lib/auth';
import { canReadInvoices, financeKeys } from '../finance/hooks';

// The API's shapes, from the generated client: days YYYY-MM-DD, instants ISO strings, money integer minor units of
// the `currency` beside it.
export type Project = Schema<'Project'>;
export type ProjectState = Schema<'ProjectState'>;
export type ProjectListItem = Schema<'ProjectListItem'>;
export type ProjectStatus = Project['status'];
export type Phase = Schema<'ProjectPhase'>;
export type Milestone = Schema<'ProjectMilestone'>;
export type MilestoneWithHistory = Schema<'ProjectMilestoneWithHistory'>;
export type MilestoneStatus = Milestone['status'];
export type Checklist = Project['checklists']['entry'];
export type Task = Schema<'DeliveryTaskListItem'>;
export type TaskStatus = Task['status'];
export type TaskKind = Task['kind'];
export type TaskBoard = Schema<'TaskBoard'>;
export type Gantt = Schema<'Gantt'>;
export type ResourceLoad = Schema<'ResourceLoad'>;
export type Risk = Schema<'ProjectRisk'>;
export type Level = Risk['impact'];
export type Issue = Schema<'ProjectIssue'>;
export type ChangeRequest = Schema<'ChangeRequest'>;
export type RaciRow = Schema<'RaciRow'>;
export type Meeting = Schema<'ProjectMeeting'>;
export type StatusReport = Schema<'StatusReport'>;
export type DeliveryOverview = Schema<'DeliveryOverview'>;
/** A project metric as the metrics tab shows it: whether a value can be recorded by hand is a view concern. */
export type Metric = Schema<'ProjectMetric'> & { recordable: boolean };

/** The filters of the project list (the query of GET /projects without its paging). */
export type ProjectFilters = Omit<NonNullable<paths['/projects']['get']['parameters']['query']>, 'limit' | 'cursor'>;
export type TaskFilters = Pick<NonNullable<paths['/projects/{id}/tasks']['get']['parameters']['query']>, 'status' | 'ownerId' | 'kind'>;
export type LoadFilters = NonNullable<paths['/tasks/load']['get']['parameters']['query']>;

export const deliveryKeys = {
  all: ['delivery'] as const,
  projects: (f: ProjectFilters) => ['delivery', 'projects', f] as const,
  project: (id: string) => ['delivery', 'project', id] as const,
  gantt: (id: string) => ['delivery', 'project', id, 'gantt'] as const,
  tasks: (id: string, f: TaskFilters) => ['delivery', 'project', id, 'tasks', f] as const,
  board: (f: Record<string, string | undefined>) => ['delivery', 'board', f] as const,
  milestones: (id: string) => ['delivery', 'project', id, 'milestones'] as const,
  governance: (id: string) => ['delivery', 'project', id, 'governance'] as const,
  reports: (id: string) => ['delivery', 'project', id, 'reports'] as const,
  metrics: (id: string) => ['delivery', 'project', id, 'metrics'] as const,
  load: (f: LoadFilters) => ['delivery', 'load', f] as const,
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
const onProject = (id: string) => ({ params: { path: { id } } });

/** A task list answers `items`, or the board (`columns`) with group=status. */
type TaskList = ResponseOf<'/tasks', 'get'>;
const itemsOf = (r: TaskList): Task[] => ('items' in r ? r.items : r.columns.flatMap((c) => c.tasks));
const boardOf = (r: TaskList): TaskBoard => ('columns' in r ? r : { columns: [] });

export function useProjects(f: ProjectFilters, limit = 50) {
  return useInfiniteQuery({
    queryKey: [...deliveryKeys.projects(f), limit], retry: noRetryOn4xx,
    queryFn: ({ pageParam, signal }) => ok(client.GET('/projects', { params: { query: { ...f, limit, cursor: pageParam } }, signal })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useProject(id: string) {
  return useQuery({
    queryKey: deliveryKeys.project(id), retry: noRetryOn4xx,
    queryFn: ({ signal }) => ok(client.GET('/projects/{id}', { ...onProject(id), signal })),
  });
}

export function useGantt(id: string) {
  return useQuery({
    queryKey: deliveryKeys.gantt(id), retry: noRetryOn4xx,
    queryFn: ({ signal }) => ok(client.GET('/projects/{id}/gantt', { ...onProject(id), signal })),
  });
}

export function useProjectTasks(id: string, f: TaskFilters = {}, enabled = true) {
  return useQuery({
    queryKey: deliveryKeys.tasks(id, f), retry: noRetryOn4xx, placeholderData: keepPreviousData, enabled,
    queryFn: async ({ signal }) => itemsOf(await ok(client.GET('/projects/{id}/tasks', { params: { path: { id }, query: f }, signal }))),
  });
}

/** The task board: one project's tasks by status, or across projects by owner (the API defaults to the caller's). */
export function useTaskBoard(f: { projectId?: string; ownerId?: string }) {
  return useQuery({
    queryKey: deliveryKeys.board(f), retry: noRetryOn4xx, placeholderData: keepPreviousData,
    queryFn: async ({ signal }) => boardOf(await ok(f.projectId
      ? client.GET('/projects/{id}/tasks', { params: { path: { id: f.projectId }, query: { group: 'status', ownerId: f.ownerId } }, signal })
      : client.GET('/tasks', { params: { query: { group: 'status', ownerId: f.ownerId, includeDone: true } }, signal }))),
  });
}

export function useMilestones(id: string) {
  return useQuery({
    queryKey: deliveryKeys.milestones(id), retry: noRetryOn4xx,
    queryFn: ({ signal }) => ok(client.GET('/projects/{id}/milestones', { ...onProject(id), signal })),
  });
}

type Kind = 'risks' | 'issues' | 'change-requests' | 'raci' | 'meetings';
type GovPath<K extends Kind> = `/projects/{id}/${K}`;
type GovItemPath<K extends Kind> = `/projects/{id}/${K}/{itemId}`;
/** The row of a governance register, as the API answers it. */
export type GovRow<K extends Kind> = ResponseOf<GovPath<K>, 'get'>[number];
// The five registers share one route shape (core: governance-responses.ts), so one hook serves them; the client needs
// a literal path, hence the casts to the risks' path with the row type of the register asked for.
const govPath = <K extends Kind>(kind: K) => `/projects/{id}/${kind}` as GovPath<'risks'>;
const govItemPath = <K extends Kind>(kind: K) => `/projects/{id}/${kind}/{itemId}` as GovItemPath<'risks'>;

/** One governance list of a project (risks, issues, change requests, RACI rows, meetings). */
export function useGovList<K extends Kind>(id: string, kind: K) {
  return useQuery({
    queryKey: [...deliveryKeys.governance(id), kind], retry: noRetryOn4xx,
    queryFn: async ({ signal }) => (await ok(client.GET(govPath(kind), { ...onProject(id), signal }))) as GovRow<K>[],
  });
}

export function useReports(id: string) {
  return useQuery({
    queryKey: deliveryKeys.reports(id), retry: noRetryOn4xx,
    queryFn: ({ signal }) => ok(client.GET('/projects/{id}/status-reports', { ...onProject(id), signal })),
  });
}

export function useMetrics(id: string) {
  return useQuery({
    queryKey: deliveryKeys.metrics(id), retry: noRetryOn4xx,
    queryFn: async ({ signal }): Promise<Metric[]> => {
      const r = await ok(client.GET('/projects/{id}/metrics', { ...onProject(id), signal }));
      return r.metrics.map((m) => ({ ...m, recordable: r.recordable.includes(m.key) }));
    },
  });
}

export function useResourceLoad(f: LoadFilters) {
  return useQuery({
    queryKey: deliveryKeys.load(f), retry: noRetryOn4xx, placeholderData: keepPreviousData,
    queryFn: ({ signal }) => ok(client.GET('/tasks/load', { params: { query: f }, signal })),
  });
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
    const page = await ok(client.GET('/invoices', { params: { query: { projectId, kind: 'milestone', limit: 50 } } })).catch(() => null);
    if (page?.items.some((i) => i.milestoneId === milestoneId)) {
      await qc.invalidateQueries({ queryKey: financeKeys.all });
      return;
    }
  }
}

// ---------------------------------------------------------------- project lifecycle
type ChecklistPath = paths['/projects/{id}/checklists/{list}/{itemId}']['post']['parameters']['path'];
export function useSetCheck(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { list: ChecklistPath['list']; itemId: string; done: boolean; note?: string }) =>
      ok(client.POST('/projects/{id}/checklists/{list}/{itemId}', {
        params: { path: { id, list: v.list, itemId: v.itemId } }, body: { done: v.done, note: v.note || undefined },
      })),
    // The answer is the project without its plan rows: merge it so the checklists update at once.
    onSuccess: (p) => {
      qc.setQueryData<Project>(deliveryKeys.project(id), (old) => (old ? {
        ...old, ...p, phases: old.phases, milestones: old.milestones, progress: old.progress, accountName: old.accountName,
        checklists: { ...p.checklists, goLive: { ...p.checklists.goLive, blockedBy: old.checklists.goLive.blockedBy } },
      } : old));
      qc.invalidateQueries({ queryKey: deliveryKeys.project(id) });
    },
  });
}
export const useKickoff = (id: string) => useDeliveryMutation((body: BodyOf<'/projects/{id}/kickoff', 'post'>) =>
  ok(client.POST('/projects/{id}/kickoff', { ...onProject(id), body })));
export const useGoLive = (id: string) => useDeliveryMutation(() => ok(client.POST('/projects/{id}/go-live', onProject(id))));
export const useCloseProject = (id: string) => useDeliveryMutation((body: BodyOf<'/projects/{id}/close', 'post'>) =>
  ok(client.POST('/projects/{id}/close', { ...onProject(id), body })));
export const useCancelProject = (id: string) => useDeliveryMutation((body: BodyOf<'/projects/{id}/cancel', 'post'>) =>
  ok(client.POST('/projects/{id}/cancel', { ...onProject(id), body })));
export const useSetDeliverable = (id: string) => useDeliveryMutation((v: { phaseId: string; deliverableId: string; done: boolean }) =>
  ok(client.POST('/projects/{id}/phases/{phaseId}/deliverables/{deliverableId}', {
    params: { path: { id, phaseId: v.phaseId, deliverableId: v.deliverableId } }, body: { done: v.done },
  })));

// ---------------------------------------------------------------- tasks
export type TaskPatch = BodyOf<'/tasks/{id}', 'patch'>;
export const useUpdateTask = () => useDeliveryMutation((v: { id: string; body: TaskPatch }) =>
  ok(client.PATCH('/tasks/{id}', { params: { path: { id: v.id } }, body: v.body })));
export const useCreateTask = (projectId: string) => useDeliveryMutation((body: BodyOf<'/projects/{id}/tasks', 'post'>) =>
  ok(client.POST('/projects/{id}/tasks', { ...onProject(projectId), body })));

// ---------------------------------------------------------------- milestones
const onMilestone = (id: string, milestoneId: string) => ({ params: { path: { id, milestoneId } } });
export const useSubmitMilestone = (projectId: string) => useDeliveryMutation((v: { milestoneId: string; comment?: string }) =>
  ok(client.POST('/projects/{id}/milestones/{milestoneId}/submit', { ...onMilestone(projectId, v.milestoneId), body: { comment: v.comment || undefined } })));
export function useDecideMilestone(projectId: string) {
  const qc = useQueryClient();
  const user = useUser();
  return useMutation({
    mutationFn: (v: { milestoneId: string; accept: boolean; comment?: string; contactId?: string }) => (v.accept
      ? ok(client.POST('/projects/{id}/milestones/{milestoneId}/accept', {
        ...onMilestone(projectId, v.milestoneId), body: { comment: v.comment || undefined, contactId: v.contactId },
      }))
      : ok(client.POST('/projects/{id}/milestones/{milestoneId}/reject', {
        ...onMilestone(projectId, v.milestoneId), body: { comment: v.comment ?? '', contactId: v.contactId },
      }))),
    onSuccess: (ms, v) => {
      invalidateAll(qc);
      if (v.accept && ms.amount > 0 && canReadInvoices(user.role)) void refreshWhenInvoiced(qc, projectId, ms.id);
    },
  });
}

// ---------------------------------------------------------------- governance
const onItem = (id: string, itemId: string) => ({ params: { path: { id, itemId } } });
export const useCreateChild = <K extends Kind>(projectId: string, kind: K) =>
  useDeliveryMutation(async (body: BodyOf<GovPath<K>, 'post'>) =>
    (await ok(client.POST(govPath(kind), { ...onProject(projectId), body: body as BodyOf<GovPath<'risks'>, 'post'> }))) as GovRow<K>);
export const useUpdateChild = <K extends Kind>(projectId: string, kind: K) =>
  useDeliveryMutation(async (v: { id: string; body: BodyOf<GovItemPath<K>, 'patch'> }) =>
    (await ok(client.PATCH(govItemPath(kind), { ...onItem(projectId, v.id), body: v.body as BodyOf<GovItemPath<'risks'>, 'patch'> }))) as GovRow<K>);
export const useAdvanceIssue = (projectId: string) => useDeliveryMutation((v: { id: string; note?: string; resolution?: string }) =>
  ok(client.POST('/projects/{id}/issues/{itemId}/advance', { ...onItem(projectId, v.id), body: { note: v.note || undefined, resolution: v.resolution || undefined } })));
export const useEscalateIssue = (projectId: string) => useDeliveryMutation((v: { id: string; topic: string; note?: string }) =>
  ok(client.POST('/projects/{id}/issues/{itemId}/escalate', { ...onItem(projectId, v.id), body: { topic: v.topic, note: v.note || undefined } })));
export const useDecideChange = (projectId: string) => useDeliveryMutation((v: { id: string; approve: boolean; note?: string }) => {
  const init = { ...onItem(projectId, v.id), body: { note: v.note || undefined } };
  return v.approve
    ? ok(client.POST('/projects/{id}/change-requests/{itemId}/approve', init))
    : ok(client.POST('/projects/{id}/change-requests/{itemId}/reject', init));
});

// ---------------------------------------------------------------- status reports and metrics
const onReport = (id: string, reportId: string) => ({ params: { path: { id, reportId } } });
export const useGenerateReport = (projectId: string) => useDeliveryMutation((body: BodyOf<'/projects/{id}/status-reports', 'post'>) =>
  ok(client.POST('/projects/{id}/status-reports', { ...onProject(projectId), body })));
export const useUpdateReport = (projectId: string) => useDeliveryMutation((v: { id: string; body: BodyOf<'/projects/{id}/status-reports/{reportId}', 'patch'> }) =>
  ok(client.PATCH('/projects/{id}/status-reports/{reportId}', { ...onReport(projectId, v.id), body: v.body })));
export const useSendReport = (projectId: string) => useDeliveryMutation((v: { id: string }) =>
  ok(client.POST('/projects/{id}/status-reports/{reportId}/send', onReport(projectId, v.id))));
export const useRecordMetric = (projectId: string) => useDeliveryMutation((v: { key: string; value: number; note?: string }) =>
  ok(client.POST('/projects/{id}/metrics/{key}', { params: { path: { id: projectId, key: v.key } }, body: { value: v.value, note: v.note || undefined } })));

export const STATUS_COLORS: Record<string, string> = {
  planned: 'gray', active: 'blue', hypercare: 'grape', closed: 'teal', on_hold: 'yellow', cancelled: 'dark',
  todo: 'gray', in_progress: 'blue', blocked: 'red', done: 'teal',
  pending: 'gray', submitted: 'yellow', accepted: 'teal', rejected: 'red',
};
export const TASK_STATUS_LABELS: Record<string, string> = { todo: 'To do', in_progress: 'In progress', blocked: 'Blocked', done: 'Done' };
