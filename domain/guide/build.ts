import { MAX_LIVE_PER_CUSTOMER_KEY, type Policy } from '../policy/schema';
import { partnerTypes } from '../registration';
import { both, durationInWords, either, PARTNER_TYPE_WORDS, routeSubject, times } from './words';

/**
 * The rules of engagement as a small document tree, built from the policy itself so that the
 * guide partners read cannot drift from the rules the engine applies. Markdown and HTML are two
 * renderings of the same tree.
 */
export type GuideBlock = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] };
export interface GuideSection {
  heading: string;
  blocks: GuideBlock[];
}
export interface PolicyGuide {
  title: string;
  intro: string;
  sections: GuideSection[];
}

export interface GuidePolicyVersion {
  version: number;
  policy: Policy;
  createdAt: Date | string;
  /** When it takes force; versions stored before changes could be scheduled took force at `createdAt`. */
  effectiveFrom?: Date | string;
}
export interface GuidePartners {
  distributors: { id: string; name: string }[];
}

const paragraph = (text: string): GuideBlock => ({ kind: 'paragraph', text });
const list = (items: string[]): GuideBlock => ({ kind: 'list', items });

const MODEL_PARAGRAPHS: Record<Policy['model'], string> = {
  segment:
    "Registrations are routed by the customer's segment and region. The rules below are checked in order, and the first one that fits decides which distributors you may register through.",
  'partner-type':
    'Registrations are routed by your partner type (integrator, VAR or boutique). The rules below are checked in order, and the first one that fits decides which distributors you may register through.',
  open: 'The program is open: you may register any deal through any distributor you work with. The first registration accepted for a deal gets it.',
  hybrid:
    'Some customers and programs are reserved to particular distributors (listed below, checked in order, the first that fits applies). A registration that fits a reserved rule must go through one of its distributors; everything else is open, and you may register it through any distributor you work with.',
};

function routingSection(
  policy: Policy,
  distributorIds: string[],
  distributorName: (id: string) => string,
): GuideSection {
  const blocks: GuideBlock[] = [paragraph(MODEL_PARAGRAPHS[policy.model])];
  if (policy.routes.length > 0) {
    blocks.push(
      list(
        policy.routes.map(
          (route) =>
            `${routeSubject(route.when)}: register through ${either(route.distributors.map(distributorName))} only.`,
        ),
      ),
    );
    blocks.push(
      paragraph(
        policy.onWrongRoute === 'reject'
          ? 'A registration submitted through a distributor its rule does not name is rejected (reason: wrong-route).'
          : 'A registration submitted through a distributor its rule does not name is sent to a channel manager, who decides (reason: wrong-route).',
      ),
    );
  }
  if (policy.model === 'segment' || policy.model === 'partner-type') {
    blocks.push(
      paragraph('A registration that no rule covers is sent to a channel manager, who decides (reason: unrouted).'),
    );
  }
  blocks.push(accountsParagraph(policy), houseAccountsParagraph(policy));
  if (distributorIds.length > 0) {
    blocks.push(paragraph(`Distributors in the program: ${both(distributorIds.map(distributorName))}.`));
  }
  return { heading: 'Who you register through', blocks };
}

/**
 * The vendor's record of a customer outranks what a registration declares: said in every model, because
 * an account reserved for a distributor is reserved in each of them.
 */
function accountsParagraph(policy: Policy): GuideBlock {
  const routed =
    policy.model === 'open'
      ? ''
      : ' When your customer is one of those accounts, the rules above are applied to the segment, region and programs in the vendor’s record (including the programs that list the account as a member), not to what the registration declares; what you declared is kept and shown to the channel managers.';
  return paragraph(
    `The vendor keeps a record of its customer accounts. A registration is matched to an account when it gives the account’s UEI, DUNS number or tax id, or a website on one of its domains; a similar name alone is not enough.${routed} An account the vendor reserves for one distributor must be registered through that distributor (otherwise reason: wrong-route).`,
  );
}

const HOUSE_ACCOUNT_RULES: Record<Policy['houseAccounts'], string> = {
  reject: 'A registration on a house account is rejected (reason: house-account).',
  escalate: 'A registration on a house account is sent to a channel manager, who decides (reason: house-account).',
  'allow-and-notify':
    'You may register a house account like any other customer; the vendor’s seller who owns the account is told that you did.',
};

/**
 * The vendor's own sellers own some accounts (house accounts) and may register deals themselves: a
 * direct opportunity holds a deal like a partner's registration (first come, first served).
 */
