import type { Registration } from '../api/types';
import { formatSpan } from '../ui/format';

/**
 * What a partner reads about its registration: the reason in plain words and what it can do next.
 * Pure, so the wording is tested without a browser; it names nothing the API did not send.
 */
const reasons: Record<string, string> = {
  'already-registered': 'Another partner already holds this deal',
  duplicate: 'Your organisation already holds a registration on this deal',
  'wrong-route': 'The rules of engagement send this customer through another distributor',
  'possible-duplicate': 'It may be the same deal as another registration',
  unrouted: 'No rule of engagement covers this registration',
  'resolved-against': 'A channel manager decided for another registration',
  'extension-request': 'An extension is waiting for a channel manager',
  'house-account': 'The customer is one the vendor sells to directly',
};

export const reasonInWords = (reasonCode: string | undefined): string | undefined =>
  reasonCode ? (reasons[reasonCode] ?? reasonCode.replaceAll('-', ' ')) : undefined;

export function nextStep(registration: Pick<Registration, 'status' | 'reasonCode'>): string {
  const { status, reasonCode } = registration;
  switch (status) {
    case 'pending':
      return 'The decision is under way; this page shows it as soon as it is made.';
    case 'approved':
      return 'The deal is yours while protected: close it won or lost when the customer decides, or ask for an extension if it needs more time.';
    case 'escalated':
      return reasonCode === 'extension-request'
        ? 'A channel manager decides the extension; the protection stays meanwhile. You are told by email.'
        : 'A channel manager reviews it before its deadline. Nothing to do; you are told the outcome by email.';
    case 'rejected':
      switch (reasonCode) {
        case 'already-registered':
          return 'You cannot work this deal under the program while it is held. If it becomes free, register it again.';
        case 'duplicate':
          return 'Follow your earlier registration of this deal instead.';
        case 'wrong-route':
          return 'Register again through the distributor the rules of engagement name for this customer.';
        case 'resolved-against':
          return 'The review is closed. Ask your channel manager if you think the decision is wrong.';
        default:
          return 'Read the rules of engagement, or ask your channel manager.';
      }
    case 'won':
      return 'Closed won. Nothing more to do.';
    case 'lost':
      return 'Closed lost. Nothing more to do.';
    case 'expired':
      return 'The protection ran out. If the deal is still open, register it again.';
    case 'withdrawn':
      return 'Withdrawn: the deal is free for others.';
    case 'transferred':
      return 'A channel manager moved this deal to another partner, with the reason above. Ask your channel manager if you think it is wrong.';
    case 'revoked':
      return 'A channel manager revoked this registration, with the reason above. Ask your channel manager if you think it is wrong.';
    default:
      return '';
  }
}

/** "12 d 3 h left" while an approved registration is protected; nothing otherwise. */
export function protectionLeft(
  registration: Pick<Registration, 'status' | 'protectedUntil'>,
  now: number,
): string | undefined {
  if (registration.status !== 'approved' || !registration.protectedUntil) return undefined;
  const ms = new Date(registration.protectedUntil).getTime() - now;
  return ms > 0 ? `${formatSpan(ms)} left` : 'ending now';
}

/** The commands the contract allows the owning reseller in each status. */
export function allowedActions(
  status: Registration['status'],
  reasonCode?: Registration['reasonCode'],
): Array<'withdraw' | 'extension' | 'close' | 'watch' | 'change'> {
  if (status === 'approved') return ['extension', 'close', 'change', 'withdraw'];
  if (status === 'pending' || status === 'escalated') return ['change', 'withdraw'];
  // Turned away from a deal someone holds: it may ask to be told when the deal frees up.
  if (status === 'rejected' && reasonCode === 'already-registered') return ['watch'];
  return [];
}
