// Users and API tokens, managed by admins.
import { z } from 'zod';
import { ROLES } from '../../../core/access/roles';
import type { TokenCreate } from '../../../core/access/scopes';
import { AppError, notFound } from '../../../core/errors';
import { transaction } from '../../db/client';
import type { Ctx } from '../../http/env';
import { emit } from '../../jobs/events';
import { audit } from './audit';
import { deleteSessionsOfUser, findUserByEmail } from './auth.repo';
import { forgetActors } from './auth.service';
import { hashPassword, randomToken, sha256 } from './crypto';
import * as repo from './platform.repo';

const password = z.string().min(12, 'must be at least 12 characters').max(200);
export const userCreateSchema = z.object({
  email: z.email().max(254),
  name: z.string().trim().min(1).max(200),
  role: z.enum(ROLES),
  password,
  partnerId: z.uuid().nullable().optional(),
  accountId: z.uuid().nullable().optional(),
  timeZone: z.string().max(64).optional(),
}).strict();
export const userUpdateSchema = z.object({
  version: z.number().int().min(1),
  name: z.string().trim().min(1).max(200).optional(),
  role: z.enum(ROLES).optional(),
  active: z.boolean().optional(),
  password: password.optional(),
  partnerId: z.uuid().nullable().optional(),
  accountId: z.uuid().nullable().optional(),
}).strict();

/** Partner users need a partner, customer users an account; nobody else has either. */
function checkScopeFields(role: string, partnerId?: string | null, accountId?: string | null) {
  if (role === 'partner' && !partnerId) throw new AppError('validation_failed', 'A partner user needs a partner.', { errors: [{ path: 'partnerId', message: 'required for the partner role' }] });
  if (role === 'customer' && !accountId) throw new AppError('validation_failed', 'A customer user needs an account.', { errors: [{ path: 'accountId', message: 'required for the customer role' }] });
}

export async function createUser(ctx: Ctx, input: z.infer<typeof userCreateSchema>) {
  checkScopeFields(input.role, input.partnerId, input.accountId);
  const passwordHash = await hashPassword(input.password);
  return transaction(ctx.deps.database, async (tx) => {
    if (await findUserByEmail(tx, input.email)) {
      throw new AppError('conflict', `A user with the email ${input.email} already exists.`);
    }
    const { password: _pw, ...rest } = input;
    const row = await repo.insertUser(tx, {
      ...rest, passwordHash,
      partnerId: input.role === 'partner' ? input.partnerId : null,
      accountId: input.role === 'customer' ? input.accountId : null,
    });
    await audit(ctx, tx, { action: 'user.create', entityType: 'user', entityId: row.id, after: row });
    await emit(ctx, tx, { type: 'user.created', entityType: 'user', entityId: row.id, payload: { email: row.email, role: row.role } });
    return row;
  });
}

export async function updateUser(ctx: Ctx, id: string, input: z.infer<typeof userUpdateSchema>) {
  const { version, password: pw, ...patch } = input;
  const passwordHash = pw ? await hashPassword(pw) : undefined;
  return transaction(ctx.deps.database, async (tx) => {
    const before = await repo.findUser(tx, id);
    if (!before) throw notFound('User');
    const role = patch.role ?? before.role;
    checkScopeFields(role, patch.partnerId !== undefined ? patch.partnerId : before.partnerId, patch.accountId !== undefined ? patch.accountId : before.accountId);
    if (id === ctx.actor.id && (patch.active === false || (patch.role && patch.role !== 'admin'))) {
      throw new AppError('conflict', 'You cannot deactivate yourself or remove your own admin role.');
    }
    const after = await repo.updateUser(tx, id, version, { ...patch, ...(passwordHash ? { passwordHash } : {}) });
    if (!after) throw new AppError('version_conflict', `The user changed since you loaded it (version ${before.version}).`, { currentVersion: before.version });
    // Access changes take effect now, not at the next sign-in.
    if (passwordHash || patch.active === false || (patch.role && patch.role !== before.role)) {
      await deleteSessionsOfUser(tx, id);
      forgetActors();
    }
    if (patch.partnerId !== undefined || patch.accountId !== undefined || patch.name !== undefined) forgetActors();
    const { passwordHash: _h, ...beforePublic } = before;
    await audit(ctx, tx, { action: 'user.update', entityType: 'user', entityId: id, before: beforePublic, after: { ...after, ...(passwordHash ? { passwordChanged: true } : {}) } });
    return after;
  });
}

export async function createToken(ctx: Ctx, input: TokenCreate) {
  const userId = input.userId ?? ctx.actor.id;
  const prefix = randomToken(6).replace(/[-_]/g, 'x').slice(0, 8);
  const token = `vg_${prefix}_${randomToken(32)}`;
  return transaction(ctx.deps.database, async (tx) => {
    if (!(await repo.findUser(tx, userId))) throw notFound('User');
    const row = await repo.insertToken(tx, {
      userId, name: input.name, prefix, tokenHash: sha256(token), scopes: input.scopes,
      expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
    });
    await audit(ctx, tx, { action: 'token.create', entityType: 'api_token', entityId: row.id, after: row });
    return { ...row, token }; // the only time the secret is shown
  });
}

export async function revokeToken(ctx: Ctx, id: string) {
  return transaction(ctx.deps.database, async (tx) => {
    const row = await repo.revokeToken(tx, id);
    if (!row) throw notFound('Active API token');
    forgetActors();
    await audit(ctx, tx, { action: 'token.revoke', entityType: 'api_token', entityId: id, before: { revokedAt: null }, after: { revokedAt: row.revokedAt } });
    return row;
  });
}
