import { routeCovers, validatePolicyReferences } from '../../../domain/policy/references';
import { MAX_CONDITION_VALUES, MAX_ROUTE_DISTRIBUTORS, MAX_ROUTES, policySchema } from '../../../domain/policy/schema';
import { contractExamplePolicy, policy } from './fixtures';

const known = ['dist-a', 'dist-b'];

describe('validatePolicyReferences', () => {
  it("accepts the contract's example policy", () => {
    expect(validatePolicyReferences(policy(contractExamplePolicy), known)).toEqual([]);
  });

  it('points at each unknown distributor', () => {
    const candidate = policy({
      model: 'segment',
      routes: [
        { when: { segments: ['federal-dod'] }, distributors: ['dist-a', 'dist-x'] },
        { when: { segments: ['commercial'] }, distributors: ['dist-y'] },
      ],
    });
    expect(validatePolicyReferences(candidate, known)).toEqual([
      { path: ['routes', 0, 'distributors', 1], message: 'unknown distributor "dist-x"' },
      { path: ['routes', 1, 'distributors', 0], message: 'unknown distributor "dist-y"' },
    ]);
  });

  it('refuses a distributor listed twice in one route', () => {
    const candidate = policy({
      model: 'hybrid',
      routes: [{ when: { programs: ['SEWP V'] }, distributors: ['dist-a', 'dist-a'] }],
    });
    expect(validatePolicyReferences(candidate, known)).toEqual([
      { path: ['routes', 0, 'distributors', 1], message: 'distributor "dist-a" is listed twice in this route' },
    ]);
  });

  it('refuses a route that an earlier one hides', () => {
    const candidate = policy({
      model: 'segment',
      routes: [
        { when: { segments: ['federal-dod', 'federal-civilian'] }, distributors: ['dist-a'] },
        { when: { segments: ['federal-dod'], regions: ['east'] }, distributors: ['dist-b'] },
        { when: { segments: ['federal-dod'] }, distributors: ['dist-b'] },
        { when: { segments: ['commercial'] }, distributors: ['dist-b'] },
      ],
    });
    expect(validatePolicyReferences(candidate, known).map((issue) => issue.path)).toEqual([
      ['routes', 1, 'when'],
      ['routes', 2, 'when'],
    ]);
  });

  it('refuses segment and partner-type policies without routes, but not open or hybrid ones', () => {
    expect(validatePolicyReferences(policy({ model: 'segment' }), known)).toHaveLength(1);
    expect(validatePolicyReferences(policy({ model: 'partner-type' }), known)).toHaveLength(1);
    expect(validatePolicyReferences(policy({ model: 'open' }), known)).toEqual([]);
    expect(validatePolicyReferences(policy({ model: 'hybrid' }), known)).toEqual([]);
  });
});

describe('routeCovers', () => {
  it.each([
    [{ segments: ['commercial'] }, { segments: ['commercial'], regions: ['East'] }, true],
    [{ regions: ['east'] }, { regions: ['EAST'] }, true],
    [{ segments: ['commercial'], regions: ['east'] }, { segments: ['commercial'] }, false],
    [{ segments: ['commercial'] }, { segments: ['commercial', 'education'] }, false],
    [{ programs: ['SEWP V'] }, { partnerTypes: ['var'] }, false],
  ] as const)('%j covers %j: %s', (earlier, later, expected) => {
    expect(routeCovers(earlier as never, later as never)).toBe(expected);
  });
});

describe('the policy schema', () => {
  it.each<[unknown, string]>([
    [{ model: 'hybrid', routes: [{ when: {}, distributors: ['dist-a'] }] }, 'empty when'],
    [{ model: 'open', timing: { protection: 'P3M' } }, 'months'],
    [{ model: 'open', matching: { nameSimilarity: 1.5 } }, 'similarity above 1'],
    [{ model: 'open', routes: [{ when: { segments: ['commercial'] }, distributors: ['dist-a'] }] }, 'routes on open'],
  ])('refuses %j (%s)', (input, _why) => {
    expect(policySchema.safeParse(input).success).toBe(false);
  });
});

describe('the policy schema caps every list a candidate holds', () => {
  const many = (count: number, make: (i: number) => string) => Array.from({ length: count }, (_, i) => make(i));
  const hybrid = (route: object, routes = 1) => ({
    model: 'hybrid',
    routes: Array.from({ length: routes }, () => route),
  });
  const route = { when: { segments: ['commercial'] }, distributors: ['dist-a'] };

  it.each<[string, unknown]>([
    ['routes', hybrid(route, MAX_ROUTES + 1)],
    [
      'distributors of a route',
      hybrid({ ...route, distributors: many(MAX_ROUTE_DISTRIBUTORS + 1, (i) => `dist-${i}`) }),
    ],
    ['regions', hybrid({ ...route, when: { regions: many(MAX_CONDITION_VALUES + 1, (i) => `region-${i}`) } })],
    ['programs', hybrid({ ...route, when: { programs: many(MAX_CONDITION_VALUES + 1, (i) => `program-${i}`) } })],
    ['segments', hybrid({ ...route, when: { segments: many(MAX_CONDITION_VALUES + 1, () => 'commercial') } })],
    ['partner types', hybrid({ ...route, when: { partnerTypes: many(MAX_CONDITION_VALUES + 1, () => 'var') } })],
  ])('refuses too many %s', (_what, input) => {
    expect(policySchema.safeParse(input).success).toBe(false);
  });

  it('accepts every list at its cap', () => {
    const atCap = hybrid(
      {
        when: {
          regions: many(MAX_CONDITION_VALUES, (i) => `region-${i}`),
          programs: many(MAX_CONDITION_VALUES, (i) => `program-${i}`),
        },
        distributors: many(MAX_ROUTE_DISTRIBUTORS, (i) => `dist-${i}`),
      },
      MAX_ROUTES,
    );
    expect(policySchema.safeParse(atCap).success).toBe(true);
  });
});
