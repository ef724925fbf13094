import { seededRandom } from '../../../bench/dealreg/customers';
import { modelPolicies } from '../../../bench/dealreg/partners';
import { escalationOf, sequenceEntry, storedRegistration } from '../../../bench/growth/documents';
import { escalationBucketing } from '../../../db/escalations';
import { listingKeys } from '../../../db/listing';
import { registrationListKeys } from '../../../db/registrations';
import { policySchema } from '../../../domain/policy/schema';

const policy = policySchema.parse(modelPolicies.hybrid);

describe('growth benchmark documents', () => {
  const random = seededRandom(3);
  const docs = Array.from({ length: 400 }, (_, serial) => storedRegistration(serial, random, policy, Date.now()));

  test('carry the list keys and sequence the product writes, so list pages find them', () => {
    for (const doc of docs) {
      expect(doc.sequence).toBeGreaterThan(0);
      expect(doc.listKeys).toEqual(registrationListKeys(doc));
    }
    expect(new Set(docs.map((doc) => doc.sequence)).size).toBe(docs.length);
  });

  test('take their sequence numbers and open escalations as the product records them', () => {
    for (const doc of docs) {
      expect(sequenceEntry(doc)).toMatchObject({ _id: String(doc.sequence), value: doc.sequence });
    }
    const escalated = docs.filter((doc) => doc.status === 'escalated');
    expect(escalated.length).toBeGreaterThan(0);
    for (const doc of escalated) {
      const [escalation] = escalationOf(doc);
      expect(escalation?._id).toBe(doc.escalationId);
      expect(escalation?.listKeys).toEqual(
        listingKeys({ status: 'open' }, escalation?.createdAt.getTime() ?? 0, escalationBucketing),
      );
    }
    expect(docs.filter((doc) => doc.status !== 'escalated').flatMap(escalationOf)).toEqual([]);
  });
});
