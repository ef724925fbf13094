import { segments } from '../api/types';
import type { Account, Product, Program, Seller, VendorCollection, VendorRecord } from '../api/vendor-records';
import { words } from '../ui/format';

/**
 * What each collection of vendor records shows and edits, as data: the search page, the record page
 * and the form are one set of components for all four.
 */
export interface FieldSpec {
  name: string;
  label: string;
  /** The API field path whose errors belong here. */
  path: string;
  kind: 'text' | 'list' | 'select';
  options?: readonly { value: string; label: string }[];
  hint?: string;
  required?: boolean;
}

export type Values = Record<string, string>;

export interface CollectionSpec {
  collection: VendorCollection;
  title: string;
  noun: string;
  lead: string;
  fields: FieldSpec[];
  /** The body of a PUT (a POST adds the id). */
  bodyOf(values: Values): object;
  valuesOf(record: VendorRecord): Values;
  /** The table's columns after the name. */
  columns: { label: string; value(record: VendorRecord): string }[];
}

const list = (text: string | undefined) =>
  (text ?? '')
    .split(/[,;]/)
    .map((item) => item.trim())
    .filter(Boolean);
const optional = (text: string | undefined) => (text?.trim() ? text.trim() : undefined);
const joined = (items: readonly string[] | undefined) => (items ?? []).join(', ');
const defined = (value: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));

const listHint = 'Separate several with commas.';
const nameField: FieldSpec = { name: 'name', label: 'Name', path: 'name', kind: 'text', required: true };

const accounts: CollectionSpec = {
  collection: 'accounts',
  title: 'Accounts',
  noun: 'account',
  lead: 'The customers the vendor knows: a registration that gives one of their identifiers or domains is routed by the account, not by what it declares.',
  fields: [
    nameField,
    { name: 'domains', label: 'Domains', path: 'domains', kind: 'list', hint: `Websites of the customer. ${listHint}` },
    { name: 'uei', label: 'UEI', path: 'identifiers.uei', kind: 'text' },
    { name: 'duns', label: 'DUNS number', path: 'identifiers.duns', kind: 'text' },
    { name: 'taxId', label: 'Tax id', path: 'identifiers.taxId', kind: 'text' },
    {
      name: 'segment',
      label: 'Segment',
      path: 'segment',
      kind: 'select',
      required: true,
      options: segments.map((segment) => ({ value: segment, label: words(segment) })),
    },
    { name: 'region', label: 'Region', path: 'region', kind: 'text' },
    { name: 'programs', label: 'Programs', path: 'programs', kind: 'list', hint: `Program ids. ${listHint}` },
    {
      name: 'ownerKind',
      label: 'Owner',
      path: 'owner.kind',
      kind: 'select',
      options: [
        { value: '', label: 'Nobody' },
        { value: 'distributor', label: 'A distributor (reserved for it)' },
        { value: 'seller', label: 'A vendor seller (house account)' },
      ],
    },
    { name: 'ownerId', label: 'Owner id', path: 'owner.id', kind: 'text', hint: 'The distributor or seller id.' },
  ],
  bodyOf: (values) => {
    const identifiers = defined({
      uei: optional(values.uei),
      duns: optional(values.duns),
      taxId: optional(values.taxId),
    });
    return defined({
      name: values.name,
      domains: list(values.domains),
      identifiers: Object.keys(identifiers).length > 0 ? identifiers : undefined,
      segment: values.segment,
      region: optional(values.region),
      programs: list(values.programs),
      owner: values.ownerKind ? { kind: values.ownerKind, id: values.ownerId?.trim() ?? '' } : undefined,
    });
  },
  valuesOf: (record) => {
    const account = record as Account;
    return {
      name: account.name,
      domains: joined(account.domains),
      uei: account.identifiers?.uei ?? '',
      duns: account.identifiers?.duns ?? '',
      taxId: account.identifiers?.taxId ?? '',
      segment: account.segment,
      region: account.region ?? '',
      programs: joined(account.programs),
      ownerKind: account.owner?.kind ?? '',
      ownerId: account.owner?.id ?? '',
    };
  },
  columns: [
    { label: 'Segment', value: (record) => words((record as Account).segment) },
    { label: 'Region', value: (record) => (record as Account).region ?? '—' },
    { label: 'Domains', value: (record) => joined((record as Account).domains) || '—' },
    {
      label: 'Identifiers',
      value: (record) => {
        const { uei, duns, taxId } = (record as Account).identifiers ?? {};
        const given = [uei && `UEI ${uei}`, duns && `DUNS ${duns}`, taxId && `tax id ${taxId}`].filter(Boolean);
        return given.join(', ') || '—';
      },
    },
    { label: 'Programs', value: (record) => joined((record as Account).programs) || '—' },
    {
      label: 'Owner',
      value: (record) => {
        const owner = (record as Account).owner;
        return owner ? `${owner.kind} ${owner.id}` : '—';
      },
    },
  ],
};

const programs: CollectionSpec = {
  collection: 'programs',
  title: 'Programs',
  noun: 'program',
  lead: 'Contract vehicles and their member accounts: a registration on a member account is routed as the program.',
  fields: [
    nameField,
    { name: 'contractNumbers', label: 'Contract numbers', path: 'contractNumbers', kind: 'list', hint: listHint },
    { name: 'accounts', label: 'Member accounts', path: 'accounts', kind: 'list', hint: `Account ids. ${listHint}` },
  ],
  bodyOf: (values) =>
    defined({ name: values.name, contractNumbers: list(values.contractNumbers), accounts: list(values.accounts) }),
  valuesOf: (record) => {
    const program = record as Program;
    return { name: program.name, contractNumbers: joined(program.contractNumbers), accounts: joined(program.accounts) };
  },
  columns: [
    { label: 'Contract numbers', value: (record) => joined((record as Program).contractNumbers) || '—' },
    { label: 'Members', value: (record) => String((record as Program).accounts?.length ?? 0) },
  ],
};

const products: CollectionSpec = {
  collection: 'products',
  title: 'Products',
  noun: 'product',
  lead: 'The catalogue: once it has a product, registrations name their product lines by product id.',
  fields: [nameField, { name: 'family', label: 'Family', path: 'family', kind: 'text', required: true }],
  bodyOf: (values) => ({ name: values.name, family: values.family }),
  valuesOf: (record) => ({ name: record.name, family: (record as Product).family }),
  columns: [{ label: 'Family', value: (record) => (record as Product).family }],
};

const sellers: CollectionSpec = {
  collection: 'sellers',
  title: 'Sellers',
  noun: 'seller',
  lead: "The vendor's own sellers: an account a seller owns is a house account.",
  fields: [nameField, { name: 'email', label: 'Email', path: 'email', kind: 'text' }],
  bodyOf: (values) => defined({ name: values.name, email: optional(values.email) }),
  valuesOf: (record) => ({ name: record.name, email: (record as Seller).email ?? '' }),
  columns: [{ label: 'Email', value: (record) => (record as Seller).email ?? '—' }],
};

export const collectionSpecs: Record<VendorCollection, CollectionSpec> = { accounts, programs, products, sellers };
export const isCollection = (name: string): name is VendorCollection => name in collectionSpecs;
