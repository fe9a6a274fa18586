// The event catalogue over the API: GET /webhooks/events lists what a webhook can subscribe to, and the OpenAPI
// document describes each event under `webhooks` (OpenAPI 3.1) with the body a subscriber receives.
import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { adminOnly } from '../../../core/access/policies';
import { EVENT_CATALOGUE, EVENT_NAMES, eventCatalogue, eventCatalogueSchema, webhookEnvelope } from '../../../core/events';
import type { AppEnv } from '../../http/env';
import { json } from '../../http/openapi';
import { guard } from '../../http/route';

const deliveryHeaders = z.object({
  'valuegraph-event': z.string().meta({ description: 'The event type, as in `type`.' }),
  'valuegraph-delivery': z.string().meta({ description: '`<event id>:<webhook id>`: the same on every retry of one delivery.' }),
  'valuegraph-signature': z.string().meta({ description: '`t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the webhook secret>`.' }),
});

/** One entry under `webhooks` per event: a POST to the subscriber's URL with the envelope and the event's payload. */
export function registerEventWebhooks(api: OpenAPIHono<AppEnv>) {
  for (const name of EVENT_NAMES) {
    const spec = EVENT_CATALOGUE[name];
    api.openAPIRegistry.registerWebhook({
      method: 'post', path: name, tags: [`events: ${spec.stream}`], summary: spec.description,
      description: `Sent to every active webhook subscribed to \`${name}\`, \`${name.split('.')[0]}.*\` or \`*\`. ` +
        'Answer 2xx within 10 s; anything else is retried with backoff (8 retries over about 45 minutes).',
      request: { headers: deliveryHeaders, body: { required: true, content: { 'application/json': { schema: webhookEnvelope(name, spec.payload) } } } },
      responses: { 200: { description: 'Received (any 2xx).' } },
    });
  }
}

export function registerEventRoutes(api: OpenAPIHono<AppEnv>) {
  api.openapi(guard(adminOnly('webhooks:read'), {
    method: 'get', path: '/webhooks/events', tags: ['webhooks'], summary: 'Events a webhook can subscribe to',
    description: 'Every domain event with its stream and description, and the wildcard families (`invoice.*`). ' +
      'The payload of each is documented under `webhooks` in this document.',
    responses: { 200: json(eventCatalogueSchema, 'The event catalogue') },
  }), (c) => c.json(eventCatalogue(), 200));
  registerEventWebhooks(api);
}
