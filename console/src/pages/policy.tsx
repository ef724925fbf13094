import { useEffect } from 'preact/hooks';
import { currentPolicy, policyVersions } from '../api/policy';
import { actorName, type PolicyVersion } from '../api/types';
import { Link } from '../router';
import { useSession } from '../session';
import { formatDateTime } from '../ui/format';
import { Page, Section } from '../ui/page';
import { EmptyState, ErrorState, Loading } from '../ui/states';
import { useApi } from '../ui/use-api';
import { UpcomingChange } from './policy-schedule';

const modelOf = (version: PolicyVersion) => String(version.policy.model ?? '—');
const routeCount = (version: PolicyVersion) =>
  Array.isArray(version.policy.routes) ? version.policy.routes.length : 0;

function Current({ version }: { version: PolicyVersion }) {
  return (
    <>
      <dl class="facts">
        <dt>Version</dt>
        <dd>{version.version}</dd>
        <dt>Model</dt>
        <dd>{modelOf(version)}</dd>
        <dt>Routes</dt>
        <dd>{routeCount(version)}</dd>
        <dt>Published</dt>
        <dd>
          {formatDateTime(version.createdAt)} by {actorName(version.actor, version.createdBy)}
        </dd>
        <dt>In force since</dt>
        <dd>{formatDateTime(version.effectiveFrom)}</dd>
      </dl>
      <pre class="json">{JSON.stringify(version.policy, null, 2)}</pre>
    </>
  );
}

function Versions({ versions }: { versions: PolicyVersion[] }) {
  // Decisions link to /policy#version-N: open and show that one once the list is on screen.
  useEffect(() => {
    const target = window.location.hash ? document.getElementById(window.location.hash.slice(1)) : null;
    if (target instanceof HTMLDetailsElement) {
      target.open = true;
      target.scrollIntoView();
    }
  }, [versions.length]);
  if (versions.length === 0) return <EmptyState>No version has been published yet.</EmptyState>;
  return (
    <ul class="versions plain">
      {[...versions].reverse().map((version) => (
        <li key={version.version}>
          <details id={`version-${version.version}`}>
            <summary>
              Version {version.version}: {modelOf(version)}, {routeCount(version)} route
              {routeCount(version) === 1 ? '' : 's'}, published {formatDateTime(version.createdAt)} by{' '}
              {actorName(version.actor, version.createdBy)}
              {version.cancelledAt
                ? `; cancelled ${formatDateTime(version.cancelledAt)}, never in force`
                : `; ${new Date(version.effectiveFrom).getTime() > Date.now() ? 'takes' : 'took'} force ${formatDateTime(version.effectiveFrom)}`}
            </summary>
            <pre class="json">{JSON.stringify(version.policy, null, 2)}</pre>
          </details>
        </li>
      ))}
    </ul>
  );
}

/** The policy in force and every earlier version; decisions name the version they used. */
export function PolicyPage() {
  const { csrf, can } = useSession();
  const current = useApi((signal) => currentPolicy(csrf, signal), [csrf]);
  const versions = useApi((signal) => policyVersions(csrf, signal), [csrf]);
  return (
    <Page title="Policy" lead="The allocation rules and timings; every decision records the version it used.">
      {can.simulatePolicy ? (
        <p>
          <Link to="/policy/simulate">{can.publishPolicy ? 'Edit, simulate and publish' : 'Simulate a candidate'}</Link>
        </p>
      ) : null}
      <UpcomingChange
        upcoming={current.data?.upcoming}
        onCancelled={() => {
          current.reload();
          versions.reload();
        }}
      />
      <Section title="In force" id="current-title">
        {current.error ? (
          <ErrorState error={current.error} what="the policy" onRetry={current.reload} />
        ) : current.loading && !current.data ? (
          <Loading what="the policy" />
        ) : current.data ? (
          <Current version={current.data} />
        ) : (
          <EmptyState>
            No policy has been published yet: registrations cannot be decided until an admin publishes one.
          </EmptyState>
        )}
      </Section>
      <Section title="All versions" id="versions-title">
        {versions.error ? (
          <ErrorState error={versions.error} what="the policy versions" onRetry={versions.reload} />
        ) : !versions.data ? (
          <Loading what="the versions" />
        ) : (
          <Versions versions={versions.data} />
        )}
      </Section>
    </Page>
  );
}
