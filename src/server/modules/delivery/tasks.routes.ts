// Thin routes of project tasks: list and board, my tasks, resource load, create, update, dependencies.
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  dependencySchema, loadQuerySchema, myTasksQuerySchema, taskCreateSchema, taskListQuerySchema, taskUpdateSchema,
} from '../../../core/delivery/schemas';
import {
  dependencyAddedSchema, resourceLoadSchema, taskChangeSchema, taskDetailSchema, taskListSchema,
} from '../../../core/delivery/responses';
import type { AppEnv } from '../../http/env';
import { idParam, json, jsonBody } from '../../http/openapi';
import { ctxOf, guard } from '../../http/route';
import { policies as p } from './delivery.policy';
import * as tasks from './tasks.service';

// Answers are service rows (Date objects, text columns) typed wider than their JSON: `as never` hands them to c.json,
// and the response check validates every answer against its documented schema in tests.
const tags = ['delivery'];
const depParam = z.object({ id: z.uuid(), dependsOnId: z.uuid() });
const scheduleDoc = 'When dates change, or a task finishes later than planned, its successors shift (finish-to-start, calendar days incl. '
  + 'weekends, plus lag), and so do milestone forecasts and the project\'s forecast end; `schedule.moved` lists what moved.';

export function registerTaskRoutes(api: OpenAPIHono<AppEnv>) {
  // Before /tasks/{id}.
  api.openapi(guard(p.readInternal, {
    method: 'get', path: '/tasks/load', tags, summary: 'Resource load: hours planned per person per week',
    description: 'For the Delivery Command view: open tasks of planned, active and hypercare projects; each task\'s estimate spread evenly '
      + 'over its calendar days and summed per ISO week (Monday) and owner (null = unassigned).',
    request: { query: loadQuerySchema },
    responses: { 200: json(resourceLoadSchema, 'Load') },
  }), async (c) => c.json(await tasks.resourceLoad(ctxOf(c), c.req.valid('query')) as never, 200));

  api.openapi(guard(p.readInternal, {
    method: 'get', path: '/tasks', tags, summary: 'Tasks by owner across projects (default: mine), or the board with group=status',
    request: { query: myTasksQuerySchema },
    responses: { 200: json(taskListSchema, '`items`, or `columns` with group=status') },
  }), async (c) => c.json(await tasks.listTasks(ctxOf(c), c.req.valid('query')) as never, 200));

  api.openapi(guard(p.readInternal, {
    method: 'get', path: '/projects/{id}/tasks', tags, summary: 'Tasks of a project, or its board with group=status',
    request: { params: idParam, query: taskListQuerySchema },
    responses: { 200: json(taskListSchema, '`items`, or `columns` with group=status') },
  }), async (c) => c.json(await tasks.listProjectTasks(ctxOf(c), c.req.valid('param').id, c.req.valid('query')) as never, 200));

  api.openapi(guard(p.write, {
    method: 'post', path: '/projects/{id}/tasks', tags, summary: 'Add a task (optionally after other tasks)',
    description: `Dates default to today (or the project start) for ⌈estimate / 8 h⌉ days. ${scheduleDoc}`,
    request: { params: idParam, body: jsonBody(taskCreateSchema) },
    responses: { 201: json(taskChangeSchema, 'Created') },
  }), async (c) => c.json(await tasks.createTask(ctxOf(c), c.req.valid('param').id, c.req.valid('json')) as never, 201));

  api.openapi(guard(p.readInternal, {
    method: 'get', path: '/tasks/{id}', tags, summary: 'A task with its predecessors and successors',
    request: { params: idParam },
    responses: { 200: json(taskDetailSchema, 'Task') },
  }), async (c) => c.json(await tasks.getTask(ctxOf(c), c.req.valid('param').id) as never, 200));

  api.openapi(guard(p.write, {
    method: 'patch', path: '/tasks/{id}', tags, summary: 'Update a task (status, owner, dates, hours)',
    description: `Send the \`version\` you loaded (409 when stale). Status done records \`completedOn\` (default today) as the end. ${scheduleDoc}`,
    request: { params: idParam, body: jsonBody(taskUpdateSchema) },
    responses: { 200: json(taskChangeSchema, 'Updated') },
  }), async (c) => c.json(await tasks.updateTask(ctxOf(c), c.req.valid('param').id, c.req.valid('json')) as never, 200));

  api.openapi(guard(p.write, {
    method: 'post', path: '/tasks/{id}/dependencies', tags, summary: 'Make the task start after another (finish-to-start + lag)',
    description: `A dependency that would close a cycle is refused with 422 and the \`cycle\`. ${scheduleDoc}`,
    request: { params: idParam, body: jsonBody(dependencySchema) },
    responses: { 200: json(dependencyAddedSchema, 'Added') },
  }), async (c) => c.json(await tasks.addDependency(ctxOf(c), c.req.valid('param').id, c.req.valid('json')) as never, 200));

  api.openapi(guard(p.write, {
    method: 'delete', path: '/tasks/{id}/dependencies/{dependsOnId}', tags, summary: 'Remove a dependency',
    request: { params: depParam },
    responses: { 204: { description: 'Removed' } },
  }), async (c) => {
    const { id, dependsOnId } = c.req.valid('param');
    await tasks.removeDependency(ctxOf(c), id, dependsOnId);
    return c.body(null, 204);
  });
}
