import { Webhook } from '../../db/partners';
import { openWebhookSecret } from '../../db/webhook-secrets';
import { eventually } from '../support/harness';
import { changedCollections, databaseFingerprint, settledFingerprint } from './api-fuzz-support';

const simulationCollections = ['simulationjobs', 'simulationlocks'];

import {
  type ApiTest,
  contestedDeal,
  freshSubmission,
  simulateAndWait,
  startApiTest,
  submitAndWait,
} from './api-support';

let api: ApiTest;
beforeAll(async () => {
  api = await startApiTest('apiadmin');
}, 60_000);
afterAll(() => api?.shutdown());

describe('escalations', () => {
  test('are listed with their contenders side by side, and resolved by a channel manager', async () => {
    const { holder, challenger, escalationId } = await contestedDeal(api);
    const page = await api.call({ as: 'channel-manager', method: 'get', path: '/api/v1/escalations?status=open' });
    const listed = page.body.items.find((item: { id: string }) => item.id === escalationId);
    expect(listed).toMatchObject({
      status: 'open',
      reasonCode: 'possible-duplicate',
      subject: 'registration',
      level: 1,
    });
    expect(Date.parse(listed.reviewDueAt)).toBeLessThan(Date.parse(listed.secondReviewDueAt));
    const byId = Object.fromEntries(listed.contenders.map((c: { registrationId: string }) => [c.registrationId, c]));
    expect(byId[holder.id]).toMatchObject({
      role: 'holder',
      resellerId: 'value-var',
      resellerName: 'value-var Inc',
      distributorId: 'dist-a',
      status: 'approved',
      customer: holder.customer,
      productLines: ['storage'],
    });
    expect(byId[challenger.id]).toMatchObject({
      role: 'contender',
      resellerId: 'small-boutique',
      status: 'escalated',
      match: expect.objectContaining({ strength: 'probable', basis: 'name', withRegistrationId: holder.id }),
    });

    const resolvePath = `/api/v1/escalations/${escalationId}/resolve`;
    const ambiguous = await api.call({
      as: 'channel-manager',
      method: 'post',
      path: resolvePath,
      body: { award: holder.id, rejectAll: true, reason: 'x' },
    });
    expect(ambiguous.status).toBe(422);
    const notAContender = await api.call({
      as: 'channel-manager',
      method: 'post',
      path: resolvePath,
      body: { award: 'reg_000000000000000000000000', reason: 'x' },
    });
    expect(notAContender.status).toBe(422);

    const resolved = await api.call({
      as: 'channel-manager',
      method: 'post',
      path: resolvePath,
      body: { award: holder.id, reason: 'same buyer, first come' },
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toEqual({
      escalationId,
      resolution: { kind: 'award', registrationId: holder.id },
      fates: [{ registrationId: challenger.id, action: 'reject' }],
    });
    const again = await api.call({
      as: 'channel-manager',
      method: 'post',
      path: resolvePath,
      body: { rejectAll: true, reason: 'x' },
    });
    expect(again.status).toBe(409);

    // The challenger's own workflow records its fate right after.
    const challengerNow = await eventually(async () => {
      const read = await api.call({
        as: 'other-reseller',
        method: 'get',
        path: `/api/v1/registrations/${challenger.id}`,
      });
      return read.body.status === 'rejected' ? read.body : undefined;
    }, 'the challenger to be rejected');
    expect(challengerNow.reasonCode).toBe('resolved-against');
    expect(JSON.stringify(challengerNow)).not.toContain(holder.id);
    const after = await api.call({ as: 'auditor', method: 'get', path: `/api/v1/escalations/${escalationId}` });
    expect(after.body).toMatchObject({ status: 'resolved', resolution: { kind: 'award', registrationId: holder.id } });
  });

  test('an unknown escalation answers 404', async () => {
    const missing = await api.call({
      as: 'channel-manager',
      method: 'post',
      path: '/api/v1/escalations/esc_nothing/resolve',
      body: { distinct: true, reason: 'x' },
    });
    expect(missing.status).toBe(404);
    expect((await api.call({ as: 'auditor', method: 'get', path: '/api/v1/escalations/esc_nothing' })).status).toBe(
      404,
    );
  });
});

describe('policy', () => {
  const open = { model: 'open', timing: { protection: 'PT60S', expiryReminder: 'PT10S' } };

  test('publishing makes a new version; every version stays readable', async () => {
    const before = await api.call({ as: 'auditor', method: 'get', path: '/api/v1/policy' });
    const published = await api.call({ as: 'admin', method: 'put', path: '/api/v1/policy', body: open });
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ version: before.body.version + 1, createdBy: api.keyIds.admin });
    expect(published.body.policy.timing.reviewSla).toBe('PT48H');
    const current = await api.call({ as: 'channel-manager', method: 'get', path: '/api/v1/policy' });
    expect(current.body.version).toBe(published.body.version);
    const versions = await api.call({ as: 'auditor', method: 'get', path: '/api/v1/policy/versions' });
    expect(versions.body.versions.map((v: { version: number }) => v.version)).toEqual(
      Array.from({ length: published.body.version }, (_, i) => i + 1),
    );
  });

  test('the guide is Markdown by default and HTML when asked for', async () => {
    const markdown = await api.call({ as: 'reseller', method: 'get', path: '/api/v1/policy/guide' });
    expect(markdown.headers['content-type']).toMatch(/^text\/markdown/);
    expect(markdown.text).toMatch(/^# /);
    const html = await api.call({
      as: 'distributor',
      method: 'get',
      path: '/api/v1/policy/guide',
      headers: { Accept: 'text/html' },
    });
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.text).toContain('<h1>');
    const neither = await api.call({
      as: 'reseller',
      method: 'get',
      path: '/api/v1/policy/guide',
      headers: { Accept: 'image/png' },
    });
    expect(neither.status).toBe(406);
  });

  test('a simulation reports what a candidate would change and writes nothing', async () => {
    await submitAndWait(api, freshSubmission());
    const federal = freshSubmission();
    federal.customer.segment = 'federal-dod';
    const throughA = await submitAndWait(api, federal);
    expect(throughA.status).toBe('approved');
    const before = await settledFingerprint(simulationCollections);
    const candidate = {
      model: 'hybrid',
      routes: [{ when: { segments: ['federal-dod'] }, distributors: ['dist-b'] }],
    };
    const job = await simulateAndWait(api, { policy: candidate });
    expect(job.status).toBe('done');
    const report = { body: job.report };
    expect(report.body.registrations).toBeGreaterThanOrEqual(2);
    expect(report.body.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          registrationId: throughA.id,
          actual: expect.objectContaining({ outcome: 'approve' }),
          simulated: { outcome: 'reject', reasonCode: 'wrong-route' },
        }),
      ]),
    );
    // Nothing but the simulation's own job is written.
    expect(changedCollections(before, await databaseFingerprint(simulationCollections))).toEqual([]);
    const unknown = await api.call({
      as: 'admin',
      method: 'post',
      path: '/api/v1/policy/simulate',
      body: { policy: { model: 'hybrid', routes: [{ when: { segments: ['education'] }, distributors: ['dist-x'] }] } },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([
      { path: 'policy.routes.0.distributors.0', message: 'unknown distributor "dist-x"' },
    ]);
  });
});

