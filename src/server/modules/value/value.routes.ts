// Thin routes of the Value Graph: policy → validate → service → JSON (or the proposal PDF).
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { audienceSchema } from '../../../core/access/audience';
import { commitmentEditSchema, discoveryInputSchema, hypothesisEditSchema } from '../../../core/value';
import type { AppEnv } from '../../http/env';
import {
  agentArtifactListSchema, agentArtifactSchema, dealRiskSchema, generatedCommitmentSchema, valueCommitmentSchema, valueHypothesisSchema, valueOverviewSchema,
} from '../../../core/value/responses';
import { idParam, json, jsonBody } from '../../http/openapi';
import { ctxOf, guard } from '../../http/route';
import { policies as p } from './value.policy';
import * as value from './value.service';

const tags = ['value'];
const versionBody = z.object({ version: z.number().int().min(1) }).strict();
const rejectBody = z.object({ reason: z.string().trim().min(1).max(1000) }).strict();
const audienceBody = z.object({ audience: audienceSchema }).strict();
const listQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) });

export function registerValueRoutes(api: OpenAPIHono<AppEnv>) {
  api.openapi(guard(p.read, {
    method: 'get', path: '/opportunities/{id}/value', tags, summary: 'The value graph of an opportunity',
    description: 'Opportunity and account facts, stakeholders, the hypothesis and the commitment (null until generated).',
    request: { params: idParam },
    responses: { 200: json(valueOverviewSchema, 'Overview') },
  }), async (c) => c.json(await value.overview(ctxOf(c), c.req.valid('param').id), 200));

  api.openapi(guard(p.write, {
    method: 'post', path: '/opportunities/{id}/value/hypothesis/generate', tags, summary: 'Run the Value Architect',
    description: 'Builds the pain-to-value map from the account profile and the discovery input (pains ticked, notes, own pains), computes ROI, NPV and payback with the playbook\'s horizon and discount rate, and stores it with an agent artifact. Regenerating replaces the draft.',
    request: { params: idParam, body: jsonBody(discoveryInputSchema) },
    responses: { 201: json(valueHypothesisSchema, 'Generated') },
  }), async (c) => c.json(await value.generateHypothesis(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 201));

  api.openapi(guard(p.read, {
    method: 'get', path: '/opportunities/{id}/value/hypothesis', tags, summary: 'The value hypothesis of an opportunity',
    request: { params: idParam },
    responses: { 200: json(valueHypothesisSchema, 'The hypothesis') },
  }), async (c) => c.json(await value.getHypothesis(ctxOf(c), c.req.valid('param').id), 200));

  api.openapi(guard(p.write, {
    method: 'patch', path: '/opportunities/{id}/value/hypothesis', tags, summary: 'Edit assumptions, pains, horizon or discount rate',
    description: 'Every figure is recomputed. Send the `version` you loaded; a stale version is refused with 409. An accepted hypothesis returns to draft.',
    request: { params: idParam, body: jsonBody(hypothesisEditSchema) },
    responses: { 200: json(valueHypothesisSchema, 'Updated') },
  }), async (c) => c.json(await value.updateHypothesis(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 200));

  api.openapi(guard(p.accept, {
    method: 'post', path: '/opportunities/{id}/value/hypothesis/accept', tags, summary: 'Accept the value hypothesis',
    request: { params: idParam, body: jsonBody(versionBody) },
    responses: { 200: json(valueHypothesisSchema, 'Accepted') },
  }), async (c) => c.json(await value.acceptHypothesis(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 200));

  api.openapi(guard(p.read, {
    method: 'get', path: '/opportunities/{id}/value/proposal.pdf', tags, summary: 'The proposal / business case PDF',
    request: { params: idParam },
    responses: { 200: { description: 'PDF', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } } },
  }), async (c) => {
    const d = await value.proposalData(ctxOf(c), c.req.valid('param').id);
    // pdfkit loads on first use: it is a quarter of a second of every start otherwise.
    const pdf = await (await import('./proposal-pdf')).renderProposalPdf({
      accountName: d.opportunity.accountName, opportunityName: d.opportunity.name, stage: d.opportunity.stageName, closeDate: d.opportunity.closeDate,
      date: new Date(), status: d.hypothesis.status, model: d.hypothesis.model, results: d.hypothesis.results, narrative: d.hypothesis.narrative,
      kpis: d.commitment?.kpis ?? [], successCriteria: d.commitment?.successCriteria ?? [], seller: d.seller,
    });
    const slug = d.opportunity.accountName.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'account';
    return c.body(new Uint8Array(pdf), 200, { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="business-case-${slug}.pdf"` }) as never;
  });

  api.openapi(guard(p.write, {
    method: 'post', path: '/opportunities/{id}/value/commitment/generate', tags, summary: 'Run the Value Committer',
    description: 'At negotiation: proposes contracted KPIs (unit, baseline, target, deadline, owner, contract clause) and success criteria from the hypothesis; stored with an agent artifact.',
    request: { params: idParam },
    responses: { 201: json(generatedCommitmentSchema, 'Generated') },
  }), async (c) => c.json(await value.generateCommitment(ctxOf(c), c.req.valid('param').id), 201));

  api.openapi(guard(p.read, {
    method: 'get', path: '/opportunities/{id}/value/commitment', tags, summary: 'The value commitment of an opportunity',
    request: { params: idParam },
    responses: { 200: json(valueCommitmentSchema, 'The commitment') },
  }), async (c) => c.json(await value.getCommitment(ctxOf(c), c.req.valid('param').id), 200));

  api.openapi(guard(p.write, {
    method: 'patch', path: '/opportunities/{id}/value/commitment', tags, summary: 'Edit the KPIs and success criteria',
    request: { params: idParam, body: jsonBody(commitmentEditSchema) },
    responses: { 200: json(valueCommitmentSchema, 'Updated') },
  }), async (c) => c.json(await value.updateCommitment(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 200));

  api.openapi(guard(p.accept, {
    method: 'post', path: '/opportunities/{id}/value/commitment/accept', tags, summary: 'Accept the commitment for the contract',
    request: { params: idParam, body: jsonBody(versionBody) },
    responses: { 200: json(valueCommitmentSchema, 'Accepted') },
  }), async (c) => c.json(await value.acceptCommitment(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 200));

  api.openapi(guard(p.read, {
    method: 'get', path: '/opportunities/{id}/value/risk', tags, summary: 'Deal-risk assessment',
    description: 'BANT gaps, missing executive sponsor, single-threaded stakeholders, POC criteria not validated, staleness and close date; each risk with severity and explanation.',
    request: { params: idParam },
    responses: { 200: json(dealRiskSchema, 'Assessment') },
  }), async (c) => c.json(await value.dealRisk(ctxOf(c), c.req.valid('param').id), 200));

  api.openapi(guard(p.read, {
    method: 'get', path: '/opportunities/{id}/value/artifacts', tags, summary: 'Agent artifacts of an opportunity (newest first)',
    description: 'Partner users see the runs shared with them (`audience`).',
    request: { params: idParam, query: listQuery },
    responses: { 200: json(agentArtifactListSchema, 'Artifacts') },
  }), async (c) => c.json(await value.listArtifacts(ctxOf(c), c.req.valid('param').id, c.req.valid('query').limit), 200) as never);

  api.openapi(guard(p.accept, {
    method: 'post', path: '/value/artifacts/{id}/accept', tags, summary: 'Accept an agent proposal',
    description: 'Accepting the current proposal of a draft hypothesis or commitment accepts that draft too. Audited.',
    request: { params: idParam },
    responses: { 200: json(agentArtifactSchema, 'Accepted') },
  }), async (c) => c.json(await value.decideArtifact(ctxOf(c), c.req.valid('param').id, { accept: true }), 200) as never);

  api.openapi(guard(p.publish, {
    method: 'patch', path: '/value/artifacts/{id}', tags, summary: 'Share an agent run with the partner or the customer, or take it back',
    description: 'Runs are internal unless shared (a partner user\'s own runs are the partner\'s). `customer` also shows it to the partner.',
    request: { params: idParam, body: jsonBody(audienceBody) },
    responses: { 200: json(agentArtifactSchema, 'Updated') },
  }), async (c) => c.json(await value.setArtifactAudience(ctxOf(c), c.req.valid('param').id, c.req.valid('json').audience), 200) as never);

  api.openapi(guard(p.accept, {
    method: 'post', path: '/value/artifacts/{id}/reject', tags, summary: 'Reject an agent proposal with a reason',
    request: { params: idParam, body: jsonBody(rejectBody) },
    responses: { 200: json(agentArtifactSchema, 'Rejected') },
  }), async (c) => c.json(await value.decideArtifact(ctxOf(c), c.req.valid('param').id, { accept: false, reason: c.req.valid('json').reason }), 200) as never);
}
