import fc from 'fast-check';
import { escalationIdFor } from '../../../activities/escalation-ids';
import { partnerNotifications } from '../../../activities/notify';
import { lifecycleStateOf } from '../../../activities/record-step';
import type { Caller } from '../../../api/route-spec';
import { audienceOf, canSee, registrationView } from '../../../api/views/registration';
import { type NotificationType, notificationTypes, outboxMessage } from '../../../db/outbox';
import type { DecisionRecord, RegistrationDoc } from '../../../db/registrations';
import { registrationAccount } from '../../../domain/accounts/registration-account';
import { type Audience, decide, explain, type PartnerAudience, renderTrace } from '../../../domain/allocation';
import type { Decision, RegistrationFacts } from '../../../domain/allocation/types';
import { renderMail } from '../../../domain/email/render';
import { engineEvents, reviewEvents, transition } from '../../../domain/lifecycle';
import { fateEntry } from '../../../domain/lifecycle-entries';
import { type Policy, timingInMs } from '../../../domain/policy/schema';
import type { Customer } from '../../../domain/registration';
import { webhookRequest } from '../../../worker/outbox-dispatcher';
import { contractExamplePolicy, policy } from '../domain/fixtures';

/**
 * Every partner-facing output (registration view, webhook body and headers, emails, for every event
 * type, to the reseller and to the distributor) built by the real engine and builders from scenarios
 * where several partners register the same deals. Ids are random markers that no fixed wording
 * holds, so finding one where it does not belong is a leak.
 */

const POLICY_DISTRIBUTOR = 'dist-policy';
const DEALS = [
  { name: 'Acme Widgets', uei: 'ACMEUEI11111', domain: 'acme.com' },
  { name: 'Globex Systems', uei: 'GLOBEXUEI222', domain: 'globex.com' },
];
const PRODUCT_LINES = ['storage', 'networking', 'compute'];
/** Keys of the engine's deal-check inputs that describe other registrations: a partner gets none of them. */
const COMPETITOR_KEYS = [
  'basis',
  'sharedProductLines',
  'score',
  'threshold',
  'conflict',
  'strength',
  'holdersCompared',
  'certain',
  'probable',
  'named',
  'namedMatch',
  'holder',
  'matches',
];
const BASIS_WORDS = ['UEI', 'DUNS', 'tax id', 'web domain', 'similar name', '%'];

