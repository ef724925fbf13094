import type { RegistrationForm, RegistrationSubmission } from '../api/types';

/** The register-a-deal form as typed: strings throughout, turned into the API's body on submit. */
export interface DealDraft {
  resellerId: string;
  distributorId: string;
  customerName: string;
  domain: string;
  uei: string;
  duns: string;
  taxId: string;
  segment: string;
  region: string;
  title: string;
  /** Product ids from the catalogue, when there is one. */
  products: string[];
  /** Free product lines, comma-separated, when there is no catalogue. */
  productText: string;
  amount: string;
  currency: string;
  closeDate: string;
  program: string;
}

/** A fresh draft; a single distributor (or the one a distributor is) is chosen already. */
export function emptyDraft(form: RegistrationForm | undefined, resellerId = ''): DealDraft {
  const only = form?.distributors.length === 1 ? (form.distributors[0]?.id ?? '') : '';
  return {
    resellerId,
    distributorId: only,
    customerName: '',
    domain: '',
    uei: '',
    duns: '',
    taxId: '',
    segment: '',
    region: '',
    title: '',
    products: [],
    productText: '',
    amount: '',
    currency: 'USD',
    closeDate: '',
    program: '',
  };
}

const present = (text: string) => (text.trim() === '' ? undefined : text.trim());

/** Who the form registers for: a reseller itself, a distributor for a reseller, a vendor seller direct. */
export type Registrant = 'reseller' | 'distributor' | 'direct';

/**
 * The body the API checks: empty optional fields are left out, so what the person left blank is not
 * refused as malformed; what they typed goes as typed, and the API's 422 names the field at fault. A
 * direct opportunity names no distributor, reseller or program.
 */
export function submissionOf(draft: DealDraft, usesCatalogue: boolean, registrant: Registrant): RegistrationSubmission {
  const identifiers = Object.fromEntries(
    (['uei', 'duns', 'taxId'] as const).flatMap((key) => (present(draft[key]) ? [[key, present(draft[key])]] : [])),
  );
  const productLines = usesCatalogue
    ? draft.products
    : draft.productText
        .split(',')
        .map((line) => line.trim())
        .filter(Boolean);
  const amount = present(draft.amount);
  const partner =
    registrant === 'direct'
      ? { direct: true as const }
      : {
          distributorId: draft.distributorId,
          ...(registrant === 'distributor' ? { resellerId: draft.resellerId } : {}),
        };
  return {
    ...partner,
    customer: {
      name: draft.customerName,
      ...(present(draft.domain) ? { domain: present(draft.domain) } : {}),
      ...(Object.keys(identifiers).length > 0 ? { identifiers } : {}),
      segment: draft.segment as RegistrationSubmission['customer']['segment'],
      ...(present(draft.region) ? { region: present(draft.region) } : {}),
    },
    opportunity: {
      title: draft.title,
      productLines,
      ...(amount ? { estimatedValue: { amount: Number(amount), currency: draft.currency.trim().toUpperCase() } } : {}),
      ...(present(draft.closeDate) ? { expectedCloseDate: present(draft.closeDate) } : {}),
    },
    ...(registrant !== 'direct' && present(draft.program) ? { program: present(draft.program) } : {}),
  };
}

/** The form's fields by API path: an error at a path outside them is shown above the button instead. */
export const draftPaths = [
  'resellerId',
  'distributorId',
  'customer.name',
  'customer.domain',
  'customer.identifiers.uei',
  'customer.identifiers.duns',
  'customer.identifiers.taxId',
  'customer.segment',
  'customer.region',
  'opportunity.title',
  'opportunity.productLines',
  'opportunity.estimatedValue.amount',
  'opportunity.estimatedValue.currency',
  'opportunity.expectedCloseDate',
  'program',
];
