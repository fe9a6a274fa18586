// Thin routes of the pipeline: opportunities, stage gates, board, forecast, POC and contract.
// Answers are documented by core/pipeline/responses.ts. The service types are wider than those shapes (text columns for
// enums, jsonb as unknown, Date before JSON), so answers are cast at the edge: the response check proves the shapes in
// the integration tests.
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  advanceSchema, boardQuerySchema, closeLostSchema, closeWonSchema, criterionSchema, forecastQuerySchema,
  opportunityCreateSchema, opportunityListQuerySchema, opportunityUpdateSchema, pocCreateSchema, pocResultSchema, pocUpdateSchema,
} from '../../../core/pipeline/schemas';
import * as R from '../../../core/pipeline/responses';
import { opportunityFor } from '../../../core/access/outsider-views';
import type { AppEnv } from '../../http/env';
import { idParam, json, jsonBody } from '../../http/openapi';
import { ctxOf, guard } from '../../http/route';
import * as boardService from './board.service';
import * as opps from './opportunities.service';
import { policies as p } from './pipeline.policy';
import * as pocs from './pocs.service';
import * as stages from './stages.service';

const tags = ['pipeline'];
const criterionParam = z.object({ id: z.uuid(), criterionId: z.string().min(1).max(60) });
const gateDoc = 'Moving forward needs the exit criteria of the current stage and of every skipped stage (and, past POC, a '
  + 'completed POC with all success criteria validated). When some are missing the answer is 422 with `missing` '
  + '(stage, id, label) and `errors`, and nothing changes. Admins and executives may pass with `overrideReason`; the '
  + 'override is audited with the missing list and kept in the stage history. (There is no separate sales-manager role: '
  + 'admin and executive are the managers who may override.) Moving back is always allowed and recorded.';