const hex = (length: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${length}}$`));

const registrationArb = fc.record({
  hex: hex(24),
  runId: fc.uuid(),
  reseller: fc.integer({ min: 0, max: 2 }),
  distributor: fc.integer({ min: 0, max: 2 }),
  deal: fc.integer({ min: 0, max: 1 }),
  variant: fc.constantFrom('uei', 'domain', 'name', 'similar-name'),
  federal: fc.boolean(),
  productLines: fc.subarray(PRODUCT_LINES, { minLength: 1 }),
  fate: fc.constantFrom('none', 'award-self', 'award-other', 'reject-all'),
  /** The vendor's account the customer matched, if any, and who owns it. */
  account: fc.oneof(
    { weight: 5, arbitrary: fc.constant('none') },
    { weight: 1, arbitrary: fc.constantFrom('plain', 'reserved', 'house') },
  ),
  owner: fc.integer({ min: 1, max: 2 }),
  /** Entered by the reseller's person, or by its distributor's on the reseller's behalf. */
  enteredByDistributor: fc.boolean(),
});
type RegistrationSpec = typeof registrationArb extends fc.Arbitrary<infer T> ? T : never;

const scenarioArb = fc.record({
  resellers: fc.uniqueArray(hex(8), { minLength: 3, maxLength: 3 }).map((ids) => ids.map((id) => `resx${id}`)),
  distributors: fc
    .uniqueArray(hex(8), { minLength: 2, maxLength: 2 })
    .map((ids) => [POLICY_DISTRIBUTOR, ...ids.map((id) => `distx${id}`)]),
  registrations: fc.uniqueArray(registrationArb, { minLength: 2, maxLength: 6, selector: (spec) => spec.hex }),
  model: fc.constantFrom('open', 'hybrid'),
  onWrongRoute: fc.constantFrom('reject', 'escalate'),
  accountIds: fc.uniqueArray(hex(8), { minLength: 2, maxLength: 2 }).map((ids) => ids.map((id) => `acctx${id}`)),
  seller: hex(8).map((id) => `sellx${id}`),
});
type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function customerOf(spec: RegistrationSpec): Customer {
  const deal = DEALS[spec.deal] as (typeof DEALS)[number];
  const segment = spec.federal ? 'federal-dod' : 'commercial';
  switch (spec.variant) {
    case 'uei':
      return { name: deal.name, segment, identifiers: { uei: deal.uei } };
    case 'domain':
      return { name: `${deal.name} Group`, segment, domain: deal.domain };
    case 'name':
      return { name: deal.name, segment };
    default:
      return { name: `${deal.name}s`, segment };
  }
}

/** The account facts the acceptance would record: the owner is another partner's distributor or a vendor seller. */
function accountOf(spec: RegistrationSpec, scenario: Scenario): Pick<RegistrationFacts, 'account'> {
  if (spec.account === 'none') return {};
  const owner =
    spec.account === 'reserved'
      ? { kind: 'distributor' as const, id: scenario.distributors[spec.owner] as string }
      : spec.account === 'house'
        ? { kind: 'seller' as const, id: scenario.seller }
        : undefined;
  return {
    account: {
      accountId: scenario.accountIds[spec.deal] as string,
      segment: spec.federal ? 'federal-dod' : 'commercial',
      programs: [],
      ...(owner && { owner }),
    },
  };
}

/**
 * What the acceptance records of the accounts (domain/accounts/registration-account.ts): the matched
 * account's facts and the declaration beside them, and the other deal's account as a name-only candidate.
 */
function acceptedAccount(spec: RegistrationSpec, scenario: Scenario, facts: RegistrationFacts) {
  const candidate = {
    account: { id: scenario.accountIds[1 - spec.deal] as string, name: 'Vendor Account Name' },
    basis: 'name' as const,
    score: 0.93,
    conflictingIdentifiers: [],
  };
  const match = facts.account
    ? {
        kind: 'certain' as const,
        account: { id: facts.account.accountId, name: 'x' },
        basis: 'domain' as const,
        probable: [candidate],
      }
    : { kind: 'probable' as const, candidates: [candidate] };
  return registrationAccount(match, facts.account, { customer: facts.customer });
}

interface Built {
  doc: RegistrationDoc;
  facts: RegistrationFacts;
  decision: Decision;
  holders: RegistrationFacts[];
}

/** The person who entered a registration: staff may know who, a partner never. */
const enteredById = (spec: RegistrationSpec) => `usrx${spec.hex.slice(0, 12)}`;

const SEQUENCE_STEP = 10;
const BASE_TIME = Date.parse('2031-03-04T05:06:07.000Z');
/** Each registration's times are its own, so another's appearing is a leak of its timing. */
const timeOf = (index: number, offsetMs: number) => new Date(BASE_TIME + index * 3_600_000 + offsetMs);

function recordOf(decision: Decision, doc: RegistrationDoc, at: Date, escalationId?: string): DecisionRecord {
  const to = decision.outcome === 'approve' ? 'approved' : decision.outcome === 'reject' ? 'rejected' : 'escalated';
  return {
    key: 'decision',
    at: at.toISOString(),
    kind: 'decision',
    fromStatus: 'pending',
    toStatus: to,
    ...(decision.reasonCode && { reasonCode: decision.reasonCode }),
    explanation: explain(decision, 'staff'),
    resellerExplanation: explain(decision, 'reseller'),
    trace: decision.trace,
    matches: decision.matches,
    policyVersion: 1,
    decidedBy: { kind: 'engine', id: 'allocation-engine' },
    actor: { kind: 'engine', id: 'allocation-engine' },
    event: engineEvents[decision.outcome],
    ...(escalationId && { escalationId }),
    ...(doc.account && { account: doc.account }),
    prevHash: doc.lastDecisionHash,
    hash: `${doc._id}-1`.padEnd(64, '0'),
  };
}

/** Decides the registrations one after another, as the conflict check does, and joins escalations as it does. */
function build(scenario: Scenario, thePolicy: Policy): Built[] {
  const built: Built[] = [];
  scenario.registrations.forEach((spec, index) => {
    const id = `reg_${spec.hex}`;
    const facts: RegistrationFacts = {
      id,
      resellerId: scenario.resellers[spec.reseller] as string,
      partnerType: 'var',
      distributorId: scenario.distributors[spec.distributor] as string,
      customer: customerOf(spec),
      productLines: spec.productLines,
      sequence: (index + 1) * SEQUENCE_STEP,
      status: 'pending',
      ...accountOf(spec, scenario),
    };
    const holders = built
      .filter((b) => b.doc.status === 'approved' || b.doc.status === 'escalated')
      .map((b) => ({ ...b.facts, status: b.doc.status }));
    const decision = decide({ subject: facts, policy: thePolicy, policyVersion: 1, holders });
    const matched = new Set(decision.matches.map((m) => m.registrationId));
    const joined = built.find((b) => matched.has(b.doc._id) && b.doc.status === 'escalated')?.doc.escalationId;
    const escalationId =
      decision.outcome === 'escalate'
        ? (joined ?? escalationIdFor('contest:0', { workflowId: `registration-${id}`, runId: spec.runId }))
        : undefined;
    const doc: RegistrationDoc = {
      ...acceptedAccount(spec, scenario, facts),
      _id: id,
      status: 'pending',
      resellerId: facts.resellerId,
      partnerType: 'var',
      distributorId: facts.distributorId,
      customer: facts.customer,
      opportunity: { title: 'Refresh', productLines: facts.productLines },
      searchText: '',
      lookupKeys: [],
      customerKeys: [],
      sequence: facts.sequence,
      submittedAt: timeOf(index, 0),
      extensionsUsed: 0,
      policyVersion: 1,
      decisions: [],
      decisionKeys: [],
      lastDecisionHash: '0'.repeat(64),
      requestHash: 'f'.repeat(64),
      workflowId: `registration-${id}`,
      updatedAt: timeOf(index, 0),
      enteredBy: {
        kind: 'user',
        id: enteredById(spec),
        ...(spec.enteredByDistributor ? { onBehalfOf: { distributorId: facts.distributorId } } : {}),
      },
    };
    const record = recordOf(decision, doc, timeOf(index, 1234), escalationId);
    Object.assign(doc, {
      status: record.toStatus,
      ...(record.reasonCode && { reasonCode: record.reasonCode }),
      explanation: record.explanation,
      resellerExplanation: record.resellerExplanation,
      decidedAt: timeOf(index, 1234),
      updatedAt: timeOf(index, 1234),
      ...(escalationId && { escalationId }),
      decisions: [record],
      decisionKeys: [record.key],
      lastDecisionHash: record.hash,
    });
    built.push({ doc, facts, decision, holders });
  });
  return built;
}

/** Resolves escalations as a channel manager would: the fate each contender's workflow records. */
function resolveEscalations(built: Built[], fates: RegistrationSpec['fate'][], thePolicy: Policy): void {
  built.forEach(({ doc }, index) => {
    const escalationId = doc.status === 'escalated' ? doc.escalationId : undefined;
    const fateKind = fates[index];
    if (!escalationId || !fateKind || fateKind === 'none') return;
    const contenders = built.filter((b) => b.doc.escalationId === escalationId).map((b) => b.doc._id);
    const winner = fateKind === 'award-self' ? doc._id : contenders.find((id) => id !== doc._id);
    const resolution =
      fateKind === 'reject-all' || !winner
        ? ({ kind: 'reject-all' } as const)
        : ({ kind: 'award', registrationId: winner } as const);
    const action = resolution.kind === 'award' && resolution.registrationId === doc._id ? 'approve' : 'reject';
    const fate = {
      escalationId,
      action,
      resolution,
      reason: `decided on ${contenders.join(' and ')}`,
      decidedBy: { kind: 'channel-manager' },
      actor: { kind: 'key', id: 'key-staff' },
    } as const;
    const at = new Date(doc.updatedAt.getTime() + 60_000);
    const step = transition(lifecycleStateOf(doc), reviewEvents[action], fateEntry(fate, doc.policyVersion), {
      timing: timingInMs(thePolicy.timing),
      now: at,
    });
    const record: DecisionRecord = {
      ...step.entry,
      at: at.toISOString(),
      fromStatus: doc.status,
      toStatus: step.to,
      prevHash: doc.lastDecisionHash,
      hash: `${doc._id}-2`.padEnd(64, '0'),
    } as DecisionRecord;
    Object.assign(doc, {
      status: step.to,
      reasonCode: record.reasonCode,
      explanation: record.explanation,
      resellerExplanation: record.resellerExplanation,
      updatedAt: at,
      decisions: [...doc.decisions, record],
      decisionKeys: [...doc.decisionKeys, record.key],
      lastDecisionHash: record.hash,
    });
  });
}

/** The event key each activity enqueues a notification type under (see activities/*.ts). */
function eventKeyOf(type: NotificationType, doc: RegistrationDoc): string {
  switch (type) {
    case 'registration.approved':
    case 'registration.rejected':
      return 'decision';
    case 'registration.escalated':
      return `escalated:${doc.escalationId ?? 'none'}`;
    case 'registration.resolved':
      return `resolved:${doc.escalationId ?? 'none'}`;
    case 'registration.extended':
      return 'extension:1';
    case 'registration.closed':
      return 'close';
    case 'registration.withdrawn':
      return 'withdraw';
    case 'registration.expiring':
      return `expiring:${doc.updatedAt.toISOString()}`;
    case 'registration.expired':
      return `expire:${doc.updatedAt.toISOString()}`;
    default:
      return type;
  }
}

const partnerTypes = notificationTypes.filter((type) => !type.startsWith('escalation.'));

const person = { name: 'Pat Partner', role: 'reseller', timeZone: 'Europe/Berlin' };
const links = {
  consoleUrl: 'https://dealreg.test/console',
  unsubscribeUrl: 'https://dealreg.test/api/v1/unsubscribe/t.s',
};

/**
 * What a partner may receive about one registration of its own: its view, every webhook request, and
 * every email its people get (one by one, and the daily digest of all of them).
 */
function partnerFacing(doc: RegistrationDoc, audience: PartnerAudience): { texts: string[]; structured: unknown[] } {
  const view = registrationView(doc, audience);
  const { customer: _customer, opportunity: _opportunity, ...aboutTheDecision } = view;
  const notifications = partnerTypes.flatMap((type) =>
    partnerNotifications(doc, type, eventKeyOf(type, doc)).filter(
      (notification) => (audience === 'reseller') === (notification.to.kind === 'reseller'),
    ),
  );
  const requests = notifications.map((notification) =>
    webhookRequest('partner-secret', outboxMessage(notification, doc.updatedAt)),
  );
  const events = notifications.map((notification) => ({
    type: notification.type,
    audience: `${notification.to.kind}:${notification.to.id}`,
    payload: notification.payload,
    at: doc.updatedAt,
  }));
  const mails = [
    ...events.map((event) => renderMail({ kind: 'notification', event }, person, links)),
    renderMail({ kind: 'digest', events }, person, links),
  ];
  return {
    texts: [
      JSON.stringify(view),
      ...requests.flatMap((r) => [JSON.stringify(r.headers), r.body]),
      ...mails.flatMap((mail) => [mail.subject, mail.text, mail.html]),
    ],
    // Mail bodies too: their wording must name no basis or product line either.
    structured: [
      aboutTheDecision,
      ...requests.map((r) => JSON.parse(r.body).data),
      ...mails.flatMap((mail) => [mail.text, mail.html]),
    ],
  };
}

function keysOf(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) for (const item of value) keysOf(item, into);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      into.add(key);
      keysOf(item, into);
    }
  }
  return into;
}

function policyFor(scenario: Scenario): Policy {
  if (scenario.model === 'open') return policy({ ...contractExamplePolicy, model: 'open', routes: [] });
  return policy({
    ...contractExamplePolicy,
    model: 'hybrid',
    routes: [{ when: { segments: ['federal-dod'] }, distributors: [POLICY_DISTRIBUTOR] }],
    onWrongRoute: scenario.onWrongRoute as 'reject' | 'escalate',
  });
}

/** The scenario's registrations decided one after another, then their escalations resolved. */
function decidedAndResolved(scenario: Scenario): Built[] {
  const thePolicy = policyFor(scenario);
  const built = build(scenario, thePolicy);
  resolveEscalations(
    built,
    scenario.registrations.map((spec) => spec.fate),
    thePolicy,
  );
  return built;
}

const viewers = (
  doc: RegistrationDoc,
): Array<{ audience: PartnerAudience; mayName: (other: RegistrationDoc) => boolean }> => [
  // A reseller may be told of its own registrations only.
  {
    audience: audienceOf({
      principal: { kind: 'key', id: 'k' },
      keyId: 'k',
      role: 'reseller',
      resellerId: doc.resellerId,
    }) as PartnerAudience,
    mayName: (o) => o.resellerId === doc.resellerId,
  },
  // A distributor, of the same reseller's registrations made through it.
  {
    audience: audienceOf({
      principal: { kind: 'key', id: 'k' },
      keyId: 'k',
      role: 'distributor',
      distributorId: doc.distributorId,
    }) as PartnerAudience,
    mayName: (o) => o.resellerId === doc.resellerId && o.distributorId === doc.distributorId,
  },
];

test('no partner receives an id, count, basis, product line or time of another partner’s registration, nor an account’s id or owner', () => {
  let sharedEscalations = 0;
  fc.assert(
    fc.property(scenarioArb, (scenario) => {
      const built = decidedAndResolved(scenario);
      const escalationIds = [...new Set(built.flatMap((b) => (b.doc.escalationId ? [b.doc.escalationId] : [])))];
      for (const id of escalationIds) {
        const resellers = new Set(built.filter((b) => b.doc.escalationId === id).map((b) => b.doc.resellerId));
        if (resellers.size > 1) sharedEscalations += 1;
      }
      for (const { doc } of built) {
        for (const { audience, mayName } of viewers(doc)) {
          const others = built.map((b) => b.doc).filter((o) => o._id !== doc._id && !mayName(o));
          const forbidden = [
            ...others.flatMap((o) => [o._id, o._id.replace(/^reg_/, '')]),
            ...others.flatMap((o) => [o.submittedAt.toISOString(), o.decidedAt?.toISOString() ?? o._id]),
            ...escalationIds.flatMap((id) => [id, id.replace(/^esc_/, '')]),
            ...scenario.resellers.filter((r) => r !== doc.resellerId),
            ...scenario.distributors.filter((d) => d !== doc.distributorId && d !== POLICY_DISTRIBUTOR),
            // Who entered any registration, its own included.
            ...scenario.registrations.map(enteredById),
            // The vendor's own: which account, and whose (a house account's seller, a reserving distributor).
            ...scenario.accountIds,
            scenario.seller,
          ];
          const { texts, structured } = partnerFacing(doc, audience);
          const all = texts.join('\n');
          expect(forbidden.filter((secret) => all.includes(secret))).toEqual([]);
          const keys = keysOf(structured);
          expect(COMPETITOR_KEYS.filter((key) => keys.has(key))).toEqual([]);
          const wording = JSON.stringify(structured);
          expect([...BASIS_WORDS, ...PRODUCT_LINES].filter((word) => wording.includes(word))).toEqual([]);
          for (const text of texts.slice(1)) {
            const request = /"dealreg-delivery":"([^"]+)"/.exec(text);
            if (request) expect(request[1]).toMatch(/^dlv_[0-9a-f]{32}$/);
          }
        }
      }
      // Staff see it all, so the checks above look where the ids are.
      const staff = JSON.stringify(built.map((b) => registrationView(b.doc, 'staff')));
      for (const b of built) for (const m of b.decision.matches) expect(staff).toContain(m.registrationId);
      for (const b of built) if (b.facts.account) expect(staff).toContain(`"accountId":"${b.facts.account.accountId}"`);
    }),
    { numRuns: 150 },
  );
  // The case that leaked: a later contender joining an escalation another reseller's registration opened.
  expect(sharedEscalations).toBeGreaterThan(10);
});

/** A person signed in to the partner portal, as the API sees the caller. */
const portalUser = (binding: { resellerId: string } | { distributorId: string }): Caller => ({
  principal: { kind: 'user', id: 'usr_portal' },
  userId: 'usr_portal',
  role: 'resellerId' in binding ? 'reseller' : 'distributor',
  ...binding,
});

test('the portal’s pages (list, registration, the answer to a submission) receive nothing of what the partner may not see', () => {
  fc.assert(
    fc.property(scenarioArb, (scenario) => {
      const built = decidedAndResolved(scenario);
      const docs = built.map((b) => b.doc);
      const callers = [
        ...scenario.resellers.map((resellerId) => portalUser({ resellerId })),
        ...scenario.distributors.map((distributorId) => portalUser({ distributorId })),
      ];
      for (const caller of callers) {
        // Every page of the portal reads registrations through the same scope and view as the API's routes.
        const visible = docs.filter((doc) => canSee(caller, doc));
        const hidden = docs.filter((doc) => !canSee(caller, doc));
        const views = visible.map((doc) => registrationView(doc, audienceOf(caller)));
        const named = new Set([
          ...visible.flatMap((doc) => [doc.resellerId, doc.distributorId]),
          caller.resellerId,
          caller.distributorId,
          POLICY_DISTRIBUTOR,
        ]);
        const forbidden = [
          ...hidden.flatMap((o) => [o._id, o._id.replace(/^reg_/, '')]),
          ...hidden.flatMap((o) => [o.submittedAt.toISOString(), o.decidedAt?.toISOString() ?? o._id]),
          ...docs.flatMap((o) => (o.escalationId ? [o.escalationId, o.escalationId.replace(/^esc_/, '')] : [])),
          ...[...scenario.resellers, ...scenario.distributors].filter((partner) => !named.has(partner)),
          ...scenario.registrations.map(enteredById),
          ...scenario.accountIds,
          scenario.seller,
        ];
        const all = JSON.stringify(views);
        expect(forbidden.filter((secret) => all.includes(secret))).toEqual([]);
        const aboutDecisions = views.map(({ customer: _c, opportunity: _o, ...rest }) => rest);
        const keys = keysOf(aboutDecisions);
        expect(COMPETITOR_KEYS.filter((key) => keys.has(key))).toEqual([]);
        expect(['escalationId', 'actor'].filter((key) => keys.has(key))).toEqual([]);
        // Who entered it is staff business: a partner learns at most that its distributor did.
        for (const view of views) expect(view.enteredBy?.id).toBeUndefined();
        const wording = JSON.stringify(aboutDecisions);
        expect([...BASIS_WORDS, ...PRODUCT_LINES].filter((word) => wording.includes(word))).toEqual([]);
      }
    }),
    { numRuns: 100 },
  );
});

test('one more competitor on the deal changes nothing a partner is told (no counts, no timing)', () => {
  fc.assert(
    fc.property(scenarioArb, hex(24), hex(8), (scenario, cloneHex, cloneReseller) => {
      const thePolicy = policyFor(scenario);
      for (const { facts, decision, holders } of build(scenario, thePolicy)) {
        const competitor = holders.find(
          (h) => decision.matches.some((m) => m.registrationId === h.id) && h.resellerId !== facts.resellerId,
        );
        if (!competitor) continue;
        // Later than every holder, so the earliest (the one the decision names) stays the same.
        const clone = {
          ...competitor,
          id: `reg_${cloneHex}`,
          resellerId: `resx${cloneReseller}`,
          sequence: facts.sequence - 1,
        };
        const again = decide({ subject: facts, policy: thePolicy, policyVersion: 1, holders: [...holders, clone] });
        expect(again.outcome).toBe(decision.outcome);
        const audiences: Audience[] = ['reseller', { distributor: facts.distributorId }];
        for (const audience of audiences) {
          expect(renderTrace(again.trace, audience)).toEqual(renderTrace(decision.trace, audience));
          expect(explain(again, audience)).toBe(explain(decision, audience));
        }
      }
    }),
    { numRuns: 200 },
  );
});

test('an escalation is named the same for a retry of its run and reveals nothing of the registration', () => {
  const run = {
    workflowId: 'registration-reg_0123456789abcdef01234567',
    runId: '5b1c7a4e-0f7e-4c55-9a3d-2f1f1d0c9e11',
  };
  const name = escalationIdFor('contest:0', run);
  expect(name).toMatch(/^esc_[0-9a-f]{32}$/);
  expect(name).not.toContain('0123456789abcdef');
  expect(escalationIdFor('contest:0', { ...run })).toBe(name);
  expect(escalationIdFor('contest:1', run)).not.toBe(name);
  expect(escalationIdFor('contest:0', { ...run, runId: '9d2e4f60-1b2c-4d3e-8f9a-0b1c2d3e4f50' })).not.toBe(name);
});