describe('partners and keys', () => {
  test('distributors and resellers are created once; unknown distributors are refused with their path', async () => {
    const created = await api.call({
      as: 'admin',
      method: 'post',
      path: '/api/v1/distributors',
      body: { id: 'dist-c', name: 'Dist C' },
    });
    expect(created.status).toBe(201);
    const duplicate = await api.call({
      as: 'admin',
      method: 'post',
      path: '/api/v1/distributors',
      body: { id: 'dist-c', name: 'Again' },
    });
    expect(duplicate.status).toBe(409);
    const badReseller = await api.call({
      as: 'admin',
      method: 'post',
      path: '/api/v1/resellers',
      body: { id: 'new-integrator', name: 'New', partnerType: 'integrator', distributorIds: ['dist-c', 'dist-nope'] },
    });
    expect(badReseller.status).toBe(422);
    expect(badReseller.body.errors).toEqual([{ path: 'distributorIds.1', message: 'unknown distributor "dist-nope"' }]);
    const reseller = await api.call({
      as: 'admin',
      method: 'post',
      path: '/api/v1/resellers',
      body: { id: 'new-integrator', name: 'New', partnerType: 'integrator', distributorIds: ['dist-c'] },
    });
    expect(reseller.status).toBe(201);
    const listed = await api.call({ as: 'auditor', method: 'get', path: '/api/v1/resellers' });
    expect(listed.body.items.map((r: { id: string }) => r.id)).toContain('new-integrator');
    const distributors = await api.call({ as: 'channel-manager', method: 'get', path: '/api/v1/distributors' });
    expect(distributors.body.items.map((d: { id: string }) => d.id)).toEqual(['dist-a', 'dist-b', 'dist-c']);
  });

  test('a distributor is renamed and a reseller changes type and distributors; its id stays', async () => {
    await api.call({ as: 'admin', method: 'post', path: '/api/v1/distributors', body: { id: 'dist-e', name: 'E' } });
    const renamed = await api.call({
      as: 'admin',
      method: 'put',
      path: '/api/v1/distributors/dist-e',
      body: { name: 'Dist E' },
    });
    expect(renamed.body).toMatchObject({ id: 'dist-e', name: 'Dist E' });
    await api.call({
      as: 'admin',
      method: 'post',
      path: '/api/v1/resellers',
      body: { id: 'moving-var', name: 'Moving', partnerType: 'var', distributorIds: ['dist-a'] },
    });
    const moved = await api.call({
      as: 'admin',
      method: 'put',
      path: '/api/v1/resellers/moving-var',
      body: { name: 'Moving Integrator', partnerType: 'integrator', distributorIds: ['dist-a', 'dist-e'] },
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      id: 'moving-var',
      partnerType: 'integrator',
      distributorIds: ['dist-a', 'dist-e'],
    });
    const unknown = await api.call({
      as: 'admin',
      method: 'put',
      path: '/api/v1/resellers/moving-var',
      body: { name: 'Moving', partnerType: 'var', distributorIds: ['dist-nope'] },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([{ path: 'distributorIds.0', message: 'unknown distributor "dist-nope"' }]);
    const missing = await api.call({
      as: 'admin',
      method: 'put',
      path: '/api/v1/resellers/nobody-here',
      body: { name: 'Nobody', partnerType: 'var', distributorIds: ['dist-a'] },
    });
    expect(missing.status).toBe(404);
  });

  test('a key is shown once, bound as its role requires, listed without secrets, and dead once revoked', async () => {
    const unbound = await api.call({
      as: 'admin',
      method: 'post',
      path: '/api/v1/api-keys',
      body: { role: 'reseller' },
    });
    expect(unbound.status).toBe(422);
    expect(unbound.body.errors).toEqual([{ path: 'resellerId', message: 'required for the reseller role' }]);
    const overBound = await api.call({
      as: 'admin',
      method: 'post',
      path: '/api/v1/api-keys',
      body: { role: 'auditor', distributorId: 'dist-a' },
    });
    expect(overBound.body.errors).toEqual([{ path: 'distributorId', message: 'not allowed for the auditor role' }]);
    const unknown = await api.call({
      as: 'admin',
      method: 'post',
      path: '/api/v1/api-keys',
      body: { role: 'distributor', distributorId: 'dist-zz' },
    });
    expect(unknown.status).toBe(422);

    const created = await api.call({
      as: 'admin',
      method: 'post',
      path: '/api/v1/api-keys',
      body: { role: 'distributor', distributorId: 'dist-b', label: 'dist-b portal' },
    });
    expect(created.status).toBe(201);
    expect(created.headers['cache-control']).toBe('no-store');
    const key = created.body.key as string;
    const me = (k: string) =>
      api.call({ as: 'missing', method: 'get', path: '/api/v1/me', headers: { Authorization: `Bearer ${k}` } });
    expect((await me(key)).body).toMatchObject({ role: 'distributor', distributorId: 'dist-b' });
    const list = await api.call({ as: 'admin', method: 'get', path: '/api/v1/api-keys' });
    expect(JSON.stringify(list.body)).not.toContain(key);
    expect(list.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ keyId: created.body.keyId, label: 'dist-b portal' })]),
    );

    const revoked = await api.call({ as: 'admin', method: 'delete', path: `/api/v1/api-keys/${created.body.keyId}` });
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    expect((await me(key)).status).toBe(401);
    expect((await api.call({ as: 'admin', method: 'delete', path: '/api/v1/api-keys/key_000000000000' })).status).toBe(
      404,
    );
  });

  test('webhooks: a partner sets its own and gets a secret once; others are refused', async () => {
    const own = await api.call({
      as: 'reseller',
      method: 'put',
      path: '/api/v1/webhooks/reseller/value-var',
      body: { url: 'https://hooks.value-var.example/dealreg' },
    });
    expect(own.status).toBe(200);
    expect(own.body.secret).toMatch(/^whsec_/);
    const stored = await Webhook.findById('reseller:value-var').lean().exec();
    expect(stored).toMatchObject({ url: 'https://hooks.value-var.example/dealreg' });
    // Stored sealed under the out-of-database key: the database alone does not give the secret away.
    expect(stored?.secret).not.toContain(own.body.secret);
    expect(stored?.secret).not.toContain(own.body.secret.slice('whsec_'.length, 20));
    expect(openWebhookSecret(stored?.secret ?? '', 'reseller:value-var')).toBe(own.body.secret);
    const foreign = await api.call({
      as: 'reseller',
      method: 'put',
      path: '/api/v1/webhooks/reseller/small-boutique',
      body: { url: 'https://evil.example/' },
    });
    expect(foreign.status).toBe(403);
    const vendor = await api.call({
      as: 'admin',
      method: 'put',
      path: '/api/v1/webhooks/vendor/channel-managers',
      body: { url: 'https://ops.example/review' },
    });
    expect(vendor.status).toBe(200);
    const notAVendorHook = await api.call({
      as: 'admin',
      method: 'put',
      path: '/api/v1/webhooks/vendor/sales',
      body: { url: 'https://x.example/' },
    });
    expect(notAVendorHook.status).toBe(404);
    const badUrl = await api.call({
      as: 'admin',
      method: 'put',
      path: '/api/v1/webhooks/reseller/value-var',
      body: { url: 'ftp://x' },
    });
    expect(badUrl.status).toBe(422);
    expect(
      (await api.call({ as: 'distributor', method: 'delete', path: '/api/v1/webhooks/distributor/dist-a' })).status,
    ).toBe(404);
    expect(
      (await api.call({ as: 'reseller', method: 'delete', path: '/api/v1/webhooks/reseller/value-var' })).status,
    ).toBe(204);
    expect(await Webhook.exists({ _id: 'reseller:value-var' })).toBeNull();
  });

  test('webhooks: a URL that would make the worker call inside its network is refused, and nothing is stored', async () => {
    const inside = [
      'http://127.0.0.1:8233/namespaces/default',
      'http://169.254.169.254/latest/meta-data/',
      'http://10.1.2.3/admin',
      'http://[::1]:7233/',
      'http://0x7f000001/',
      'http://2130706433/',
      'https://[::ffff:127.0.0.1]/',
      'https://100.64.0.1/',
      'https://[fd00:ec2::254]/',
      'https://localhost/', // resolves to 127.0.0.1, and is refused by name before that
      'https://metadata.google.internal/computeMetadata/v1/',
    ];
    const targets = [
      ...inside,
      ...inside.filter((url) => url.startsWith('http:')).map((url) => url.replace('http:', 'https:')),
      'http://hooks.example.com/dealreg', // plain http, even to a public host
    ];
    for (const url of targets) {
      const refused = await api.call({
        as: 'reseller',
        method: 'put',
        path: '/api/v1/webhooks/reseller/value-var',
        body: { url },
      });
      expect({ url, status: refused.status, type: refused.headers['content-type'] }).toEqual({
        url,
        status: 422,
        type: expect.stringMatching(/^application\/problem\+json/),
      });
      expect(refused.body.errors).toEqual([{ path: 'url', message: expect.any(String) }]);
    }
    expect(await Webhook.exists({ _id: 'reseller:value-var' })).toBeNull();

    const publicHook = await api.call({
      as: 'reseller',
      method: 'put',
      path: '/api/v1/webhooks/reseller/value-var',
      body: { url: 'https://93.184.215.14/dealreg' },
    });
    expect(publicHook.status).toBe(200);
    await Webhook.deleteOne({ _id: 'reseller:value-var' }).exec();
  });
});
