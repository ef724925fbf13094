import mongoose from 'mongoose';
import request from 'supertest';
import { noticeKey } from '../../activities/escalations';
import { enqueueStaffNotice } from '../../activities/notify';
import { DIGEST_HOUR } from '../../domain/email/digest-time';
import { eventually } from '../support/harness';
import { linkIn, startTestMailDispatcher, waitForMail } from '../support/mail';
import { invitePerson, signIn, withSession } from '../support/people';
import {
  type ApiTest,
  contestedDeal,
  freshSubmission,
  OTHER_RESELLER,
  RESELLER,
  startApiTest,
  submitAndWait,
} from './api-support';

let api: ApiTest;
let mail: ReturnType<typeof startTestMailDispatcher>;

beforeAll(async () => {
  api = await startApiTest('people-mail');
  mail = startTestMailDispatcher();
});
afterAll(async () => {
  await mail?.stop();
  await api?.shutdown();
});

const registrationIds = (text: string) => [...new Set(text.match(/reg_[A-Za-z0-9_-]+/g) ?? [])];

test("a decision mails the reseller's and the distributor's people, and says no more than the webhook", async () => {
  const holderPerson = await invitePerson(api, { name: 'Hana Holder', role: 'reseller', resellerId: RESELLER });
  const challengerPerson = await invitePerson(api, {
    name: 'Cai Challenger',
    role: 'reseller',
    resellerId: OTHER_RESELLER,
  });
  const distributorPerson = await invitePerson(api, {
    name: 'Dora Dist',
    role: 'distributor',
    distributorId: 'dist-a',
  });
  const { holder, challenger } = await contestedDeal(api);

  const [, approved] = await waitForMail(holderPerson.email, 2); // the invitation, then the decision
  expect(approved!.subject).toBe(`Registration ${holder.id} approved`);
  expect(approved!.text).toContain(`http://dealreg.test/console/registrations/${holder.id}`);
  const distributorMails = await waitForMail(distributorPerson.email, 3);
  expect(distributorMails.map((m) => m.subject)).toEqual(
    expect.arrayContaining([
      `Registration ${holder.id} approved`,
      expect.stringContaining(`Registration ${challenger.id}`),
    ]),
  );

  const [, escalated] = await waitForMail(challengerPerson.email, 2);
  expect(escalated!.subject).toBe(`Registration ${challenger.id} sent to a channel manager for review`);
  // What the challenger's webhook (and feed) got for this event, and nothing of the holder's.
  const payload = await eventually(async () => {
    const feed = await api.call({ as: 'other-reseller', method: 'get', path: '/api/v1/events' });
    return feed.body.items.find(
      (event: { type: string; data: { registrationId: string } }) =>
        event.type === 'registration.escalated' && event.data.registrationId === challenger.id,
    )?.data;
  }, "the challenger's feed event");
  for (const body of [escalated!.text, escalated!.html]) {
    expect(body).toContain(payload.explanation.replaceAll("'", body === escalated!.html ? '&#39;' : "'"));
    expect(registrationIds(body)).toEqual([challenger.id]);
    expect(body).not.toContain(RESELLER);
    expect(body).not.toContain(holder.customer.name);
  }

  // One-click unsubscribe (RFC 8058) turns that kind of mail off, and only that kind.
  const listUnsubscribe = escalated!.headers['List-Unsubscribe']?.[0] as string;
  expect(escalated!.headers['List-Unsubscribe-Post']).toEqual(['List-Unsubscribe=One-Click']);
  const [, target = ''] = listUnsubscribe.match(/<([^>]+)>/) ?? [];
  const path = target.replace('http://dealreg.test', '');
  expect(path).toMatch(/^\/api\/v1\/unsubscribe\//);
  expect((await request(api.app).get(path)).text).toContain('Stop these emails');
  const done = await request(api.app).post(path).type('form').send('List-Unsubscribe=One-Click');
  expect(done.status).toBe(200);
  const session = await signIn(api.app, challengerPerson.email);
  const settings = await withSession(api.app, session, 'get', '/api/v1/me/notifications');
  expect(settings.body).toMatchObject({ 'registration.escalated': 'off', 'registration.approved': 'immediate' });
});

test('an escalation notice mails the channel managers once, with a link that opens the escalation', async () => {
  const manager = await invitePerson(api, { name: 'Cora Manager', role: 'channel-manager' });
  // The escalation's workflow tells the channel managers it opened; a retried activity tells nobody twice.
  const { escalationId } = await contestedDeal(api);
  const [, opened] = await waitForMail(manager.email, 2);
  await enqueueStaffNotice('escalation.opened', { escalationId }, noticeKey(escalationId, 'escalation.opened', 1));
  expect(opened!.subject).toBe(`Escalation ${escalationId} needs a decision`);
  const link = linkIn(opened!, 'http://dealreg.test/console/escalations/');
  expect(link).toBe(`http://dealreg.test/console/escalations/${escalationId}`);
  const session = await signIn(api.app, manager.email);
  const shown = await withSession(api.app, session, 'get', `/api/v1/escalations/${link.split('/').pop()}`);
  expect(shown.status).toBe(200);
  expect(
    await mongoose.connection.collection('mails').countDocuments({ userId: manager.id, kind: 'notification' }),
  ).toBe(1);
});

test('a daily digest waits for 08:00 in the person’s time zone and goes out as one mail', async () => {
  const person = await invitePerson(api, { name: 'Dag Digest', role: 'reseller', resellerId: RESELLER });
  const session = await signIn(api.app, person.email);
  const changed = await withSession(api.app, session, 'put', '/api/v1/me/notifications', {
    body: { 'registration.approved': 'daily', timeZone: 'Asia/Tokyo' },
  });
  expect(changed.body).toMatchObject({ 'registration.approved': 'daily', timeZone: 'Asia/Tokyo' });
  const badZone = await withSession(api.app, session, 'put', '/api/v1/me/notifications', {
    body: { timeZone: 'Mars/Base' },
  });
  expect(badZone.status).toBe(422);

  const approved = await submitAndWait(api, freshSubmission(), 'reseller');
  const items = mongoose.connection.collection('maildigestitems');
  const held = await eventually(
    async () => (await items.findOne({ userId: person.id })) ?? undefined,
    'the digest item',
  );
  const due = new Date(held.dueAt as Date);
  expect(Number(due.toLocaleString('en-GB', { timeZone: 'Asia/Tokyo', hour: '2-digit', hourCycle: 'h23' }))).toBe(
    DIGEST_HOUR,
  );
  expect(due.getTime()).toBeGreaterThan(Date.now());

  await items.updateMany({ userId: person.id }, { $set: { dueAt: new Date(Date.now() - 1000) } });
  const [, digest] = await waitForMail(person.email, 2); // the invitation, then the digest
  expect(digest!.subject).toMatch(/^dealreg daily digest: \d+ updates?$/);
  expect(digest!.text).toContain(`Registration ${approved.id} approved`);
});
