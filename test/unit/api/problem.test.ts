import fc from 'fast-check';
import { z } from 'zod';
import { fieldErrors } from '../../../api/problem';
import { cursorSchema, encodeCursor } from '../../../api/schemas/common';
import { resolveEscalationBodySchema } from '../../../api/schemas/escalation';
import { registrationSubmissionSchema } from '../../../domain/registration';

describe('fieldErrors', () => {
  test('names each unknown field by its full path', () => {
    const result = registrationSubmissionSchema.safeParse({
      distributorId: 'dist-a',
      customer: { name: 'Acme', segment: 'commercial', vip: true },
      opportunity: { title: 'x', productLines: ['storage'] },
      extra: 1,
    });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!)).toEqual(
      expect.arrayContaining([
        { path: 'customer.vip', message: 'unknown field' },
        { path: 'extra', message: 'unknown field' },
      ]),
    );
  });

  test('nested paths use dots and array indexes, with a location prefix when given', () => {
    const result = registrationSubmissionSchema.safeParse({
      distributorId: 'dist-a',
      customer: { name: 'Acme', segment: 'commercial' },
      opportunity: { title: 'x', productLines: ['ok', '!!'] },
    });
    expect(fieldErrors(result.error!)).toEqual([{ path: 'opportunity.productLines.1', message: expect.any(String) }]);
    const query = z.strictObject({ limit: z.number() }).safeParse({ limit: 'x' });
    expect(fieldErrors(query.error!, ['query'])[0]?.path).toBe('query.limit');
  });

  test("a union lists each alternative's complaints", () => {
    const result = resolveEscalationBodySchema.safeParse({ reason: 'why' });
    const errors = fieldErrors(result.error!);
    expect(errors[0]).toEqual({ path: '', message: expect.any(String) });
    expect(errors.some((e) => e.path === 'award' && e.message.startsWith('alternative 1'))).toBe(true);
    expect(errors.some((e) => e.path === 'rejectAll' && e.message.startsWith('alternative 2'))).toBe(true);
  });
});

describe('cursors', () => {
  const position = z.strictObject({ before: z.number().int() });
  const cursor = cursorSchema(position);

  test('what the API encodes decodes to the same position', () => {
    fc.assert(
      fc.property(fc.integer(), (before) => {
        expect(cursor.parse(encodeCursor({ before }))).toEqual({ before });
      }),
    );
  });

  test('anything else is refused, never thrown', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 500 }), (text) => {
        const parsed = cursor.safeParse(text);
        if (parsed.success) expect(position.safeParse(parsed.data).success).toBe(true);
      }),
    );
    expect(cursor.safeParse(encodeCursor({ before: 'x' })).success).toBe(false);
  });
});
