// The one list of domain events: every event the server emits is named here with its payload schema, so emit() is
// type-checked against it, webhooks can subscribe to each, and the OpenAPI document and GET /webhooks/events
// describe them. Shared with the web (plain zod, no server code).
import { z } from 'zod';
import { isoTime } from '../api/shapes';
import { accountEvents, contentEvents, importEvents, platformEvents } from './accounts';
import { billingEvents } from './billing';
import { d, STREAMS, type EventSpec } from './define';
import { deliveryEvents } from './delivery';
import { leadEvents } from './leads';
import { pipelineEvents } from './pipeline';
import { realizationEvents, valueEvents } from './value';

export const EVENT_CATALOGUE = {
  ...accountEvents, ...platformEvents, ...contentEvents, ...importEvents, ...leadEvents, ...pipelineEvents,
  ...deliveryEvents, ...billingEvents, ...valueEvents, ...realizationEvents,
} satisfies Record<string, EventSpec>;

export type EventCatalogue = typeof EVENT_CATALOGUE;
export type EventName = keyof EventCatalogue & string;
/** The payload as a subscriber receives it (JSON). */
export type EventPayload<N extends EventName> = z.output<EventCatalogue[N]['payload']>;

/** What the payload may hold before it is stored as JSON: an instant may still be a Date there. */
type BeforeJson<T> = T extends string ? T | Date
  : T extends readonly (infer U)[] ? BeforeJson<U>[]
  : T extends object ? { [K in keyof T]: BeforeJson<T[K]> }
  : T;
export type EventPayloadInput<N extends EventName> = BeforeJson<z.input<EventCatalogue[N]['payload']>>;

export const EVENT_NAMES = Object.keys(EVENT_CATALOGUE).sort() as EventName[];
export const isEventName = (s: string): s is EventName => Object.hasOwn(EVENT_CATALOGUE, s);
export const eventSpec = (name: EventName): EventSpec => EVENT_CATALOGUE[name];

/** A subscription names events, a whole family (`invoice.*`: every event whose name starts with `invoice.`), or `*`. */
export const EVENT_FAMILIES = [...new Set(EVENT_NAMES.map((n) => `${n.split('.')[0]}.*`))].sort();
export const SUBSCRIBABLE = ['*', ...EVENT_FAMILIES, ...EVENT_NAMES] as [string, ...string[]];
export const eventSubscription = z.enum(SUBSCRIBABLE).meta({ description: 'An event name, a family such as `invoice.*`, or `*` for every event.' });
/** Whether a subscription list receives an event (the same rule as the dispatcher's SQL). */
export const subscribes = (events: readonly string[], type: string) =>
  events.includes('*') || events.includes(type) || events.includes(`${type.split('.')[0]}.*`);

export const eventCatalogueEntrySchema = z.object({
  name: z.string().meta(d('Event type, as sent in `type` and the `Valuegraph-Event` header.')),
  stream: z.enum(STREAMS).meta(d('The part of the product that emits it.')),
  description: z.string(),
  family: z.string().meta(d('The wildcard subscription that includes it, e.g. `invoice.*`.')),
}).meta({ id: 'EventCatalogueEntry' });
export const eventCatalogueSchema = z.object({
  items: z.array(eventCatalogueEntrySchema),
  families: z.array(z.string()).meta(d('Wildcard subscriptions, e.g. `invoice.*`; `*` subscribes to every event.')),
}).meta({ id: 'EventCatalogue' });
export type EventCatalogueEntry = z.infer<typeof eventCatalogueEntrySchema>;

export function eventCatalogue(): z.infer<typeof eventCatalogueSchema> {
  return {
    items: EVENT_NAMES.map((name) => ({ name, stream: EVENT_CATALOGUE[name].stream, description: EVENT_CATALOGUE[name].description, family: `${name.split('.')[0]}.*` })),
    families: EVENT_FAMILIES,
  };
}

/** The body of a webhook delivery: the same envelope for every event, its payload as `data`. */
export const webhookEnvelope = <P extends z.ZodType>(name: string, payload: P) => z.object({
  id: z.number().int().meta(d('Event id; with the webhook id it identifies a delivery (`Valuegraph-Delivery`). Retries resend the same id.')),
  type: z.literal(name),
  createdAt: isoTime.meta(d('When the change that caused the event committed.')),
  entity: z.object({ type: z.string(), id: z.string() }).meta(d('The record the event is about.')),
  accountId: z.uuid().nullable().meta(d('The account the event belongs to, if any.')),
  data: payload,
});
