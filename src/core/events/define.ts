// How an event of the catalogue is declared: its payload schema describes the JSON a subscriber receives as `data`
// (instants as ISO strings, money as integer minor units with `currency` beside it).
import { z } from 'zod';

export const STREAMS = ['accounts', 'platform', 'content', 'imports', 'leads', 'pipeline', 'delivery', 'billing', 'value', 'realization'] as const;
export type Stream = (typeof STREAMS)[number];

export interface EventSpec<P extends z.ZodType = z.ZodType> {
  stream: Stream;
  description: string;
  payload: P;
}

/** The events of one stream, keyed by name (`<entity>.<what happened>`). */
export const stream = <const E extends Record<string, { description: string; payload: z.ZodType }>>(name: Stream, events: E) =>
  Object.fromEntries(Object.entries(events).map(([k, v]) => [k, { ...v, stream: name }])) as
    { [K in keyof E]: E[K] & { stream: Stream } };

const d = (description: string) => ({ description });
/** A reference to a stored record by its UUID. */
export const ref = (what: string) => z.uuid().meta(d(`Id of the ${what}.`));
export const optRef = (what: string) => z.uuid().nullable().meta(d(`Id of the ${what}, or null.`));
export { d };
