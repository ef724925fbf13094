import { apiPublicUrl } from '../../config/config';
import { findActiveApiKey, hashApiKey, roles } from '../../db/apikeys';
import { mailId, queueMail } from '../../db/mail-queue';
import { endSession, endSessionsOf, openSession } from '../../db/sessions';
import {
  checkUserToken,
  issueUserToken,
  revokeUserTokens,
  spendUserToken,
  tokenLifetimeMs,
} from '../../db/user-tokens';
import { findUser, findUserByEmail, normalizeEmail, type UserDoc, updateUser } from '../../db/users';
import { passwordProblem } from '../../domain/people/passwords';
import { hashPassword, passwordMatches } from '../../services/passwords';
import { HttpProblem, validationProblem } from '../problem';
import { type Caller, definePublicRoute, defineRoute, isStaff } from '../route-spec';
import {
  activationSchema,
  keySignInSchema,
  linkTokenParamsSchema,
  newPasswordSchema,
  passwordResetRequestSchema,
  sessionSchema,
  signInSchema,
  userSchema,
} from '../schemas/users';
import { clearedSessionCookie, sessionCookie } from '../session-cookie';
import { signInGuard } from '../sign-in-guard';
import { userView } from '../views/users';

const tag = 'People and sessions';
const everyRole = roles;

const wrongCombination = () =>
  new HttpProblem(401, 'Sign-in refused', 'this email address and password do not match an active account');

/** 204 with the new session's cookie. */
async function signedIn(
  req: Parameters<typeof sessionCookie>[0],
  publicUrl: string,
  who: Parameters<typeof openSession>[0],
) {
  const session = await openSession(who);
  return { status: 204, headers: { 'Set-Cookie': sessionCookie(req, publicUrl, session.token, session.expiresAt) } };
}

export const signInRoute = definePublicRoute({
  operationId: 'signIn',
  method: 'post',
  path: '/auth/sign-in',
  tag,
  summary: 'Sign in with email and password: 204 with a session cookie',
  description:
    'The cookie is HttpOnly, SameSite=Lax and Secure behind https; the session ends after 12 hours unused or 7 days. ' +
    'Any wrong combination answers 401 alike; failed sign-ins are limited per client address and per email address (429 with Retry-After).',
  access: 'public',
  request: { body: signInSchema },
  responses: { 204: { description: 'Signed in; the session cookie is set' } },
  async handle({ body, req, deps }) {
    const email = normalizeEmail(body.email);
    const guard = signInGuard(deps);
    await guard.check(req, email);
    const user = await findUserByEmail(email);
    const matches = await passwordMatches(user?.passwordHash, body.password);
    if (!user || !matches || user.status !== 'active') {
      await guard.recordFailure(req, email);
      throw wrongCombination();
    }
    await guard.clear(email);
    return signedIn(req, apiPublicUrl(deps.config), { userId: user._id });
  },
});

export const keySignInRoute = definePublicRoute({
  operationId: 'keySignIn',
  method: 'post',
  path: '/auth/key-sign-in',
  tag,
  summary: 'Exchange a staff API key for a session (the console keeps no key in the page)',
  description:
    'Channel manager, auditor and admin keys only; the session acts as the key and ends when the key is revoked.',
  access: 'public',
  request: { body: keySignInSchema },
  responses: { 204: { description: 'Signed in; the session cookie is set' } },
  refusals: { 403: 'a partner key: partners sign in with their email and password' },
  async handle({ body, req, deps }) {
    const guard = signInGuard(deps);
    // Keys are counted like an address that keeps failing: per client address only.
    await guard.check(req, 'key-sign-in');
    const stored = await findActiveApiKey(body.key);
    if (!stored) {
      await guard.recordFailure(req, 'key-sign-in');
      throw new HttpProblem(401, 'Sign-in refused', 'this API key is not valid (unknown or revoked)');
    }
    if (!isStaff({ principal: { kind: 'key', id: stored.keyId }, role: stored.role })) {
      throw new HttpProblem(403, 'Forbidden', 'only staff keys can be exchanged for a session');
    }
    return signedIn(req, apiPublicUrl(deps.config), { apiKeyHash: hashApiKey(body.key) });
  },
});

export const signOutRoute = defineRoute({
  operationId: 'signOut',
  method: 'post',
  path: '/auth/sign-out',
  tag,
  summary: 'End the session of the cookie (with its CSRF token); 204, and the cookie is cleared',
  access: everyRole,
  responses: { 204: { description: 'Signed out (a request with an API key has no session: nothing ends)' } },
  async handle({ caller, req, deps }) {
    if (caller.session) await endSession(caller.session.token);
    return { status: 204, headers: { 'Set-Cookie': clearedSessionCookie(req, apiPublicUrl(deps.config)) } };
  },
});

