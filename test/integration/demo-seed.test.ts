import request from 'supertest';
import { createApp } from '../../api/app';
import { createApiKey } from '../../db/apikeys';
import { describeSeeded, seedDemoDataIfEmpty } from '../../scripts/demo-data';
import { demoSeller } from '../../scripts/demo-sellers';
import { eventually, quietLogger, startTestSystem, type TestSystem } from '../support/harness';
import { mailsTo, startTestMailDispatcher } from '../support/mail';
import { signIn } from '../support/people';
import { testConfig } from './api-support';

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem('demo-seed');
});
afterAll(async () => {
  await system?.shutdown();
});

test('the demo data prints partner people who sign in with their first password and reach the portal', async () => {
  const seeded = await seedDemoDataIfEmpty(undefined);
  if (!seeded) throw new Error('the test database was not empty');
  const printed = describeSeeded(seeded, false);
  const reseller = seeded.people.find((person) => person.role === 'reseller' && person.orgAdmin);
  expect(reseller).toBeDefined();
  expect(printed).toContain(`${reseller!.email}`);
  expect(printed).toContain(reseller!.password);

  const app = createApp({
    temporal: system.temporal,
    taskQueue: system.taskQueue,
    logger: quietLogger,
    config: testConfig(),
  });
  const session = await signIn(app, reseller!.email, reseller!.password);
  const form = await request(app).get('/api/v1/registration-form').set('Cookie', session.cookie);
  expect(form.status).toBe(200);
  expect(form.body.distributors.length).toBeGreaterThan(0);
  // Seeding again changes nothing: it fills an empty database only.
  expect(await seedDemoDataIfEmpty(undefined)).toBeUndefined();
});

test("the demo's house account: a reseller registers it, the rule applies, and the seller's mail arrives", async () => {
  // The demo data is in this file's database already (seeded by the test above).
  const mail = startTestMailDispatcher();
  try {
    const app = createApp({
      temporal: system.temporal,
      taskQueue: system.taskQueue,
      logger: quietLogger,
      config: testConfig({ SUBMISSION_ACCEPTANCE_WAIT_MS: 60_000 }),
    });
    const { key } = await createApiKey({ role: 'reseller', resellerId: 'riverbend-var', createdBy: 'test' });
    const submitted = await request(app)
      .post('/api/v1/registrations')
      .set('Authorization', `Bearer ${key}`)
      .send({
        distributorId: 'dist-b',
        customer: { name: 'Lakeside County Schools', domain: 'lakeside-schools.example', segment: 'education' },
        opportunity: { title: 'Classroom storage', productLines: ['storage'] },
      });
    expect(submitted.status).toBe(202);
    const decided = await eventually(async () => {
      const read = await request(app)
        .get(`/api/v1/registrations/${submitted.body.id}`)
        .set('Authorization', `Bearer ${key}`);
      return read.body.status === 'pending' ? undefined : read.body;
    }, 'the decision');
    expect([decided.status, decided.reasonCode]).toEqual(['escalated', 'house-account']);
    expect(JSON.stringify(decided)).not.toMatch(/sam-houston|Sam Houston|acct-lakeside/);

    const told = (address: string) =>
      eventually(async () => {
        const mails = await mailsTo(address);
        return mails.find((m) => m.text.includes(submitted.body.id));
      }, `the mail to ${address}`);
    expect((await told(demoSeller.email))?.subject).toContain('on your account acct-lakeside');
    expect((await told('sam@vendor.example'))?.text).toContain('riverbend-var');
  } finally {
    await mail.stop();
  }
});
