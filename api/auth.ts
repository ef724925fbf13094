import type { Request } from 'express';
import { z } from 'zod';
import { findActiveApiKey } from '../db/apikeys';
import { HttpProblem } from './problem';
import type { Access, Caller } from './route-spec';

/** `Bearer <key>`: keys are URL-safe tokens; anything longer than this is not one of ours. */
const authorizationSchema = z.string().regex(/^Bearer [A-Za-z0-9._~+/=-]{1,200}$/);

const challenge = { 'WWW-Authenticate': 'Bearer realm="dealreg"' };

const unauthenticated = (detail: string) => new HttpProblem(401, 'Unauthenticated', detail, undefined, challenge);

/** The key presented by a request, if it is shaped like one. */
export function presentedKey(req: Request): string | undefined {
  const parsed = authorizationSchema.safeParse(req.headers.authorization);
  return parsed.success ? parsed.data.slice('Bearer '.length) : undefined;
}

/** Resolves the caller of a request, or refuses with 401 (missing, malformed, unknown or revoked key). */
export async function authenticate(req: Request): Promise<Caller> {
  if (req.headers.authorization === undefined) {
    throw unauthenticated('send an API key as "Authorization: Bearer <key>"');
  }
  const key = presentedKey(req);
  if (key === undefined) throw unauthenticated('the Authorization header must be "Bearer <key>"');
  const stored = await findActiveApiKey(key);
  // Unknown and revoked keys answer alike: telling them apart would help whoever holds a stolen key.
  if (!stored) throw unauthenticated('this API key is not valid (unknown or revoked)');
  // A partner key without its partner would see no scope at all; never let it through as unscoped.
  const unbound =
    (stored.role === 'reseller' && !stored.resellerId) || (stored.role === 'distributor' && !stored.distributorId);
  if (unbound) throw unauthenticated('this API key is not bound to a partner');
  return {
    keyId: stored.keyId,
    role: stored.role,
    ...(stored.resellerId ? { resellerId: stored.resellerId } : {}),
    ...(stored.distributorId ? { distributorId: stored.distributorId } : {}),
  };
}

/** Role check that does not depend on any stored resource, so a 403 reveals nothing about one. */
export function authorize(access: Access, caller: Caller): void {
  if (access === 'public' || access.includes(caller.role)) return;
  throw new HttpProblem(403, 'Forbidden', `the ${caller.role} role may not do this`);
}