export function registerPipelineRoutes(api: OpenAPIHono<AppEnv>) {
  api.openapi(guard(p.read, {
    method: 'get', path: '/pipeline/board', tags, summary: 'The pipeline board: open opportunities by stage',
    description: 'Per open stage: count, amount and weighted amount (Σ amount × probability) of every matching opportunity, '
      + 'and the first page of cards by close date. Load more of one column with `stage` and that column\'s `nextCursor`.',
    request: { query: boardQuerySchema },
    responses: { 200: json(R.boardSchema, 'Board') },
  }), async (c) => c.json(await boardService.board(ctxOf(c), c.req.valid('query')) as never, 200));

  api.openapi(guard(p.forecast, {
    method: 'get', path: '/pipeline/forecast', tags, summary: 'Forecast by period and owner',
    description: 'Per period (of the close date) and owner: open amounts by forecast category (pipeline, best case, commit; '
      + 'each opportunity in one), closed-won amounts, and the weighted pipeline Σ amount × probability / 100 of open, '
      + 'non-omitted opportunities. Default window: two periods back to three ahead.',
    request: { query: forecastQuerySchema },
    responses: { 200: json(R.forecastSchema, 'Forecast') },
  }), async (c) => c.json(await boardService.forecast(ctxOf(c), c.req.valid('query')) as never, 200));

  api.openapi(guard(p.read, {
    method: 'get', path: '/opportunities', tags, summary: 'List opportunities',
    description: 'Sorted by close date (none last); keyset pagination with `cursor`.',
    request: { query: opportunityListQuerySchema },
    responses: { 200: json(R.opportunityPage, 'A page of opportunities') },
  }), async (c) => c.json(await opps.listOpportunities(ctxOf(c), c.req.valid('query')) as never, 200));

  api.openapi(guard(p.create, {
    method: 'post', path: '/opportunities', tags, summary: 'Create an opportunity (in the first open stage)',
    description: 'Partner users create opportunities for their own partner only.',
    request: { body: jsonBody(opportunityCreateSchema) },
    responses: { 201: json(R.opportunitySchema, 'Created') },
  }), async (c) => c.json(await opps.createOpportunity(ctxOf(c), c.req.valid('json')) as never, 201));

  api.openapi(guard(p.read, {
    method: 'get', path: '/opportunities/{id}', tags, summary: 'Get an opportunity with stages, checklists, history, POC and contract',
    request: { params: idParam },
    responses: { 200: json(R.opportunityDetailSchema, 'The opportunity') },
  }), async (c) => c.json(opportunityFor(ctxOf(c).actor, await opps.getOpportunity(ctxOf(c), c.req.valid('param').id)) as never, 200));

  api.openapi(guard(p.update, {
    method: 'patch', path: '/opportunities/{id}', tags, summary: 'Update an opportunity',
    description: 'Send the `version` you loaded. `probability` or `forecastCategory` set by hand stay through stage changes; null returns them to the stage\'s.',
    request: { params: idParam, body: jsonBody(opportunityUpdateSchema) },
    responses: { 200: json(R.opportunitySchema, 'Updated') },
  }), async (c) => c.json(opportunityFor(ctxOf(c).actor, await opps.updateOpportunity(ctxOf(c), c.req.valid('param').id, c.req.valid('json'))) as never, 200));

  api.openapi(guard(p.read, {
    method: 'get', path: '/accounts/{id}/opportunities', tags, summary: 'Opportunities of an account',
    request: { params: idParam, query: opportunityListQuerySchema.omit({ accountId: true }) },
    responses: { 200: json(R.opportunityPage, 'Opportunities') },
  }), async (c) => c.json(await opps.accountOpportunities(ctxOf(c), c.req.valid('param').id, c.req.valid('query')) as never, 200));

  api.openapi(guard(p.criteria, {
    method: 'post', path: '/opportunities/{id}/criteria/{criterionId}', tags, summary: 'Tick or untick an exit criterion',
    description: 'The criterion belongs to `stage` (default: the current stage, else the first stage listing it). Audited.',
    request: { params: criterionParam, body: jsonBody(criterionSchema) },
    responses: { 200: json(R.opportunitySchema, 'Updated opportunity') },
  }), async (c) => {
    const { id, criterionId } = c.req.valid('param');
    return c.json(opportunityFor(ctxOf(c).actor, await stages.setCriterion(ctxOf(c), id, criterionId, c.req.valid('json'))) as never, 200);
  });

  api.openapi(guard(p.advance, {
    method: 'post', path: '/opportunities/{id}/advance', tags, summary: 'Move an opportunity to another open stage',
    description: gateDoc,
    request: { params: idParam, body: jsonBody(advanceSchema) },
    responses: { 200: json(R.opportunitySchema, 'Moved') },
  }), async (c) => c.json(opportunityFor(ctxOf(c).actor, await stages.advance(ctxOf(c), c.req.valid('param').id, c.req.valid('json'))) as never, 200));

  api.openapi(guard(p.close, {
    method: 'post', path: '/opportunities/{id}/close-won', tags, summary: 'Close won: creates the contract',
    description: `${gateDoc}\n\nClosing won needs the exit criteria of every open stage left (Negotiation last). In the same `
      + 'transaction it creates the contract (ARR, term, modules, services fee, payment schedule from the playbook\'s delivery '
      + 'milestones on the fee net of the POC credit, contracted KPIs from the value commitment), makes a prospect account '
      + 'a customer in implementation with the ARR, and emits `opportunity.won` and `contract.signed`.',
    request: { params: idParam, body: jsonBody(closeWonSchema) },
    responses: { 200: json(R.closeWonSchema, 'Won') },
  }), async (c) => {
    const won = await stages.closeWon(ctxOf(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ ...won, opportunity: opportunityFor(ctxOf(c).actor, won.opportunity) } as never, 200);
  });

  api.openapi(guard(p.close, {
    method: 'post', path: '/opportunities/{id}/close-lost', tags, summary: 'Close lost with a loss reason from the playbook',
    request: { params: idParam, body: jsonBody(closeLostSchema) },
    responses: { 200: json(R.opportunitySchema, 'Lost') },
  }), async (c) => c.json(opportunityFor(ctxOf(c).actor, await stages.closeLost(ctxOf(c), c.req.valid('param').id, c.req.valid('json'))) as never, 200));

  api.openapi(guard(p.read, {
    method: 'get', path: '/opportunities/{id}/poc', tags, summary: 'The POC of an opportunity',
    request: { params: idParam },
    responses: { 200: json(R.pocSchema, 'POC') },
  }), async (c) => c.json(await pocs.getPoc(ctxOf(c), c.req.valid('param').id) as never, 200));

  api.openapi(guard(p.poc, {
    method: 'post', path: '/opportunities/{id}/poc', tags, summary: 'Plan the POC of an opportunity',
    description: 'The plan has the playbook\'s standard weeks from `startDate`; the environment checklist starts from a default.',
    request: { params: idParam, body: jsonBody(pocCreateSchema) },
    responses: { 201: json(R.pocSchema, 'Created') },
  }), async (c) => c.json(await pocs.createPoc(ctxOf(c), c.req.valid('param').id, c.req.valid('json')) as never, 201));

  api.openapi(guard(p.poc, {
    method: 'patch', path: '/opportunities/{id}/poc', tags, summary: 'Update the POC (SOW, criteria, checklist, findings, status)',
    request: { params: idParam, body: jsonBody(pocUpdateSchema) },
    responses: { 200: json(R.pocSchema, 'Updated') },
  }), async (c) => c.json(await pocs.updatePoc(ctxOf(c), c.req.valid('param').id, c.req.valid('json')) as never, 200));

  api.openapi(guard(p.poc, {
    method: 'post', path: '/opportunities/{id}/poc/criteria/{criterionId}', tags, summary: 'Record a POC success criterion result',
    request: { params: criterionParam, body: jsonBody(pocResultSchema) },
    responses: { 200: json(R.pocSchema, 'Updated POC') },
  }), async (c) => {
    const { id, criterionId } = c.req.valid('param');
    return c.json(await pocs.recordResult(ctxOf(c), id, criterionId, c.req.valid('json')) as never, 200);
  });
}
