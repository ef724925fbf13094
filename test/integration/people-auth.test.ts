import mongoose from 'mongoose';
import request from 'supertest';
import { createApp } from '../../api/app';
import { quietLogger } from '../support/harness';
import { linkIn, startTestMailDispatcher, uniqueAddress, waitForMail } from '../support/mail';
import { cookieOf, invitePerson, PASSWORD, signIn, tokenOf, withSession } from '../support/people';
import { type ApiTest, startApiTest, testConfig } from './api-support';

let api: ApiTest;
let mail: ReturnType<typeof startTestMailDispatcher>;

beforeAll(async () => {
  api = await startApiTest('people-auth', { SIGN_IN_FAILURES_PER_ADDRESS: 10_000, SIGN_IN_FAILURES_PER_EMAIL: 3 });
  mail = startTestMailDispatcher();
});
afterAll(async () => {
  await mail?.stop();
  await api?.shutdown();
});

test('an invited admin sets a password, signs in, changes things only with the CSRF token, and signs out for good', async () => {
  const email = uniqueAddress('ana');
  const invited = await api.call({
    as: 'admin',
    method: 'post',
    path: '/api/v1/users',
    body: { email, name: 'Ana Admin', role: 'admin' },
  });
  expect(invited.status).toBe(201);
  expect(invited.body).toMatchObject({ email, status: 'invited', createdBy: { kind: 'key', id: api.keyIds.admin } });

  const [invitation] = await waitForMail(email);
  expect(invitation!.subject).toBe('You are invited to dealreg');
  const token = tokenOf(linkIn(invitation!, 'http://dealreg.test/console/invitation/'));
  const activate = (password: string) => request(api.app).post(`/api/v1/auth/invitations/${token}`).send({ password });
  expect((await activate('too short')).status).toBe(422);
  const common = await activate('123456789qwe');
  expect(common.status).toBe(422);
  expect(common.body.errors[0]).toMatchObject({ path: 'password', message: expect.stringContaining('common') });
  expect((await activate(PASSWORD)).body).toMatchObject({ id: invited.body.id, status: 'active' });
  expect((await activate(PASSWORD)).status).toBe(404); // the link works once

  const refused = await request(api.app)
    .post('/api/v1/auth/sign-in')
    .send({ email, password: 'not the password at all' });
  expect(refused.status).toBe(401);
  const signedIn = await request(api.app)
    .post('/api/v1/auth/sign-in')
    .send({ email: email.toUpperCase(), password: PASSWORD });
  expect(signedIn.status).toBe(204);
  const setCookie = String(signedIn.headers['set-cookie']);
  expect(setCookie).toMatch(/HttpOnly/i);
  expect(setCookie).toMatch(/SameSite=Lax/i);
  expect(setCookie).not.toMatch(/Secure/i); // plain http here; https sets Secure

  const session = await signIn(api.app, email);
  const me = await withSession(api.app, session, 'get', '/api/v1/me');
  expect(me.body).toMatchObject({ userId: invited.body.id, email, name: 'Ana Admin', role: 'admin' });

  const distributor = { id: `dist-${Date.now().toString(36)}`, name: 'Dist Ana' };
  const withoutToken = await withSession(api.app, session, 'post', '/api/v1/distributors', {
    csrf: false,
    body: distributor,
  });
  expect(withoutToken.status).toBe(403);
  const created = await withSession(api.app, session, 'post', '/api/v1/distributors', { body: distributor });
  expect(created.status).toBe(201);
  // Who did it is recorded by id and named when read.
  expect(created.body.createdBy).toEqual({ kind: 'user', id: invited.body.id, name: 'Ana Admin' });

  // A request with a key is the key's, whatever cookie it carries.
  const asKey = await request(api.app)
    .get('/api/v1/me')
    .set('Cookie', session.cookie)
    .set('Authorization', `Bearer ${api.keys.auditor}`);
  expect(asKey.body).toMatchObject({ keyId: api.keyIds.auditor, role: 'auditor' });
  expect(asKey.body.userId).toBeUndefined();

  expect((await withSession(api.app, session, 'post', '/api/v1/auth/sign-out', { csrf: false })).status).toBe(403);
  const out = await withSession(api.app, session, 'post', '/api/v1/auth/sign-out');
  expect(out.status).toBe(204);
  expect(String(out.headers['set-cookie'])).toMatch(/Expires=Thu, 01 Jan 1970/);
  expect((await withSession(api.app, session, 'get', '/api/v1/me')).status).toBe(401);
});

