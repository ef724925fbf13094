import { sellerOfParty } from '../direct';
import { isRegistrationRef, type RegistrationRef } from './refs';
import type { Audience, PartnerAudience } from './types';

/**
 * One sentence per trace step, written from the step's inputs alone. A partner's sentence is
 * written from the redacted inputs (see `render.ts`), so it cannot mention what redaction removed.
 */
type Inputs = Record<string, unknown>;

const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
const list = (value: unknown) => (Array.isArray(value) ? value.map(text).join(', ') : '');
const percent = (value: unknown) => (typeof value === 'number' ? `${Math.floor(value * 100)}%` : '');
const refs = (value: unknown) => (Array.isArray(value) ? value : []);

const BASIS_WORDS: Record<string, string> = {
  uei: 'UEI',
  duns: 'DUNS number',
  taxId: 'tax id',
  domain: 'web domain',
  name: 'a similar name',
  account: 'the vendor account both were matched to',
};
const basisWords = (basis: unknown) => BASIS_WORDS[text(basis)] ?? 'nothing';

/** "registration reg_1 (reseller r1, sequence 3, approved)" for staff; the partner's own or "another partner's registration". */
function who(ref: unknown, audience: Audience): string {
  if (!isRegistrationRef(ref)) return "another partner's registration";
  if (audience !== 'staff') return `your registration ${ref.registrationId}`;
  const full = ref as RegistrationRef;
  const seller = sellerOfParty(full.resellerId);
  const party = seller === undefined ? `reseller ${full.resellerId}` : `direct opportunity of seller ${seller}`;
  return `registration ${full.registrationId} (${party}, sequence ${full.sequence}, ${full.status})`;
}

const article = (word: string) => `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;

/** Routed by the vendor's account record, the account's programs; otherwise the one the registration named. */
function programsOf(inputs: Inputs): string {
  const programs = Array.isArray(inputs.programs) ? inputs.programs : [];
  if (programs.length > 0) return ` under program${programs.length === 1 ? '' : 's'} ${list(programs)}`;
  return inputs.program ? ` under program ${text(inputs.program)}` : '';
}

function whom(inputs: Inputs): string {
  const region = inputs.region ? ` in region ${text(inputs.region)}` : '';
  const byAccount = inputs.routedBy === 'account' ? ", as the vendor's account record has it" : '';
  return `${article(text(inputs.segment))} customer${region} from ${article(text(inputs.partnerType))} reseller${programsOf(inputs)}${byAccount}`;
}

function selectRoute(result: string, inputs: Inputs): string {
  if (result === 'not-applicable') return 'The open model has no routes: any distributor may take the registration.';
  if (result === 'match') {
    return `Route ${Number(inputs.matchedRoute) + 1} of ${text(inputs.routeCount)} is the first that covers ${whom(inputs)}.`;
  }
  return `None of the ${text(inputs.routeCount)} routes covers ${whom(inputs)}.`;
}

function unrouted(result: string, inputs: Inputs): string {
  if (result === 'open') return 'Under the hybrid model what no route reserves is open to every distributor.';
  return `No route covers ${whom(inputs)}, and the ${text(inputs.model)} model routes every registration: a channel manager decides.`;
}

const CONDITION_WORDS = { segments: 'segment', regions: 'region', partnerTypes: 'partner type', programs: 'program' };

/** "segment federal-dod, region east or west" */
function describeWhen(when: unknown): string {
  const condition = (typeof when === 'object' && when !== null ? when : {}) as Record<string, unknown>;
  return Object.entries(CONDITION_WORDS)
    .filter(([key]) => Array.isArray(condition[key]))
    .map(([key, word]) => `${word} ${(condition[key] as unknown[]).map(text).join(' or ')}`)
    .join(', ');
}

/** Staff read which account and distributor; a partner only that the customer is reserved (inputs redacted). */
function accountReserved(result: string, inputs: Inputs, audience: Audience): string {
  const then = result === 'reject' ? 'the policy rejects it' : 'the policy sends it to a channel manager';
  if (audience !== 'staff') {
    if (result === 'pass')
      return "The vendor reserves this customer's account for the distributor you registered through.";
    return `The vendor reserves this customer's account for another distributor: ${then}.`;
  }
  const account = `Account ${text(inputs.accountId)} is reserved for ${text(inputs.reservedFor)}`;
  if (result === 'pass') return `${account}, which takes the registration.`;
  return `${account}, not ${text(inputs.distributorId)}: ${then}.`;
}

/** Staff read whose account it is; a partner only that the vendor sells to this customer itself. */
function houseAccount(result: string, inputs: Inputs, audience: Audience): string {
  const then =
    result === 'reject'
      ? 'the policy keeps it from partners'
      : result === 'escalate'
        ? 'the policy sends a partner registration on it to a channel manager'
        : 'the policy lets partners register it, and the seller is told';
  if (audience !== 'staff') return `The vendor sells to this customer directly: ${then}.`;
  return `Account ${text(inputs.accountId)} is a house account of seller ${text(inputs.sellerId)}: ${then}.`;
}

