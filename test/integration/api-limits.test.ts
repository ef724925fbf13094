import mongoose from 'mongoose';
import { Registration } from '../../db/registrations';
import { eventually } from '../support/harness';
import { type ApiTest, freshSubmission, OTHER_RESELLER, startApiTest } from './api-support';

let api: ApiTest;
beforeAll(async () => {
  api = await startApiTest('apilimits');
}, 60_000);
afterAll(() => api?.shutdown());

const publish = async (limits: object) => {
  const put = await api.call({
    as: 'admin',
    method: 'put',
    path: '/api/v1/policy',
    body: { model: 'open', timing: { protection: 'PT10M', expiryReminder: 'PT1M' }, limits },
  });
  expect(put.status).toBe(201);
};
const submit = (as: 'reseller' | 'other-reseller', body = freshSubmission()) =>
  api.call({ as, method: 'post', path: '/api/v1/registrations', body });
const count = (collection: string, filter: object = {}) =>
  mongoose.connection.collection(collection).countDocuments(filter);

describe('policy limits', () => {
  test('a submission over the day limit is refused with limit-reached and nothing is stored', async () => {
    await publish({ submissionsPerResellerPerDay: 2 });
    expect((await submit('reseller')).status).toBe(202);
    expect((await submit('reseller')).status).toBe(202);
    const before = { dealkeys: await count('dealkeys'), sequences: await count('sequencenumbers') };

    const body = freshSubmission();
    const refused = await submit('reseller', body);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      type: 'https://dealreg.dev/problems/limit-reached',
      status: 422,
      limit: 'submissionsPerResellerPerDay',
    });
    expect(refused.body.detail).toContain('submissionsPerResellerPerDay');
    expect(await Registration.countDocuments({ 'customer.name': body.customer.name })).toBe(0);
    expect(await count('dealkeys')).toBe(before.dealkeys);
    expect(await count('sequencenumbers')).toBe(before.sequences);
  });

  test('registrations accepted before an active limit count against it', async () => {
    await publish({ activePerReseller: { var: 2, boutique: 3 } });
    // value-var holds the two registrations of the test above (protected for ten minutes).
    const refused = await submit('reseller');
    expect(refused.status).toBe(422);
    expect(refused.body.limit).toBe('activePerReseller');
  });

  test('10 simultaneous submissions under activePerReseller=3 give exactly 3 accepted', async () => {
    await publish({ activePerReseller: { boutique: 3 } });
    const bodies = Array.from({ length: 10 }, () => freshSubmission());
    const answers = await Promise.all(bodies.map((body) => submit('other-reseller', body)));
    const accepted = answers.filter((answer) => answer.status === 202);
    const refused = answers.filter((answer) => answer.status === 422);
    expect(accepted).toHaveLength(3);
    expect(refused).toHaveLength(7);
    for (const answer of refused) expect(answer.body.limit).toBe('activePerReseller');
    expect(await Registration.countDocuments({ resellerId: OTHER_RESELLER })).toBe(3);
  });

  test('a registration that ends frees its place', async () => {
    const mine = await Registration.find({ resellerId: OTHER_RESELLER }).lean().exec();
    expect((await submit('other-reseller')).status).toBe(422);
    const ended = mine[0]!;
    await eventually(async () => {
      const read = await api.call({ as: 'auditor', method: 'get', path: `/api/v1/registrations/${ended._id}` });
      return read.body.status === 'approved' ? true : undefined;
    }, 'the registration to be approved');
    const withdrawn = await api.call({
      as: 'other-reseller',
      method: 'post',
      path: `/api/v1/registrations/${ended._id}/withdraw`,
      body: {},
    });
    expect(withdrawn.status).toBeLessThan(300);
    // The place is given back by the activity that ends it, just after the status changes.
    await eventually(async () => ((await submit('other-reseller')).status === 202 ? true : undefined), 'a free place');
    expect((await submit('other-reseller')).status).toBe(422);
  });
});
