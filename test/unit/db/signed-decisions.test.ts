import { randomBytes } from 'node:crypto';
import { deriveAuditKeys } from '../../../config/audit-key';
import { type CoreFacts, hashDecision, sealDecision, verifyDecisionChain } from '../../../db/decision-log';
import { type DecisionRecord, GENESIS_HASH } from '../../../db/registrations';

const keys = deriveAuditKeys(randomBytes(32));
const check = (registration?: CoreFacts) => ({ publicKey: keys.publicKey, keyId: keys.keyId, registration });

const facts: CoreFacts = {
  _id: 'reg_1',
  customer: { name: 'Acme Corp', segment: 'commercial', region: 'east' } as CoreFacts['customer'],
  resellerId: 'value-var',
  distributorId: 'dist-a',
  submittedAt: new Date('2025-01-01T00:00:00Z'),
  sequence: 7,
};

function unsealed(prevHash: string, key: string, toStatus: DecisionRecord['toStatus']) {
  return {
    key,
    at: '2025-01-01T00:00:01.000Z',
    kind: 'decision' as const,
    fromStatus: 'pending' as const,
    toStatus,
    explanation: 'x',
    resellerExplanation: 'x',
    trace: [],
    matches: [],
    policyVersion: 1,
    decidedBy: { kind: 'engine' as const },
    actor: { kind: 'engine' as const },
    event: 'approved-by-engine' as const,
    prevHash,
  };
}

function signedChain(): DecisionRecord[] {
  const first = sealDecision(unsealed(GENESIS_HASH, 'decision', 'approved'), facts, keys);
  const second = sealDecision(unsealed(first.hash, 'close', 'won'), facts, keys);
  return [first, second];
}

/** What a database writer can do: recompute every sha256 link and the head after an edit. */
function recomputed(chain: DecisionRecord[]): { chain: DecisionRecord[]; head: string } {
  let prevHash = GENESIS_HASH;
  const out = chain.map(({ hash: _h, ...rest }) => {
    const unhashed = { ...rest, prevHash };
    prevHash = hashDecision(unhashed);
    return { ...unhashed, hash: prevHash };
  });
  return { chain: out, head: prevHash };
}

test('a signed chain verifies with the public key alone, and vouches for the core facts', () => {
  const chain = signedChain();
  expect(verifyDecisionChain(chain, chain[1]!.hash, check(facts))).toEqual({ ok: true, entries: 2, unsigned: 0 });
});

test('a changed status with the hashes and head recomputed is caught by the signature', () => {
  const chain = signedChain();
  chain[0]!.toStatus = 'rejected';
  const { chain: rewritten, head } = recomputed(chain);
  expect(verifyDecisionChain(rewritten, head).ok).toBe(true); // plain hashing sees nothing
  expect(verifyDecisionChain(rewritten, head, check(facts))).toMatchObject({
    ok: false,
    brokenAt: 0,
    problem: expect.stringContaining('signature does not verify'),
  });
});

test('a changed customer, reseller, distributor, submission time or sequence is caught', () => {
  const chain = signedChain();
  for (const edit of [
    { customer: { ...facts.customer, name: 'Acme Corp.' } },
    { resellerId: 'other' },
    { distributorId: 'dist-b' },
    { submittedAt: new Date('2025-01-01T00:00:00.001Z') },
    { sequence: 6 },
  ]) {
    expect(verifyDecisionChain(chain, chain[1]!.hash, check({ ...facts, ...edit }))).toMatchObject({
      ok: false,
      brokenAt: 0,
      problem: expect.stringContaining('core facts'),
    });
  }
});

test('legacy unsigned entries verify as such, but a signature removed after signed entries does not', () => {
  const legacyUnhashed = unsealed(GENESIS_HASH, 'decision', 'approved');
  const legacy = { ...legacyUnhashed, hash: hashDecision(legacyUnhashed) };
  const signedAfter = sealDecision(unsealed(legacy.hash, 'close', 'won'), facts, keys);
  expect(verifyDecisionChain([legacy, signedAfter], signedAfter.hash, check(facts))).toEqual({
    ok: true,
    entries: 2,
    unsigned: 1,
  });

  const chain = signedChain();
  const { signature: _s, ...stripped } = chain[1]!;
  expect(verifyDecisionChain([chain[0]!, stripped], stripped.hash, check(facts))).toMatchObject({
    ok: false,
    brokenAt: 1,
    problem: expect.stringContaining('unsigned entry after signed ones'),
  });
});

test('an entry signed by another key does not verify', () => {
  const other = deriveAuditKeys(randomBytes(32));
  const forged = sealDecision(unsealed(GENESIS_HASH, 'decision', 'approved'), facts, other);
  expect(verifyDecisionChain([forged], forged.hash, check(facts))).toMatchObject({
    ok: false,
    problem: expect.stringContaining('another key'),
  });
  const sameId = { ...forged, keyId: keys.keyId };
  const rehashed = recomputed([sameId]);
  expect(verifyDecisionChain(rehashed.chain, rehashed.head, check(facts))).toMatchObject({
    ok: false,
    problem: expect.stringContaining('signature does not verify'),
  });
});

test("a registration's account, and its snapshot, are core facts: an edit of either is caught", () => {
  const onAccount: CoreFacts = {
    ...facts,
    accountId: 'acct-1',
    account: {
      accountId: 'acct-1',
      segment: 'federal-dod',
      programs: [],
      owner: { kind: 'distributor', id: 'dist-b' },
    },
  };
  const chain = [sealDecision(unsealed(GENESIS_HASH, 'decision', 'approved'), onAccount, keys)];
  expect(verifyDecisionChain(chain, chain[0]!.hash, check(onAccount)).ok).toBe(true);
  const edits: Partial<CoreFacts>[] = [
    { account: { ...onAccount.account!, segment: 'commercial' } },
    { account: { ...onAccount.account!, owner: undefined } },
    { accountId: 'acct-2' },
  ];
  for (const edit of edits) {
    expect(verifyDecisionChain(chain, chain[0]!.hash, check({ ...onAccount, ...edit }))).toMatchObject({
      ok: false,
      problem: expect.stringContaining('account'),
    });
  }
  // Removing the account altogether is an edit too.
  expect(verifyDecisionChain(chain, chain[0]!.hash, check(facts)).ok).toBe(false);
});