function houseAccountsParagraph(policy: Policy): GuideBlock {
  return paragraph(
    `Some accounts are house accounts: the vendor’s own sales team owns them. ${HOUSE_ACCOUNT_RULES[policy.houseAccounts]} The vendor’s sellers may also register deals themselves; such a registration holds its deal like a partner’s (first come, first served), and a registration turned away by it is told only that the deal is already registered (reason: already-registered).`,
  );
}

function conflictSection(policy: Policy): GuideSection {
  const similarity = Math.round(policy.matching.nameSimilarity * 100);
  return {
    heading: 'How conflicts are settled',
    blocks: [
      list([
        'First come, first served: when registrations compete for the same deal, the one accepted first wins, whatever order they are processed in.',
        'Same customer: the same UEI, DUNS number or tax id, or the same website domain (www.acme.com and sales.acme.com both count as acme.com). Customers that give different values for the same identifier are different customers, unless they share a website domain: then a channel manager decides.',
        `Similar names: customer names that are at least ${similarity}% alike (ignoring case, accents, punctuation, "&" versus "and", a leading "The" and legal forms such as Inc, LLC or GmbH) may be the same customer. Such a possible duplicate goes to a channel manager instead of being rejected (reason: possible-duplicate).`,
        'Registrations matched to the same account of the vendor are the same customer, whatever name, identifier or domain each gave.',
        policy.matching.productScope === 'family'
          ? 'Same deal: the same customer and at least one product family in common (two products of the vendor’s catalogue in one family count as the same).'
          : 'Same deal: the same customer and at least one product line in common.',
        'If another partner already holds the deal, your registration is rejected (reason: already-registered); the other partner is not named. If you already hold it yourself, the new one is rejected as a duplicate (reason: duplicate).',
        'A registration stops holding its deal when it is won, lost, withdrawn or expires; the deal is then open again.',
        `You may hold at most ${MAX_LIVE_PER_CUSTOMER_KEY} live registrations (pending, approved or escalated) under one customer identifier, website domain, customer name or distinctive word of a name; a submission past that is refused at once and not stored (answer 422, problem type limit-reached, limit livePerCustomerKey).`,
      ]),
    ],
  };
}

function timingSection(policy: Policy): GuideSection {
  const { timing } = policy;
  const { extension } = timing;
  const extensionText =
    extension.max === 0
      ? 'Protection cannot be extended.'
      : `You may extend protection by ${durationInWords(extension.period)}, at most ${times(extension.max)} per registration. ${
          extension.needsApproval
            ? 'Each extension needs a channel manager’s approval (reason: extension-request).'
            : 'Extensions are granted at once.'
        }`;
  const breach =
    timing.onSecondSlaBreach === 'first-come'
      ? 'the registration accepted first wins'
      : 'every registration in the escalation is rejected';
  return {
    heading: 'Protection, extensions and reviews',
    blocks: [
      list([
        `An approved registration is protected for ${durationInWords(timing.protection)}.`,
        `You are reminded ${durationInWords(timing.expiryReminder)} before protection ends.`,
        extensionText,
        `A channel manager has ${durationInWords(timing.reviewSla)} to decide an escalation. If that passes, the escalation is raised again with ${durationInWords(timing.secondReviewSla)} more. If the second deadline passes too, ${breach}.`,
      ]),
    ],
  };
}

const disputeOutcomeWords = {
  upheld: 'the decision stands',
  overturned: 'the deal moves to the partner who disputed it',
  distinct: 'the disputed registration is approved as a separate deal',
} as const;

/** How a partner disputes a decision, in plain words: who may, until when, who answers, what the deadlines do. */
function disputesSection(policy: Policy): GuideSection {
  const { disputes } = policy;
  const perMonth = disputes.perResellerPerMonth;
  return {
    heading: 'Disputing a decision',
    blocks: [
      list([
        `If your registration was rejected (already-registered, wrong-route or house-account), resolved against you, transferred or revoked, you may dispute that decision within ${durationInWords(disputes.window)} of it: give a ground, a statement and, if you like, links or notes as evidence. One dispute per registration may be open at a time.`,
        ...(perMonth !== undefined
          ? [
              `Each reseller may open at most ${perMonth} dispute${perMonth === 1 ? '' : 's'} per month (UTC); past that a dispute is refused (answer 422, problem type limit-reached).`,
            ]
          : []),
        `The partner that holds the deal is told its registration is disputed, never by whom, and may answer once within ${durationInWords(disputes.responseWindow)}.`,
        `A channel manager decides: upheld (the decision stands), overturned (the deal moves to you) or distinct (your registration is approved as a separate deal). Both partners are told the outcome and the reason; neither learns the other's name.`,
        `A channel manager has ${durationInWords(disputes.reviewSla)} to decide; then the dispute is raised again with ${durationInWords(disputes.secondReviewSla)} more. If that passes too, ${disputeOutcomeWords[disputes.onDeadline]}.`,
      ]),
    ],
  };
}

