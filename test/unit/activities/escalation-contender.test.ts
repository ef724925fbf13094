import { contenderOf } from '../../../activities/escalations';
import { escalationContenderSchema } from '../../../api/schemas/escalation';
import type { RegistrationDoc } from '../../../db/registrations';

/** What the channel manager sees of a contender escalated over an identifier that differs. */
const conflictingIdentifiers = [{ kind: 'uei' as const, value: 'ZZZZZZZZZZZZ', holderValue: 'ABCDEF123456' }];
const registration = {
  _id: 'reg_new',
  resellerId: 'reseller-1',
  distributorId: 'dist-a',
  sequence: 2,
  decisions: [
    {
      matches: [
        {
          registrationId: 'reg_held',
          resellerId: 'reseller-2',
          distributorId: 'dist-a',
          sequence: 1,
          strength: 'probable',
          basis: 'name',
          score: 1,
          sharedProductLines: ['storage'],
          conflictingIdentifiers,
        },
      ],
    },
  ],
} as unknown as RegistrationDoc;

test("a contender's match keeps the conflicting identifiers, in the shape the escalation view publishes", () => {
  const contender = contenderOf(registration, 'contender');
  expect(contender.match).toEqual({
    strength: 'probable',
    basis: 'name',
    score: 1,
    withRegistrationId: 'reg_held',
    conflictingIdentifiers,
  });
  expect(escalationContenderSchema.shape.match.parse(contender.match)).toEqual(contender.match);
});
