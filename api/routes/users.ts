import { mailId, queueMail } from '../../db/mail-queue';
import { Distributor, Reseller } from '../../db/partners';
import { endSessionsOf } from '../../db/sessions';
import { issueUserToken, revokeUserTokens, tokenLifetimeMs } from '../../db/user-tokens';
import { createUser, EmailTaken, findUser, listUsers, type UserChange, type UserDoc, updateUser } from '../../db/users';
import { Seller } from '../../db/vendor-records';
import { actorOf } from '../actor';
import { HttpProblem, validationProblem } from '../problem';
import { type Caller, defineRoute } from '../route-spec';
import { bindingIssues, listOf } from '../schemas/partners';
import { newUserSchema, userParamsSchema, userSchema, userUpdateSchema } from '../schemas/users';
import { userView, userViews } from '../views/users';

const tag = 'People and sessions';
/** Admins manage everyone; a reseller's or distributor's org admin, its own organisation (checked per request). */
const managers = ['admin', 'reseller', 'distributor'] as const;

type Organisation = { resellerId?: string; distributorId?: string };
type Binding = Organisation & { sellerId?: string };

/** Whose users the caller manages: everyone (admin), its own organisation (an org admin), or 403. */
function managedScope(caller: Caller): Organisation | 'everyone' {
  if (caller.role === 'admin') return 'everyone';
  if (caller.orgAdmin && caller.role === 'reseller' && caller.resellerId) return { resellerId: caller.resellerId };
  if (caller.orgAdmin && caller.role === 'distributor' && caller.distributorId)
    return { distributorId: caller.distributorId };
  throw new HttpProblem(403, 'Forbidden', "only administrators and an organisation's user administrators manage users");
}

const inScope = (scope: Organisation | 'everyone', user: Pick<UserDoc, 'resellerId' | 'distributorId'>) =>
  scope === 'everyone' ||
  (scope.resellerId !== undefined && user.resellerId === scope.resellerId) ||
  (scope.distributorId !== undefined && user.distributorId === scope.distributorId);

/** The partner (or vendor seller) a binding names must exist. */
async function unknownPartners(binding: Binding) {
  const issues: Array<{ path: string; message: string }> = [];
  if (binding.resellerId && !(await Reseller.exists({ _id: binding.resellerId }).exec()))
    issues.push({ path: 'resellerId', message: `unknown reseller "${binding.resellerId}"` });
  if (binding.distributorId && !(await Distributor.exists({ _id: binding.distributorId }).exec()))
    issues.push({ path: 'distributorId', message: `unknown distributor "${binding.distributorId}"` });
  if (binding.sellerId && !(await Seller.exists({ _id: binding.sellerId }).exec()))
    issues.push({ path: 'sellerId', message: `unknown seller "${binding.sellerId}"` });
  return issues;
}

/** Queues the invitation mail with a new one-time link; earlier invitation links of the person end. */
export async function invite(user: UserDoc): Promise<void> {
  await revokeUserTokens(user._id, 'invitation');
  const token = await issueUserToken('invitation', user._id);
  await queueMail(mailId('invitation', token), user._id, {
    kind: 'invitation',
    token,
    expiresAt: new Date(Date.now() + tokenLifetimeMs.invitation),
  });
}

export const createUserRoute = defineRoute({
  operationId: 'createUser',
  method: 'post',
  path: '/users',
  tag,
  summary: 'Invite a person: 201 with the user, and a one-time invitation link (valid 7 days) is mailed',
  description: "Admins invite anyone; a reseller's or distributor's org admin invites users of its own organisation.",
  access: managers,
  request: { body: newUserSchema },
  responses: { 201: { description: 'The invited user', schema: userSchema } },
  refusals: { 409: 'a user with this email address exists', 422: 'invalid body, binding or unknown partner' },
  async handle({ caller, body }) {
    const scope = managedScope(caller);
    if (scope !== 'everyone' && (body.role !== caller.role || !inScope(scope, body))) {
      throw new HttpProblem(
        403,
        'Forbidden',
        'an organisation administrator invites users of its own organisation only',
      );
    }
    const unknown = await unknownPartners(body);
    if (unknown.length > 0) throw validationProblem('request body', unknown);
    let user: UserDoc;
    try {
      user = await createUser({ ...body, by: actorOf(caller) });
    } catch (error) {
      if (error instanceof EmailTaken)
        throw new HttpProblem(409, 'Already exists', `a user with the address ${error.message} exists`);
      throw error;
    }
    await invite(user);
    return { status: 201, body: await userView(user), headers: { Location: `/api/v1/users/${user._id}` } };
  },
});

