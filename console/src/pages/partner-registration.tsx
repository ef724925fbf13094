import { getRegistration } from '../api/registrations';
import type { Registration } from '../api/types';
import { Link } from '../router';
import { useSession } from '../session';
import { formatDateTime, formatMoney, words } from '../ui/format';
import { Page, Section } from '../ui/page';
import { ErrorState, Loading } from '../ui/states';
import { StatusBadge } from '../ui/status';
import { useApi } from '../ui/use-api';
import { useNow } from '../ui/use-now';
import { PartnerDisputes } from './partner-disputes';
import { nextStep, protectionLeft, reasonInWords } from './partner-words';
import { RegistrationActions } from './registration-actions';
import { Decisions } from './registration-decisions';

/** Decisions, deadlines and expiry change it while it is open: refreshed as the staff page is (paused while hidden). */
const POLL_MS = 5000;

export function PartnerSummary({ registration: r }: { registration: Registration }) {
  const { can } = useSession();
  const now = useNow(60_000);
  const left = protectionLeft(r, now);
  return (
    <dl class="facts two-columns">
      <dt>Status</dt>
      <dd>
        <StatusBadge status={r.status} />
        {r.reasonCode ? ` ${reasonInWords(r.reasonCode)}` : ''}
      </dd>
      {r.explanation ? (
        <>
          <dt>Why</dt>
          <dd>{r.explanation}</dd>
        </>
      ) : null}
      <dt>What next</dt>
      <dd>{nextStep(r)}</dd>
      <dt>Customer</dt>
      <dd>
        {r.customer.name}
        {r.customer.domain ? ` (${r.customer.domain})` : ''} · {words(r.customer.segment)}
        {r.customer.region ? ` · ${r.customer.region}` : ''}
      </dd>
      <dt>Opportunity</dt>
      <dd>
        {r.opportunity.title} · {r.opportunity.productLines.join(', ')} · {formatMoney(r.opportunity.estimatedValue)}
        {r.opportunity.expectedCloseDate ? ` · closes ${r.opportunity.expectedCloseDate}` : ''}
        {r.opportunity.stage ? ` · ${r.opportunity.stage}` : ''}
      </dd>
      <dt>Program</dt>
      <dd>{r.program ?? '—'}</dd>
      {r.direct ? (
        <>
          <dt>Channel</dt>
          <dd>Direct opportunity of seller {r.sellerId}, through no partner</dd>
        </>
      ) : (
        <>
          <dt>{can.viewOwnResellers ? 'Reseller' : 'Distributor'}</dt>
          <dd>{can.viewOwnResellers ? r.resellerId : r.distributorId}</dd>
        </>
      )}
      {r.enteredBy?.onBehalfOf ? (
        <>
          <dt>Entered</dt>
          <dd>
            {can.viewOwnResellers
              ? 'By you, on the reseller’s behalf'
              : `By distributor ${r.enteredBy.onBehalfOf.distributorId}, on your behalf`}
          </dd>
        </>
      ) : null}
      <dt>Submitted</dt>
      <dd>{formatDateTime(r.submittedAt)}</dd>
      <dt>Decided</dt>
      <dd>{formatDateTime(r.decidedAt)}</dd>
      <dt>Protected until</dt>
      <dd>
        {formatDateTime(r.protectedUntil)}
        {left ? ` (${left})` : ''} · {r.extensionsUsed} extension{r.extensionsUsed === 1 ? '' : 's'} used
      </dd>
    </dl>
  );
}

/** A partner's registration: where it stands, what to do next, the actions it allows and its decisions. */
export function PartnerRegistrationPage({ id }: { id: string }) {
  const { csrf, can } = useSession();
  const loaded = useApi((signal) => getRegistration(csrf, id, signal), [csrf, id], { pollMs: POLL_MS });
  const registration = loaded.data;
  return (
    <Page title={registration ? `Registration: ${registration.customer.name}` : 'Registration'}>
      <p>
        <Link to="/registrations">← Back to the registrations</Link>
      </p>
      {!registration && loaded.error ? (
        <ErrorState error={loaded.error} what="this registration" onRetry={loaded.reload} />
      ) : !registration ? (
        <Loading what="the registration" />
      ) : (
        <>
          <Section title="Where it stands" id="summary-title">
            <PartnerSummary registration={registration} />
          </Section>
          {can.actOnRegistrations || (can.registerDirect && registration.direct) ? (
            <Section title="What you can do" id="actions-title">
              <RegistrationActions registration={registration} onDone={loaded.reload} />
            </Section>
          ) : null}
          <PartnerDisputes registration={registration} onDone={loaded.reload} />
          <Section title={`Decisions (${registration.decisions.length})`} id="decisions-title">
            <Decisions decisions={registration.decisions} linkPolicy={false} />
          </Section>
        </>
      )}
    </Page>
  );
}