const optional = <T>(value: T | undefined): T[] => (value === undefined ? [] : [value]);
const registrations = (count: number) => `${count} registration${count === 1 ? '' : 's'}`;

/** The limits in plain words; no section when the policy sets none. */
function limitsSection(policy: Policy): GuideSection | undefined {
  const { limits } = policy;
  const items: string[] = [];
  const active = limits?.activePerReseller;
  const typed = partnerTypes.filter((type) => active?.[type] !== undefined);
  if (active && typed.length > 0) {
    const perType = typed.map((type) => `${PARTNER_TYPE_WORDS[type]} ${registrations(active[type]!)}`);
    items.push(
      `Each reseller may hold at most this many registrations at once (pending, approved or escalated): ${both(perType)}. A registration stops counting when it is rejected, won, lost, withdrawn or expires.`,
    );
  }
  if (limits?.submissionsPerResellerPerDay !== undefined) {
    items.push(
      `Each reseller may submit at most ${registrations(limits.submissionsPerResellerPerDay)} per day (UTC), whatever becomes of them.`,
    );
  }
  if (items.length === 0) return undefined;
  items.push(
    'A submission over a limit is refused at once and not stored (answer 422, problem type limit-reached, naming the limit); submit it again when you are under the limit.',
  );
  return { heading: 'Limits', blocks: [list(items)] };
}

const asDate = (value: Date | string) => (typeof value === 'string' ? new Date(value) : value);

/** A date as YYYY-MM-DD (UTC), whichever form the stored version gives it in. */
function isoDay(value: Date | string): string {
  const date = asDate(value);
  return Number.isNaN(date.getTime()) ? String(value) : date.toISOString().slice(0, 10);
}

/** An instant as "YYYY-MM-DD at HH:MM UTC": a scheduled change may take force within the day. */
function isoMinute(value: Date | string): string {
  const date = asDate(value);
  if (Number.isNaN(date.getTime())) return String(value);
  const iso = date.toISOString();
  return `${iso.slice(0, 10)} at ${iso.slice(11, 16)} UTC`;
}

const takesForceAt = (version: GuidePolicyVersion) => version.effectiveFrom ?? version.createdAt;

function rulesOf(policy: Policy, partners: GuidePartners): GuideSection[] {
  const names = new Map(partners.distributors.map((distributor) => [distributor.id, distributor.name]));
  const distributorName = (id: string) => {
    const name = names.get(id);
    return name === undefined || name === id ? id : `${name} (${id})`;
  };
  return [
    routingSection(
      policy,
      partners.distributors.map((distributor) => distributor.id),
      distributorName,
    ),
    conflictSection(policy),
    timingSection(policy),
    ...optional(limitsSection(policy)),
    disputesSection(policy),
  ];
}

/** The announcement of a scheduled change, and its rules, each heading dated so no one mistakes them for today's. */
function upcomingSections(
  inForce: GuidePolicyVersion,
  upcoming: GuidePolicyVersion,
  partners: GuidePartners,
): { notice: GuideSection; rules: GuideSection[] } {
  const when = isoMinute(takesForceAt(upcoming));
  return {
    notice: {
      heading: 'Upcoming change',
      blocks: [
        paragraph(
          `Policy version ${upcoming.version} takes force on ${when}. Registrations submitted from then on are decided under it; those submitted before stay under version ${inForce.version}. Its rules are set out after the current ones, below.`,
        ),
      ],
    },
    rules: rulesOf(upcoming.policy, partners).map((section) => ({
      ...section,
      heading: `From ${when} (version ${upcoming.version}): ${section.heading}`,
    })),
  };
}

export function buildPolicyGuide(
  policyVersion: GuidePolicyVersion,
  partners: GuidePartners,
  upcoming?: GuidePolicyVersion,
): PolicyGuide {
  const next = upcoming ? upcomingSections(policyVersion, upcoming, partners) : undefined;
  return {
    title: 'Rules of engagement',
    intro: `Policy version ${policyVersion.version}, in force since ${isoDay(takesForceAt(policyVersion))}. It applies to registrations submitted from then on.`,
    sections: [...(next ? [next.notice] : []), ...rulesOf(policyVersion.policy, partners), ...(next ? next.rules : [])],
  };
}