export const listUsersRoute = defineRoute({
  operationId: 'listUsers',
  method: 'get',
  path: '/users',
  tag,
  summary: "Every user (admins), or the users of the caller's own organisation (org admins)",
  access: managers,
  responses: { 200: { description: 'The users', schema: listOf(userSchema) } },
  async handle({ caller }) {
    const scope = managedScope(caller);
    return { status: 200, body: { items: await userViews(await listUsers(scope === 'everyone' ? {} : scope)) } };
  },
});

/**
 * The user if the caller may see it (itself, or someone it manages: 404 for anyone else, as if it did
 * not exist); a caller who manages nobody and asks for someone else gets 403.
 */
async function visibleUser(caller: Caller, id: string): Promise<UserDoc> {
  const scope = caller.userId === id ? 'everyone' : managedScope(caller);
  const user = await findUser(id);
  if (!user || !inScope(scope, user)) throw new HttpProblem(404, 'Not found', `user ${id} does not exist`);
  return user;
}

export const getUserRoute = defineRoute({
  operationId: 'getUser',
  method: 'get',
  path: '/users/{id}',
  tag,
  summary: 'A user (admins; org admins for their organisation; a reseller or distributor user for themself)',
  access: managers,
  request: { params: userParamsSchema },
  responses: { 200: { description: 'The user', schema: userSchema } },
  refusals: { 404: 'no such user, or not one the caller may see' },
  async handle({ caller, params }) {
    return { status: 200, body: await userView(await visibleUser(caller, params.id)) };
  },
});

export const updateUserRoute = defineRoute({
  operationId: 'updateUser',
  method: 'put',
  path: '/users/{id}',
  tag,
  summary: "Change a user's name, role and binding, org admin flag, or disable (or enable) them",
  description:
    "A disabled user's sessions end at once and outstanding links stop working. Org admins change name, `orgAdmin` and `status` of their own organisation's users.",
  access: managers,
  request: { params: userParamsSchema, body: userUpdateSchema },
  responses: { 200: { description: 'The user', schema: userSchema } },
  refusals: { 404: 'no such user, or not one the caller manages', 422: 'invalid body, binding or unknown partner' },
  async handle({ caller, params, body }) {
    const scope = managedScope(caller);
    const user = await findUser(params.id);
    if (!user || !inScope(scope, user)) throw new HttpProblem(404, 'Not found', `user ${params.id} does not exist`);
    const rebinding =
      body.role !== undefined ||
      body.resellerId !== undefined ||
      body.distributorId !== undefined ||
      body.sellerId !== undefined;
    if (scope !== 'everyone' && rebinding) {
      throw new HttpProblem(
        403,
        'Forbidden',
        "an organisation administrator cannot change a user's role or organisation",
      );
    }
    const binding = {
      role: body.role ?? user.role,
      resellerId: body.resellerId === undefined ? user.resellerId : (body.resellerId ?? undefined),
      distributorId: body.distributorId === undefined ? user.distributorId : (body.distributorId ?? undefined),
      sellerId: body.sellerId === undefined ? user.sellerId : (body.sellerId ?? undefined),
    };
    const orgAdmin = body.orgAdmin ?? user.orgAdmin;
    const issues = [
      ...(rebinding ? bindingIssues(binding) : []),
      ...(orgAdmin && binding.role !== 'reseller' && binding.role !== 'distributor'
        ? [{ path: 'orgAdmin', message: 'only reseller and distributor users administer an organisation' }]
        : []),
    ];
    if (issues.length > 0) throw validationProblem('request body', issues);
    const unknown = rebinding ? await unknownPartners(binding) : [];
    if (unknown.length > 0) throw validationProblem('request body', unknown);
    const change: UserChange = {
      ...(body.name ? { name: body.name } : {}),
      ...(rebinding ? binding : {}),
      ...(body.orgAdmin !== undefined ? { orgAdmin: body.orgAdmin || undefined } : {}),
      ...(body.status === 'disabled' ? { status: 'disabled' } : {}),
      ...(body.status === 'active' && user.status === 'disabled'
        ? { status: user.passwordHash ? 'active' : 'invited' }
        : {}),
    };
    const updated = await updateUser(user._id, change, actorOf(caller));
    if (!updated) throw new HttpProblem(404, 'Not found', `user ${params.id} does not exist`);
    if (updated.status === 'disabled') {
      await endSessionsOf({ userId: user._id });
      await revokeUserTokens(user._id);
    } else if (updated.status === 'invited' && user.status === 'disabled') {
      await invite(updated);
    }
    return { status: 200, body: await userView(updated) };
  },
});
