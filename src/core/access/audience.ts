// Audience: who outside the vendor a row (or a field) was published to. Row scope decides *which account* a partner or
// customer user reaches; audience decides *which rows and fields of it* they see. One rule for every such read:
//
//   internal  — the vendor's own people only (the default: nothing leaves the building unless someone publishes it)
//   partner   — also the partner users of the account's partner (co-selling, the implementation they run)
//   customer  — also the customer's own users, and therefore the partner serving that customer too: what the vendor
//               has told the customer is no secret from the partner working beside them
//
// So the audiences nest, internal < partner < customer: staff see all three, partner users see partner and customer
// rows, customer users see customer rows only.
import { z } from 'zod';
import type { Role } from './roles';

export const AUDIENCES = ['internal', 'partner', 'customer'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const audienceSchema = z.enum(AUDIENCES);

export const AUDIENCE_LABELS: Record<Audience, string> = { internal: 'Internal', partner: 'Partner', customer: 'Customer' };

type Who = { role: Role };

/** The audiences whose rows the actor may read. */
export function audiencesFor(actor: Who): readonly Audience[] {
  if (actor.role === 'customer') return ['customer'];
  if (actor.role === 'partner') return ['partner', 'customer'];
  return AUDIENCES;
}

/** Whether the actor sees everything (the vendor's own people). */
export const seesInternal = (actor: Who) => audiencesFor(actor).includes('internal');

export const canSee = (actor: Who, audience: Audience) => audiencesFor(actor).includes(audience);

/**
 * The audience of a row an actor writes when they name none: staff write internal rows; a partner user's own entry is
 * for the partner (they must be able to read what they wrote); a customer's for the customer.
 */
export function defaultAudience(actor: Who): Audience {
  if (actor.role === 'customer') return 'customer';
  if (actor.role === 'partner') return 'partner';
  return 'internal';
}

/** Why an actor may not give a row this audience (null when they may): nobody writes a row they could not read back. */
export function audienceProblem(actor: Who, audience: Audience): string | null {
  return canSee(actor, audience) ? null : `A ${actor.role} user cannot make an entry ${audience}: choose ${audiencesFor(actor).join(' or ')}.`;
}

/**
 * Fields of a row that are for a narrower audience than the row itself, with the value an outsider gets instead
 * (null, or an empty list/object so the shape stays the same). Presenters apply it with `redact`.
 */
export type FieldAudiences<T> = { [K in keyof T]?: { audience: Exclude<Audience, 'customer'>; empty: unknown } };

/** The row as the actor may see it: fields published to a narrower audience are replaced by their empty value. */
export function redact<T extends object>(actor: Who, row: T, fields: FieldAudiences<T>): T {
  const allowed = audiencesFor(actor);
  let out: T | null = null;
  for (const [key, f] of Object.entries(fields) as [keyof T & string, { audience: Audience; empty: unknown }][]) {
    if (allowed.includes(f.audience) || !(key in row)) continue;
    out ??= { ...row };
    (out as Record<string, unknown>)[key] = f.empty;
  }
  return out ?? row;
}