function checkDistributor(result: string, inputs: Inputs): string {
  const placed = inputs.routedBy === 'account' ? ", where the vendor's account record places this customer," : '';
  const route = `Route ${Number(inputs.routeIndex) + 1} (${describeWhen(inputs.when)})${placed}`;
  const allowed = list(inputs.allowedDistributors);
  if (result === 'pass') return `${route} allows ${text(inputs.distributorId)} (${allowed}).`;
  const then = result === 'reject' ? 'the policy rejects it' : 'the policy sends it to a channel manager';
  return `${route} goes through ${allowed} only, not ${text(inputs.distributorId)}: ${then}.`;
}

/** Staff see the numbers; the reseller's inputs no longer carry them. */
function probableWhy(inputs: Inputs): string {
  if (inputs.basis !== 'name') {
    return inputs.conflict ? `the same web domain but a different ${text(inputs.conflict)}` : 'the same web domain';
  }
  if (typeof inputs.score !== 'number') return 'a similar name';
  const despite = inputs.conflict ? `, though with a different ${text(inputs.conflict)}` : '';
  return `a name ${percent(inputs.score)} similar; the policy asks ${percent(inputs.threshold)}${despite}`;
}

/** "storage" by line; "array-x (family Storage)" by family. */
function sharedWords(inputs: Inputs): string {
  const families = Array.isArray(inputs.sharedProductFamilies) ? inputs.sharedProductFamilies : [];
  const lines = list(inputs.sharedProductLines);
  if (families.length === 0) return lines;
  return `${lines} (product famil${families.length === 1 ? 'y' : 'ies'} ${list(families)})`;
}

function compareCustomer(result: string, inputs: Inputs, audience: Audience): string {
  const holder = who(inputs.holder, audience);
  const shared = sharedWords(inputs);
  if (result === 'certain')
    return `${holder} is the same customer by ${basisWords(inputs.basis)} and shares ${shared}.`;
  if (result === 'probable') {
    return `${holder} may be the same customer (${probableWhy(inputs)}) and shares ${shared}.`;
  }
  if (result === 'no-common-product') {
    const what = inputs.productScope === 'family' ? 'product family' : 'product line';
    return `${holder} is the same customer but shares no ${what}.`;
  }
  const why = inputs.conflict ? `a different ${text(inputs.conflict)}` : `names ${percent(inputs.score)} similar`;
  return `${holder} is a different customer (${why}).`;
}

/** " (same UEI; product line storage)" */
function how(match: unknown): string {
  if (typeof match !== 'object' || match === null) return '';
  const { basis, sharedProductLines } = match as Inputs;
  const lines = Array.isArray(sharedProductLines) ? sharedProductLines : [];
  return ` (same ${basisWords(basis)}; product line${lines.length === 1 ? '' : 's'} ${sharedWords(match as Inputs)})`;
}

function firstCome(result: string, inputs: Inputs, audience: Audience): string {
  if (result === 'approve')
    return 'No active registration holds the same customer and product line: first come, first served.';
  if (audience !== 'staff') return partnerFirstCome(result, inputs, audience);
  const named = inputs.named;
  if (result === 'reject' && isRegistrationRef(named) && named.sameReseller) {
    return `The same reseller already holds this deal with ${who(named, audience)}: a duplicate.`;
  }
  if (result === 'reject')
    return `${who(named, audience)} was accepted first and holds this deal${how(inputs.namedMatch)}.`;
  const probable = refs(inputs.probable);
  return `Probable match with ${probable.map((ref) => who(ref, audience)).join('; ')}: a channel manager decides.`;
}

/**
 * A partner's inputs say only whether the deal is the reseller's own and, when the reader may see
 * it, which registration holds it: nothing of how many others there are, how they matched or when.
 */
function partnerFirstCome(result: string, inputs: Inputs, audience: PartnerAudience): string {
  if (result !== 'reject')
    return 'An active registration may be the same deal; a channel manager decides whether it is.';
  if (inputs.duplicate !== true) return 'Another partner registered this deal first and holds it.';
  const held = isRegistrationRef(inputs.heldBy) ? `registration ${inputs.heldBy.registrationId}` : undefined;
  return audience === 'reseller'
    ? `You already hold this deal with ${held ?? 'another of your registrations'}: a duplicate.`
    : `The reseller already holds this deal with ${held ?? 'another of its registrations'}: a duplicate.`;
}

const capitalized = (sentence: string) => sentence.charAt(0).toUpperCase() + sentence.slice(1);

export function describeStep(rule: string, result: string, inputs: Inputs, audience: Audience): string {
  return capitalized(sentenceFor(rule, result, inputs, audience));
}

function sentenceFor(rule: string, result: string, inputs: Inputs, audience: Audience): string {
  switch (rule) {
    case 'routing.select-route':
      return selectRoute(result, inputs);
    case 'routing.unrouted':
      return unrouted(result, inputs);
    case 'routing.check-distributor':
      return checkDistributor(result, inputs);
    case 'routing.account-reserved':
      return accountReserved(result, inputs, audience);
    case 'house-account':
      return houseAccount(result, inputs, audience);
    case 'direct.not-routed':
      return `A direct opportunity of seller ${text(inputs.sellerId)}: not routed, no house-account rule; the deal check decides.`;
    case 'deal.compare-customer':
      return compareCustomer(result, inputs, audience);
    case 'deal.first-come':
      return firstCome(result, inputs, audience);
    default:
      return `${rule}: ${result}.`;
  }
}
