import type { Registration } from '../api/types';
import { Link } from '../router';
import { formatPercent, words } from '../ui/format';

type Facts = NonNullable<Registration['account']>;
type Field = 'segment' | 'region' | 'program';

const programsOf = (facts: Facts) =>
  facts.programs.length === 0 ? '—' : facts.programs.map((program) => program.name ?? program.id).join(', ');

function ownerOf(facts: Facts): string {
  if (!facts.owner) return 'no owner: the policy’s routes apply';
  return facts.owner.kind === 'distributor'
    ? `reserved for distributor ${facts.owner.id}`
    : `house account of seller ${facts.owner.id}`;
}

/**
 * The vendor's account beside what the reseller declared: routing went by the account (as it was at
 * acceptance), the declaration is kept, and a field where the two part is marked in words, not colour alone.
 */
function AccountTable({ registration: r, facts }: { registration: Registration; facts: Facts }) {
  const differs = new Set<Field>(r.declaredOtherwise ?? []);
  const rows: Array<{ field: Field; label: string; account: string; declared: string }> = [
    { field: 'segment', label: 'Segment', account: words(facts.segment), declared: words(r.declared?.segment ?? '—') },
    { field: 'region', label: 'Region', account: facts.region ?? '—', declared: r.declared?.region ?? '—' },
    { field: 'program', label: 'Programs', account: programsOf(facts), declared: r.declared?.program ?? '—' },
  ];
  return (
    <table class="data compact">
      <caption>What routed this registration, and what the reseller declared</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Vendor’s account (routed by)</th>
          <th scope="col">Declared by the reseller</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.field} class={differs.has(row.field) ? 'differs' : undefined}>
            <th scope="row">{row.label}</th>
            <td>{row.account}</td>
            <td>
              {row.declared}
              {differs.has(row.field) ? <strong> (differs)</strong> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Candidates({ candidates }: { candidates: NonNullable<Registration['accountCandidates']> }) {
  return (
    <>
      <p>
        The customer may also be {candidates.length === 1 ? 'this account' : 'one of these accounts'} (not certain, so
        it routed nothing):
      </p>
      <ul>
        {candidates.map((candidate) => (
          <li key={candidate.accountId}>
            <Link to={`/records/accounts/${encodeURIComponent(candidate.accountId)}`}>{candidate.name}</Link> (
            {candidate.basis === 'name'
              ? `similar name, ${formatPercent(candidate.score)}`
              : `same ${words(candidate.basis)}, another identifier`}
            )
          </li>
        ))}
      </ul>
    </>
  );
}

/** Staff see the account a registration was matched to, and the accounts it may be. */
export function RegistrationAccount({ registration: r }: { registration: Registration }) {
  const facts = r.account;
  return (
    <>
      {facts && r.accountId ? (
        <>
          <p>
            Matched with certainty to the vendor’s account{' '}
            <Link to={`/records/accounts/${encodeURIComponent(r.accountId)}`}>{r.accountId}</Link>, whose record decided
            the route ({ownerOf(facts)}).
          </p>
          <AccountTable registration={r} facts={facts} />
        </>
      ) : (
        <p>No vendor account matched by identifier or domain: routed by what the reseller declared.</p>
      )}
      {r.accountCandidates?.length ? <Candidates candidates={r.accountCandidates} /> : null}
    </>
  );
}
