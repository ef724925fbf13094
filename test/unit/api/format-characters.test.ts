import type { z } from 'zod';
import { fieldErrors } from '../../../api/problem';
import { resolveEscalationBodySchema } from '../../../api/schemas/escalation';
import { newApiKeySchema, newResellerSchema } from '../../../api/schemas/partners';
import { extensionBodySchema, withdrawBodySchema } from '../../../api/schemas/registration';
import { registrationSubmissionSchema } from '../../../domain/registration';

/** Format and bidirectional controls: invisible, so refused in every text a person submits. */
const controls = ['\u200b', '\u200d', '\u200e', '\u202e', '\u2066', '\u2069', '\ufeff', '\u00ad', '\u061c'];

const submission = {
  distributorId: 'dist-a',
  customer: { name: 'Acme Corporation', segment: 'commercial', region: 'east' },
  opportunity: { title: 'Storage refresh', productLines: ['storage'] },
  program: 'SEWP V',
};
const withText = (path: string[], text: string) => {
  const copy = structuredClone(submission) as Record<string, unknown>;
  let target = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[path.at(-1)!] = text;
  return copy;
};

function errorsOf(schema: z.ZodType, body: unknown) {
  const result = schema.safeParse(body);
  return result.success ? [] : fieldErrors(result.error);
}

describe('format and direction controls in submitted text', () => {
  it('a plain submission passes', () => {
    expect(errorsOf(registrationSubmissionSchema, submission)).toEqual([]);
  });

  it.each([[['customer', 'name']], [['customer', 'region']], [['opportunity', 'title']], [['program']]])(
    'are refused in %j, at that path, whichever control it is',
    (path) => {
      for (const control of controls) {
        const errors = errorsOf(registrationSubmissionSchema, withText(path, `Acme${control} Corp`));
        expect(errors).toEqual([
          { path: path.join('.'), message: expect.stringMatching(/invisible .* control U\+[0-9A-F]{4}/) },
        ]);
      }
    },
  );

  it('name the control found', () => {
    const errors = errorsOf(registrationSubmissionSchema, withText(['customer', 'name'], 'Acme \u202eproC'));
    expect(errors[0]?.message).toContain('U+202E');
  });

  it.each([
    ['a withdrawal reason', withdrawBodySchema, { reason: 'lost\u200b' }, 'reason'],
    ['an extension reason', extensionBodySchema, { reason: 'needs \u2066time' }, 'reason'],
    [
      'an escalation resolution reason',
      resolveEscalationBodySchema,
      { distinct: true, reason: 'two \u200ecustomers' },
      'reason',
    ],
    [
      "a reseller's name",
      newResellerSchema,
      { id: 'reseller-x', name: 'Re\u200bseller', partnerType: 'var', distributorIds: ['dist-a'] },
      'name',
    ],
    ['an API key label', newApiKeySchema, { role: 'auditor', label: 'ci\u00adkey' }, 'label'],
  ])('are refused in %s', (_, schema, body, path) => {
    expect(errorsOf(schema, body)).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: expect.stringMatching(new RegExp(`${path}$`)) })]),
    );
  });
});
