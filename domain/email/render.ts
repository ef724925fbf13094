import { DateTime } from 'luxon';
import { isTimeZone } from './digest-time';

/**
 * The words of every mail dealreg sends, pure. A notification's mail is built from the payload its
 * partner's webhook receives and from nothing else, so a mail can never say more than the webhook
 * (test/unit/api/partner-facing.property.test.ts checks it for every event type and audience).
 */

/** One event as a person is told of it: the notification's type, its audience and its webhook payload. */
export interface MailEvent {
  type: string;
  /** `reseller:<id>`, `distributor:<id>` or `vendor:channel-managers`: whose payload this is. */
  audience: string;
  payload: Record<string, unknown>;
  at: Date | string;
}

export type MailContent =
  | { kind: 'notification'; event: MailEvent }
  | { kind: 'digest'; events: MailEvent[] }
  | { kind: 'invitation' | 'password-reset'; token: string; expiresAt: Date | string };

export interface Recipient {
  name: string;
  role: string;
  timeZone: string;
}

export interface MailLinks {
  /** The console's base URL, such as `https://dealreg.example.com/console`. */
  consoleUrl: string;
  /** Turns off the kind of mail this is (absent for invitations and resets, which are not optional). */
  unsubscribeUrl?: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

interface Described {
  title: string;
  lines: string[];
  link?: { label: string; url: string };
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length > 0 ? value : typeof value === 'number' ? String(value) : undefined;

export function formatInstant(value: unknown, timeZone: string): string | undefined {
  const iso = value instanceof Date ? value.toISOString() : text(value);
  if (!iso) return undefined;
  const zone = isTimeZone(timeZone) ? timeZone : 'UTC';
  const at = DateTime.fromISO(iso, { zone });
  return at.isValid ? `${at.toFormat('yyyy-MM-dd HH:mm')} (${zone})` : iso;
}

const statusWords: Record<string, string> = {
  'registration.approved': 'approved',
  'registration.rejected': 'rejected',
  'registration.escalated': 'sent to a channel manager for review',
  'registration.resolved': 'decided after review',
  'registration.extended': 'extended',
  'registration.closed': 'closed',
  'registration.withdrawn': 'withdrawn',
  'registration.expiring': 'about to expire',
  'registration.expired': 'expired',
  'registration.transferred': 'moved to another partner by a channel manager',
  'registration.revoked': 'revoked by a channel manager',
};

/** A short name for a kind of mail, as the unsubscribe line names it. */
export function eventLabel(type: string): string {
  if (type in statusWords) return `registrations ${statusWords[type]}`;
  const labels: Record<string, string> = {
    'escalation.reminder': 'escalation review reminders',
    'escalation.opened': 'escalations opened',
    'escalation.deadline-missed': 'escalation deadlines missed',
    'policy.scheduled': 'policy changes scheduled',
    'policy.effective': 'policy changes taking force',
    'policy.cancelled': 'policy changes cancelled',
    'deal.available': 'deals you watch becoming available',
    'account.registered-on': 'partner registrations on your accounts',
    'dispute.opened': 'disputes opened',
    'dispute.decided': 'disputes decided',
    'dispute.deadline-missed': 'dispute deadlines missed',
  };
  return labels[type] ?? type;
}

/**
 * A dispute's mail: to a partner about its own registration (the explanation carries the outcome and the
 * reason, never the other partner), or to the channel managers about the dispute.
 */
function describeDispute(type: string, p: Record<string, unknown>, disputeId: string, consoleUrl: string): Described {
  const registrationId = text(p.registrationId);
  const titles: Record<string, string> = {
    'dispute.opened': registrationId
      ? `Registration ${registrationId} is disputed`
      : `Dispute ${disputeId} needs a decision`,
    'dispute.decided': `Dispute ${disputeId} was decided${text(p.outcome) ? `: ${text(p.outcome)}` : ''}`,
    'dispute.deadline-missed': `Dispute ${disputeId}: a review deadline was missed`,
  };
  const link = registrationId
    ? { label: 'Open the registration', url: `${consoleUrl}/registrations/${encodeURIComponent(registrationId)}` }
    : { label: 'Open the dispute', url: `${consoleUrl}/disputes/${encodeURIComponent(disputeId)}` };
  return {
    title: titles[type] ?? `Dispute ${disputeId}`,
    lines: [
      ...(text(p.explanation) ? [`${text(p.explanation)}`] : []),
      ...(typeof p.level === 'number' ? [`Level: ${p.level}`] : []),
    ],
    link,
  };
}

function describe(event: MailEvent, recipient: Recipient, consoleUrl: string): Described {
  const p = event.payload;
  const when = (value: unknown) => formatInstant(value, recipient.timeZone);
  const registrationId = text(p.registrationId);
  if (event.type.startsWith('registration.') && registrationId) {
    return {
      title: `Registration ${registrationId} ${statusWords[event.type] ?? text(p.status) ?? 'changed'}`,
      lines: [
        `Status: ${text(p.status) ?? 'unknown'}`,
        ...(text(p.reasonCode) ? [`Reason: ${text(p.reasonCode)}`] : []),
        ...(text(p.explanation) ? [`${text(p.explanation)}`] : []),
        ...(when(p.protectedUntil) ? [`Protected until: ${when(p.protectedUntil)}`] : []),
        ...(typeof p.extensionsUsed === 'number' && p.extensionsUsed > 0
          ? [`Extensions used: ${p.extensionsUsed}`]
          : []),
      ],
      link: {
        label: 'Open the registration',
        url: `${consoleUrl}/registrations/${encodeURIComponent(registrationId)}`,
      },
    };
  }
  if (event.type === 'deal.available' && registrationId) {
    return {
      title: `The deal of registration ${registrationId} is available`,
      lines: [
        `The deal your registration ${registrationId} was turned away from is no longer held${when(p.availableSince) ? ` (since ${when(p.availableSince)})` : ''}.`,
        'You may register it again: first come, first served.',
      ],
      link: {
        label: 'Open the registration',
        url: `${consoleUrl}/registrations/${encodeURIComponent(registrationId)}`,
      },
    };
  }
  if (event.type === 'account.registered-on' && registrationId) {
    // To the vendor's own seller: partners are named (vendor staff), never to a partner.
    return {
      title:
        `A partner registered ${text(p.customerName) ?? 'a customer'} on your account ${text(p.accountId) ?? ''}`.trim(),
      lines: [
        `Registration ${registrationId}${text(p.title) ? `: ${text(p.title)}` : ''}`,
        `Partner: reseller ${text(p.resellerId) ?? '?'} through distributor ${text(p.distributorId) ?? '?'}`,
        `Status: ${text(p.status) ?? 'unknown'}${text(p.reasonCode) ? ` (${text(p.reasonCode)})` : ''}`,
        ...(text(p.explanation) ? [`${text(p.explanation)}`] : []),
      ],
      link: {
        label: 'Open the registration',
        url: `${consoleUrl}/registrations/${encodeURIComponent(registrationId)}`,
      },
    };
  }
  const escalationId = text(p.escalationId);
  if (event.type.startsWith('escalation.') && escalationId) {
    const titles: Record<string, string> = {
      'escalation.opened': `Escalation ${escalationId} needs a decision`,
      'escalation.reminder': `Escalation ${escalationId}: the first review deadline has passed`,
      'escalation.deadline-missed': `Escalation ${escalationId}: a review deadline was missed`,
    };
    return {
      title: titles[event.type] ?? `Escalation ${escalationId}`,
      lines: [
        ...(text(p.reasonCode) ? [`Reason: ${text(p.reasonCode)}`] : []),
        ...(when(p.reviewDueAt) ? [`Review due: ${when(p.reviewDueAt)}`] : []),
        ...(when(p.secondReviewDueAt) ? [`Final deadline: ${when(p.secondReviewDueAt)}`] : []),
        ...(typeof p.level === 'number' ? [`Level: ${p.level}`] : []),
      ],
      link: { label: 'Open the escalation', url: `${consoleUrl}/escalations/${encodeURIComponent(escalationId)}` },
    };
  }
  const disputeId = text(p.disputeId);
  if (event.type.startsWith('dispute.') && disputeId) return describeDispute(event.type, p, disputeId, consoleUrl);
  if (event.type.startsWith('policy.')) {
    const version = text(p.version) ?? '?';
    const titles: Record<string, string> = {
      'policy.scheduled': `Policy version ${version} is scheduled`,
      'policy.effective': `Policy version ${version} is now in force`,
      'policy.cancelled': `Policy version ${version} was cancelled`,
    };
    const guide = text(p.guideUrl);
    return {
      title: titles[event.type] ?? `Policy version ${version}`,
      lines: when(p.effectiveFrom) ? [`In force from: ${when(p.effectiveFrom)}`] : [],
      ...(guide?.startsWith('http') ? { link: { label: 'Read the rules of engagement', url: guide } } : {}),
    };
  }
  return { title: `dealreg: ${event.type}`, lines: [] };
}

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  );

function textBlock(block: Described): string {
  return [block.title, '', ...block.lines, ...(block.link ? ['', `${block.link.label}: ${block.link.url}`] : [])].join(
    '\n',
  );
}

function htmlBlock(block: Described, heading: 'h1' | 'h2'): string {
  const lines = block.lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('');
  const link = block.link ? `<p><a href="${escapeHtml(block.link.url)}">${escapeHtml(block.link.label)}</a></p>` : '';
  return `<${heading}>${escapeHtml(block.title)}</${heading}>${lines}${link}`;
}

function page(title: string, body: string, footer: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body style="font-family: sans-serif; line-height: 1.4">${body}<hr><p style="color:#555;font-size:small">${footer}</p></body></html>`;
}

function footerOf(reason: string, links: MailLinks): { text: string; html: string } {
  const off = links.unsubscribeUrl;
  return {
    text: [`--`, reason, ...(off ? [`Stop these emails: ${off}`] : [])].join('\n'),
    html: `${escapeHtml(reason)}${off ? ` <a href="${escapeHtml(off)}">Stop these emails</a>.` : ''}`,
  };
}

/** The mail for one kind of content, to one person. */
export function renderMail(content: MailContent, recipient: Recipient, links: MailLinks): RenderedMail {
  const greeting = `Hello ${recipient.name},`;
  if (content.kind === 'digest') return renderDigest(content.events, recipient, links, greeting);
  if (content.kind !== 'notification') {
    const invitation = content.kind === 'invitation';
    const url = `${links.consoleUrl}/${invitation ? 'invitation' : 'reset-password'}/${encodeURIComponent(content.token)}`;
    const until = formatInstant(content.expiresAt, recipient.timeZone);
    const block: Described = invitation
      ? {
          title: 'You are invited to dealreg',
          lines: [
            `You have been given a dealreg account (${recipient.role}). Choose your password to start.`,
            `The link works once, until ${until}.`,
          ],
          link: { label: 'Choose your password', url },
        }
      : {
          title: 'Reset your dealreg password',
          lines: [
            'Someone (we hope you) asked to reset your password. If it was not you, ignore this mail.',
            `The link works once, until ${until}.`,
          ],
          link: { label: 'Choose a new password', url },
        };
    return single(block, greeting, footerOf('You receive this because of your dealreg account.', links));
  }
  const reason = `You receive this because you get emails about ${eventLabel(content.event.type)}.`;
  return single(describe(content.event, recipient, links.consoleUrl), greeting, footerOf(reason, links));
}

function single(block: Described, greeting: string, footer: { text: string; html: string }): RenderedMail {
  return {
    subject: block.title,
    text: `${greeting}\n\n${textBlock(block)}\n\n${footer.text}\n`,
    html: page(block.title, `<p>${escapeHtml(greeting)}</p>${htmlBlock(block, 'h1')}`, footer.html),
  };
}

function renderDigest(events: MailEvent[], recipient: Recipient, links: MailLinks, greeting: string): RenderedMail {
  const blocks = events.map((event) => describe(event, recipient, links.consoleUrl));
  const subject = `dealreg daily digest: ${blocks.length} update${blocks.length === 1 ? '' : 's'}`;
  const footer = footerOf('You receive this daily digest because you chose it for some kinds of email.', links);
  return {
    subject,
    text: `${greeting}\n\n${blocks.map(textBlock).join('\n\n')}\n\n${footer.text}\n`,
    html: page(
      subject,
      `<p>${escapeHtml(greeting)}</p><h1>${escapeHtml(subject)}</h1>${blocks.map((block) => htmlBlock(block, 'h2')).join('')}`,
      footer.html,
    ),
  };
}