export const sessionRoute = defineRoute({
  operationId: 'getSession',
  method: 'get',
  path: '/auth/session',
  tag,
  summary: 'The session of the cookie: who, its CSRF token and when it ends',
  access: everyRole,
  responses: { 200: { description: 'The session', schema: sessionSchema } },
  refusals: { 404: 'the request was authenticated by an API key, not a session' },
  async handle({ caller }) {
    const session = requireSession(caller);
    const user = caller.userId ? await findUser(caller.userId) : null;
    return {
      status: 200,
      body: {
        ...(user ? { user: await userView(user) } : {}),
        ...(!user && caller.keyId ? { keyId: caller.keyId } : {}),
        csrfToken: session.csrfToken,
        expiresAt: session.expiresAt.toISOString(),
      },
    };
  },
});

function requireSession(caller: Caller): NonNullable<Caller['session']> {
  if (!caller.session)
    throw new HttpProblem(404, 'No session', 'this request is authenticated by an API key, not a session');
  return caller.session;
}

/** A password the rules accept for this person, or 422 at `password`. */
function checkedPassword(password: string, user: UserDoc): string {
  const problem = passwordProblem(password, user);
  if (problem) throw validationProblem('request body', [{ path: 'password', message: problem }]);
  return password;
}

const linkRefused = (what: string, reason: 'unknown' | 'expired') =>
  new HttpProblem(
    404,
    'Link not valid',
    reason === 'expired'
      ? `this ${what} link has expired; ask for a new one`
      : `this ${what} link is not valid (already used, replaced, or mistyped)`,
  );

export const activateRoute = definePublicRoute({
  operationId: 'acceptInvitation',
  method: 'post',
  path: '/auth/invitations/{token}',
  tag,
  summary: 'Accept an invitation: choose a password (and a name, a time zone); the account becomes active',
  description: 'The link works once and for 7 days. Passwords: at least 12 characters, not one of the commonest.',
  access: 'public',
  request: { params: linkTokenParamsSchema, body: activationSchema },
  responses: { 200: { description: 'The activated person; sign in next', schema: userSchema } },
  refusals: { 404: 'an unknown, used or expired invitation', 422: 'a password the rules refuse' },
  async handle({ params, body }) {
    const checked = await checkUserToken('invitation', params.token);
    if ('refused' in checked) throw linkRefused('invitation', checked.refused);
    const user = await findUser(checked.userId);
    if (user?.status !== 'invited') throw linkRefused('invitation', 'unknown');
    const password = checkedPassword(body.password, { ...user, ...(body.name ? { name: body.name } : {}) });
    const passwordHash = await hashPassword(password);
    if (!(await spendUserToken(params.token))) throw linkRefused('invitation', 'unknown');
    const activated = await updateUser(
      user._id,
      {
        status: 'active',
        passwordHash,
        ...(body.name ? { name: body.name } : {}),
        ...(body.timeZone ? { timeZone: body.timeZone } : {}),
      },
      { kind: 'user', id: user._id },
    );
    return { status: 200, body: await userView(activated ?? user) };
  },
});

export const requestPasswordResetRoute = definePublicRoute({
  operationId: 'requestPasswordReset',
  method: 'post',
  path: '/auth/password-reset',
  tag,
  summary: 'Mail a one-time password reset link (valid 1 hour) if the address belongs to an active account',
  description: 'Always answers 202, known address or not.',
  access: 'public',
  request: { body: passwordResetRequestSchema },
  responses: { 202: { description: 'Accepted (a mail is sent only when the address is known)' } },
  async handle({ body, deps }) {
    const email = normalizeEmail(body.email);
    const user = await findUserByEmail(email);
    if (user?.status === 'active' && (await signInGuard(deps).mayMailReset(email))) {
      const token = await issueUserToken('password-reset', user._id);
      await queueMail(mailId('password-reset', token), user._id, {
        kind: 'password-reset',
        token,
        expiresAt: new Date(Date.now() + tokenLifetimeMs['password-reset']),
      });
    }
    return { status: 202 };
  },
});

export const resetPasswordRoute = definePublicRoute({
  operationId: 'resetPassword',
  method: 'post',
  path: '/auth/password-reset/{token}',
  tag,
  summary: 'Set a new password with a reset link; every session of the person ends',
  access: 'public',
  request: { params: linkTokenParamsSchema, body: newPasswordSchema },
  responses: { 204: { description: 'The password is changed; sign in with it' } },
  refusals: { 404: 'an unknown, used or expired link', 422: 'a password the rules refuse' },
  async handle({ params, body }) {
    const checked = await checkUserToken('password-reset', params.token);
    if ('refused' in checked) throw linkRefused('password reset', checked.refused);
    const user = await findUser(checked.userId);
    if (user?.status !== 'active') throw linkRefused('password reset', 'unknown');
    const passwordHash = await hashPassword(checkedPassword(body.password, user));
    if (!(await spendUserToken(params.token))) throw linkRefused('password reset', 'unknown');
    await updateUser(user._id, { passwordHash }, { kind: 'user', id: user._id });
    await revokeUserTokens(user._id, 'password-reset');
    await endSessionsOf({ userId: user._id });
    return { status: 204 };
  },
});
