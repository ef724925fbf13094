import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { z } from 'zod';
import { ApiKey, type ApiKeyDoc, findActiveApiKey } from '../db/apikeys';
import { endSession, type SessionDoc, sessionEndsAt, useSession } from '../db/sessions';
import { findUser } from '../db/users';
import { HttpProblem } from './problem';
import type { Access, Caller } from './route-spec';
import { sessionToken } from './session-cookie';

/** `Bearer <key>`: keys are URL-safe tokens; anything longer than this is not one of ours. */
const authorizationSchema = z.string().regex(/^Bearer [A-Za-z0-9._~+/=-]{1,200}$/);

const challenge = { 'WWW-Authenticate': 'Bearer realm="dealreg"' };

const unauthenticated = (detail: string) => new HttpProblem(401, 'Unauthenticated', detail, undefined, challenge);

/** The key presented by a request, if it is shaped like one. */
export function presentedKey(req: Request): string | undefined {
  const parsed = authorizationSchema.safeParse(req.headers.authorization);
  return parsed.success ? parsed.data.slice('Bearer '.length) : undefined;
}

/** A partner key without its partner would see no scope at all; never let it through as unscoped. */
const isUnbound = (key: Pick<ApiKeyDoc, 'role' | 'resellerId' | 'distributorId' | 'sellerId'>) =>
  (key.role === 'reseller' && !key.resellerId) ||
  (key.role === 'distributor' && !key.distributorId) ||
  (key.role === 'sales' && !key.sellerId);

const keyCaller = (stored: ApiKeyDoc): Caller => ({
  principal: { kind: 'key', id: stored.keyId },
  keyId: stored.keyId,
  role: stored.role,
  ...(stored.resellerId ? { resellerId: stored.resellerId } : {}),
  ...(stored.distributorId ? { distributorId: stored.distributorId } : {}),
  ...(stored.sellerId ? { sellerId: stored.sellerId } : {}),
});

/**
 * Resolves the caller of a request, or refuses with 401. A request with an `Authorization` header is
 * judged by its key alone (missing, malformed, unknown or revoked: 401), its cookies ignored; otherwise
 * by its session cookie. A session's changes need its CSRF token (403 without it).
 */
export async function authenticate(req: Request): Promise<Caller> {
  if (req.headers.authorization !== undefined) return authenticateKey(req);
  const token = sessionToken(req);
  if (token === undefined) {
    throw unauthenticated('sign in (POST /api/v1/auth/sign-in) or send an API key as "Authorization: Bearer <key>"');
  }
  const caller = await authenticateSession(token);
  requireCsrfToken(req, caller);
  return caller;
}

async function authenticateKey(req: Request): Promise<Caller> {
  const key = presentedKey(req);
  if (key === undefined) throw unauthenticated('the Authorization header must be "Bearer <key>"');
  const stored = await findActiveApiKey(key);
  // Unknown and revoked keys answer alike: telling them apart would help whoever holds a stolen key.
  if (!stored) throw unauthenticated('this API key is not valid (unknown or revoked)');
  if (isUnbound(stored)) throw unauthenticated('this API key is not bound to a partner');
  return keyCaller(stored);
}

/** The session's person (or key), read on every request: a disabled person or a revoked key ends it at once. */
async function authenticateSession(token: string): Promise<Caller> {
  const session = await useSession(token);
  if (!session) throw unauthenticated('your session has ended (signed out, or too long unused); sign in again');
  const principal = await sessionPrincipal(session);
  if (!principal) {
    await endSession(token);
    throw unauthenticated('your session has ended (your account or key is no longer valid); sign in again');
  }
  return {
    ...principal,
    session: { token, csrfToken: session.csrfToken, expiresAt: sessionEndsAt(session) },
  };
}

async function sessionPrincipal(session: SessionDoc): Promise<Caller | undefined> {
  if (session.userId) {
    const user = await findUser(session.userId);
    if (user?.status !== 'active') return undefined;
    const caller: Caller = {
      principal: { kind: 'user', id: user._id },
      userId: user._id,
      role: user.role,
      ...(user.resellerId ? { resellerId: user.resellerId } : {}),
      ...(user.distributorId ? { distributorId: user.distributorId } : {}),
      ...(user.sellerId ? { sellerId: user.sellerId } : {}),
      ...(user.orgAdmin ? { orgAdmin: true } : {}),
    };
    return isUnbound(caller) ? undefined : caller;
  }
  if (session.apiKeyHash) {
    const stored = await ApiKey.findById(session.apiKeyHash).lean<ApiKeyDoc>().exec();
    return stored && !stored.revokedAt && !isUnbound(stored) ? keyCaller(stored) : undefined;
  }
  return undefined;
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Synchronizer token: a change made with a session must repeat the session's CSRF token in a header. */
function requireCsrfToken(req: Request, caller: Caller): void {
  if (safeMethods.has(req.method) || !caller.session) return;
  const given = req.headers['x-csrf-token'];
  const expected = Buffer.from(caller.session.csrfToken);
  const ok =
    typeof given === 'string' && given.length === expected.length && timingSafeEqual(Buffer.from(given), expected);
  if (!ok) {
    throw new HttpProblem(
      403,
      'CSRF token required',
      'a change made with a session cookie must carry the X-CSRF-Token header that GET /api/v1/auth/session answers',
    );
  }
}

/** Role check that does not depend on any stored resource, so a 403 reveals nothing about one. */
export function authorize(access: Access, caller: Caller): void {
  if (access === 'public' || access.includes(caller.role)) return;
  throw new HttpProblem(403, 'Forbidden', `the ${caller.role} role may not do this`);
}
