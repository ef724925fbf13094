import { useState } from 'preact/hooks';
import { currentDeadline, customerOf, getEscalation } from '../api/escalations';
import type { Escalation } from '../api/types';
import { Link } from '../router';
import { useSession } from '../session';
import { formatDateTime, formatTimeLeft, words } from '../ui/format';
import { Page } from '../ui/page';
import { ErrorState, Loading } from '../ui/states';
import { useApi } from '../ui/use-api';
import { useNow } from '../ui/use-now';
import { ContendersSideBySide } from './escalation-contenders';
import { ResolveForm } from './resolve-form';

const POLL_MS = 4000;

function Facts({ escalation }: { escalation: Escalation }) {
  const now = useNow();
  const due = currentDeadline(escalation);
  return (
    <dl class="facts">
      <dt>Status</dt>
      <dd>{escalation.status}</dd>
      <dt>Why</dt>
      <dd>
        {words(escalation.reasonCode)}
        {escalation.subject === 'extension' ? ' (an extension request)' : ''}
      </dd>
      {escalation.status === 'open' ? (
        <>
          <dt>Time left</dt>
          <dd class={new Date(due).getTime() < now ? 'overdue' : undefined}>
            {formatTimeLeft(due, now)} (until {formatDateTime(due)}
            {escalation.level >= 2 ? ', second review' : ''})
          </dd>
        </>
      ) : null}
      <dt>Opened</dt>
      <dd>{formatDateTime(escalation.createdAt)}</dd>
      <dt>Policy version</dt>
      <dd>{escalation.policyVersion}</dd>
      <dt>Escalation id</dt>
      <dd>
        <code>{escalation.id}</code>
      </dd>
    </dl>
  );
}

function Resolution({ escalation }: { escalation: Escalation }) {
  const resolution = escalation.resolution;
  if (!resolution) return null;
  return (
    <section class="card" aria-labelledby="resolution-title">
      <h2 id="resolution-title">Resolution</h2>
      <dl class="facts">
        <dt>Decision</dt>
        <dd>
          {words(resolution.kind)}
          {resolution.registrationId ? (
            <>
              {' '}
              for <Link to={`/registrations/${resolution.registrationId}`}>{resolution.registrationId}</Link>
            </>
          ) : null}
        </dd>
        <dt>Reason</dt>
        <dd>{resolution.reason}</dd>
        <dt>Decided by</dt>
        <dd>
          {words(resolution.by.kind)}
          {resolution.by.id ? ` (${resolution.by.id})` : ''}
        </dd>
        <dt>At</dt>
        <dd>{formatDateTime(resolution.at)}</dd>
      </dl>
    </section>
  );
}

/** One escalation: its facts, its registrations side by side, and (for a channel manager) the decision. */
export function EscalationPage({ id }: { id: string }) {
  const { csrf, can } = useSession();
  const [notice, setNotice] = useState<string | undefined>();
  const loaded = useApi((signal) => getEscalation(csrf, id, signal), [csrf, id], { pollMs: POLL_MS });
  const escalation = loaded.data;
  return (
    <Page title={escalation ? `Escalation: ${customerOf(escalation)}` : 'Escalation'}>
      <p>
        <Link to="/escalations">← Back to the queue</Link>
      </p>
      {notice ? (
        <p class="state state-success" role="status">
          {notice}
        </p>
      ) : null}
      {!escalation && loaded.error ? (
        <ErrorState error={loaded.error} what="this escalation" onRetry={loaded.reload} />
      ) : !escalation ? (
        <Loading what="the escalation" />
      ) : (
        <>
          <Facts escalation={escalation} />
          <section class="card" aria-labelledby="contenders-title">
            <h2 id="contenders-title">Registrations weighed ({escalation.contenders.length})</h2>
            <ContendersSideBySide contenders={escalation.contenders} reasonCode={escalation.reasonCode} />
          </section>
          <Resolution escalation={escalation} />
          {escalation.status === 'open' && can.resolveEscalations ? (
            <ResolveForm
              escalation={escalation}
              onResolved={() => {
                setNotice('The decision was recorded. Each registration’s own workflow now applies it.');
                loaded.reload();
              }}
            />
          ) : null}
        </>
      )}
    </Page>
  );
}
