import type { ComponentChildren } from 'preact';
import type { EscalationContender } from '../api/types';
import { Link } from '../router';
import { formatDateTime, formatMoney, words } from '../ui/format';
import { StatusBadge } from '../ui/status';

interface Row {
  label: string;
  cell(contender: EscalationContender, reasonCode: string): ComponentChildren;
}

const identifiersOf = (contender: EscalationContender) => {
  const ids = contender.customer?.identifiers ?? {};
  const parts = Object.entries(ids).map(([kind, value]) => `${kind.toUpperCase()} ${value}`);
  return parts.length > 0 ? parts.join(', ') : '—';
};

const basisWords: Record<string, string> = {
  uei: 'UEI',
  duns: 'DUNS',
  taxId: 'tax id',
  domain: 'domain',
  name: 'similar name',
  account: 'the same vendor account',
};

/** Why the engine put this registration here, in words: "probable match on name (score 0.93) with reg_…". */
function matchOf(contender: EscalationContender, reasonCode: string): ComponentChildren {
  if (!contender.match) {
    if (contender.role === 'holder') return 'holds the deal';
    // Unrouted, off-route and extension escalations weigh one registration and no match.
    return `no match: escalated as ${words(reasonCode)}`;
  }
  const { strength, basis, score, withRegistrationId } = contender.match;
  return (
    <>
      <strong>{strength}</strong> match on {basisWords[basis] ?? basis} (score {score.toFixed(2)}) with{' '}
      <code>{withRegistrationId}</code>
    </>
  );
}

const rows: Row[] = [
  { label: 'Role', cell: (c) => (c.role === 'holder' ? 'Holder (already approved)' : 'Contender') },
  { label: 'Status', cell: (c) => <StatusBadge status={c.status} /> },
  { label: 'Customer', cell: (c) => c.customer?.name ?? '—' },
  { label: 'Domain', cell: (c) => c.customer?.domain ?? '—' },
  { label: 'Identifiers', cell: identifiersOf },
  { label: 'Segment / region', cell: (c) => `${words(c.customer?.segment)} / ${c.customer?.region ?? '—'}` },
  { label: 'Opportunity', cell: (c) => c.title ?? '—' },
  { label: 'Product lines', cell: (c) => c.productLines?.join(', ') ?? '—' },
  { label: 'Value', cell: (c) => formatMoney(c.estimatedValue) },
  { label: 'Program', cell: (c) => c.program ?? '—' },
  {
    label: 'Vendor account',
    cell: (c) =>
      c.accountId ? <Link to={`/records/accounts/${encodeURIComponent(c.accountId)}`}>{c.accountId}</Link> : '—',
  },
  {
    label: 'Partner',
    cell: (c) => (
      <>
        {c.direct ? `Direct (vendor seller ${c.sellerId})` : (c.resellerName ?? c.resellerId)}{' '}
        <span class="muted">({c.resellerId})</span>
      </>
    ),
  },
  { label: 'Distributor', cell: (c) => c.distributorId },
  { label: 'Sequence', cell: (c) => c.sequence },
  { label: 'Submitted', cell: (c) => formatDateTime(c.submittedAt) },
  { label: 'Why matched', cell: matchOf },
];

/** The registrations an escalation weighs, one column each, so that they compare at a glance. */
export function ContendersSideBySide({
  contenders,
  reasonCode,
}: {
  contenders: EscalationContender[];
  reasonCode: string;
}) {
  // First come first: the smallest sequence on the left, as the first-come rule would rank them.
  const ordered = [...contenders].sort((a, b) => a.sequence - b.sequence);
  return (
    <div class="table-scroll">
      <table class="data side-by-side">
        <caption class="visually-hidden">The registrations of this escalation, side by side</caption>
        <thead>
          <tr>
            <td />
            {ordered.map((contender) => (
              <th scope="col" key={contender.registrationId}>
                <Link to={`/registrations/${contender.registrationId}`}>{contender.registrationId}</Link>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              {ordered.map((contender) => (
                <td key={contender.registrationId}>{row.cell(contender, reasonCode)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
