import { emptyDraft, submissionOf } from '../../../console/src/pages/register-draft';

// The register-a-deal form's body: what was left blank is left out, what was typed goes as typed.

const form = {
  segments: ['commercial' as const],
  regions: [],
  programs: [],
  products: [],
  distributors: [{ id: 'dist-a', name: 'Dist A' }],
};

test('a fresh draft picks the only distributor, and a distributor its reseller from the link', () => {
  expect(emptyDraft(form).distributorId).toBe('dist-a');
  expect(emptyDraft({ ...form, distributors: [...form.distributors, { id: 'dist-b', name: 'B' }] }).distributorId).toBe(
    '',
  );
  expect(emptyDraft(form, 'value-var').resellerId).toBe('value-var');
});

test('blank optional fields are left out; typed ones are sent as typed', () => {
  const draft = {
    ...emptyDraft(form),
    customerName: 'Acme',
    segment: 'commercial',
    title: 'Refresh',
    productText: ' storage, networking ,, ',
  };
  expect(submissionOf(draft, false, 'reseller')).toEqual({
    distributorId: 'dist-a',
    customer: { name: 'Acme', segment: 'commercial' },
    opportunity: { title: 'Refresh', productLines: ['storage', 'networking'] },
  });
  const full = submissionOf(
    {
      ...draft,
      domain: ' acme.com ',
      uei: 'ABCDEF123456',
      region: 'east',
      amount: '2500',
      currency: 'eur',
      closeDate: '2027-03-31',
      program: 'SEWP V',
      products: ['p-1'],
      resellerId: 'value-var',
    },
    true,
    'distributor',
  );
  expect(full).toEqual({
    distributorId: 'dist-a',
    resellerId: 'value-var',
    customer: {
      name: 'Acme',
      domain: 'acme.com',
      identifiers: { uei: 'ABCDEF123456' },
      segment: 'commercial',
      region: 'east',
    },
    opportunity: {
      title: 'Refresh',
      productLines: ['p-1'],
      estimatedValue: { amount: 2500, currency: 'EUR' },
      expectedCloseDate: '2027-03-31',
    },
    program: 'SEWP V',
  });
});

test('a seller’s direct opportunity names no distributor, reseller or program, whatever the draft holds', () => {
  const draft = {
    ...emptyDraft(form),
    resellerId: 'value-var',
    program: 'SEWP V',
    customerName: 'Acme',
    segment: 'commercial',
    title: 'Refresh',
    productText: 'storage',
  };
  expect(submissionOf(draft, false, 'direct')).toEqual({
    direct: true,
    customer: { name: 'Acme', segment: 'commercial' },
    opportunity: { title: 'Refresh', productLines: ['storage'] },
  });
});