test('a password reset link works once, and not after it expires', async () => {
  const person = await invitePerson(api, { name: 'Rui Reset', role: 'auditor' });
  const before = await signIn(api.app, person.email);
  expect((await request(api.app).post('/api/v1/auth/password-reset').send({ email: person.email })).status).toBe(202);
  // An unknown address answers the same.
  expect(
    (
      await request(api.app)
        .post('/api/v1/auth/password-reset')
        .send({ email: uniqueAddress('nobody') })
    ).status,
  ).toBe(202);
  const [, resetMail] = await waitForMail(person.email, 2);
  expect(resetMail!.subject).toBe('Reset your dealreg password');
  const token = tokenOf(linkIn(resetMail!, 'http://dealreg.test/console/reset-password/'));
  const reset = (password: string) => request(api.app).post(`/api/v1/auth/password-reset/${token}`).send({ password });
  expect((await reset('new harbour lights 7')).status).toBe(204);
  expect((await reset('another harbour 8 9')).status).toBe(404);
  // Every session of the person ended with the old password.
  expect((await withSession(api.app, before, 'get', '/api/v1/me')).status).toBe(401);
  await signIn(api.app, person.email, 'new harbour lights 7');

  await request(api.app).post('/api/v1/auth/password-reset').send({ email: person.email });
  const [, , late] = await waitForMail(person.email, 3);
  await mongoose.connection
    .collection('usertokens')
    .updateMany({ userId: person.id }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
  const expired = await request(api.app)
    .post(`/api/v1/auth/password-reset/${tokenOf(linkIn(late!, 'http://dealreg.test/console/reset-password/'))}`)
    .send({ password: 'too late harbour 99' });
  expect(expired.status).toBe(404);
  expect(expired.body.detail).toMatch(/expired/);
});

test('a disabled person is refused at once, session and sign-in alike', async () => {
  const person = await invitePerson(api, { name: 'Dee Disabled', role: 'channel-manager' });
  const session = await signIn(api.app, person.email);
  expect((await withSession(api.app, session, 'get', '/api/v1/escalations?status=open')).status).toBe(200);
  const disabled = await api.call({
    as: 'admin',
    method: 'put',
    path: `/api/v1/users/${person.id}`,
    body: { status: 'disabled' },
  });
  expect(disabled.body).toMatchObject({ status: 'disabled', updatedBy: { kind: 'key', id: api.keyIds.admin } });
  expect((await withSession(api.app, session, 'get', '/api/v1/escalations?status=open')).status).toBe(401);
  const again = await request(api.app).post('/api/v1/auth/sign-in').send({ email: person.email, password: PASSWORD });
  expect(again.status).toBe(401);
});

test('failed sign-ins are limited per email address, known or not, with Retry-After', async () => {
  const person = await invitePerson(api, { name: 'Lim Limited', role: 'auditor' });
  for (const email of [person.email, uniqueAddress('unknown')]) {
    const answers: number[] = [];
    for (let attempt = 0; attempt < 4; attempt += 1) {
      answers.push(
        (await request(api.app).post('/api/v1/auth/sign-in').send({ email, password: 'wrong wrong wrong' })).status,
      );
    }
    expect(answers).toEqual([401, 401, 401, 429]);
    const blocked = await request(api.app).post('/api/v1/auth/sign-in').send({ email, password: PASSWORD });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  }
});

test('a signed-out console asking who it is counts as no failed authentication; a bad cookie does', async () => {
  const limited = createApp({
    temporal: api.system.temporal,
    taskQueue: api.system.taskQueue,
    logger: quietLogger,
    config: testConfig({ AUTH_FAILURES_PER_MINUTE: 2 }),
  });
  for (let load = 0; load < 5; load += 1) {
    expect((await request(limited).get('/api/v1/auth/session')).status).toBe(401);
  }
  const forged = () =>
    request(limited)
      .get('/api/v1/auth/session')
      .set('Cookie', `dealreg_session=${'f'.repeat(43)}`);
  expect([(await forged()).status, (await forged()).status, (await forged()).status]).toEqual([401, 401, 429]);
});

test('a staff key is exchanged for a session that ends with the key; partner keys are not', async () => {
  const partner = await request(api.app).post('/api/v1/auth/key-sign-in').send({ key: api.keys.reseller });
  expect(partner.status).toBe(403);
  const created = await api.call({ as: 'admin', method: 'post', path: '/api/v1/api-keys', body: { role: 'auditor' } });
  const exchanged = await request(api.app).post('/api/v1/auth/key-sign-in').send({ key: created.body.key });
  expect(exchanged.status).toBe(204);
  const cookie = cookieOf(exchanged.headers['set-cookie']);
  const session = await request(api.app).get('/api/v1/auth/session').set('Cookie', cookie);
  expect(session.body).toMatchObject({ keyId: created.body.keyId, csrfToken: expect.any(String) });
  await api.call({ as: 'admin', method: 'delete', path: `/api/v1/api-keys/${created.body.keyId}` });
  expect((await request(api.app).get('/api/v1/me').set('Cookie', cookie)).status).toBe(401);
});

test("an organisation's user administrator invites and disables its own users only", async () => {
  const orgAdmin = await invitePerson(api, {
    name: 'Olga Org',
    role: 'reseller',
    resellerId: 'value-var',
    orgAdmin: true,
  });
  const session = await signIn(api.app, orgAdmin.email);
  const own = await withSession(api.app, session, 'post', '/api/v1/users', {
    body: { email: uniqueAddress('colleague'), name: 'Colleague', role: 'reseller', resellerId: 'value-var' },
  });
  expect(own.status).toBe(201);
  const other = await withSession(api.app, session, 'post', '/api/v1/users', {
    body: { email: uniqueAddress('stranger'), name: 'Stranger', role: 'reseller', resellerId: 'small-boutique' },
  });
  expect(other.status).toBe(403);
  const listed = await withSession(api.app, session, 'get', '/api/v1/users');
  expect(listed.body.items.every((user: { resellerId?: string }) => user.resellerId === 'value-var')).toBe(true);
  const disabled = await withSession(api.app, session, 'put', `/api/v1/users/${own.body.id}`, {
    body: { status: 'disabled' },
  });
  expect(disabled.body.status).toBe('disabled');
});
