import type { Decision, Money, RuleTraceStep } from '../api/types';
import { Link } from '../router';
import { formatDateTime, formatMoney, words } from '../ui/format';
import { StatusBadge } from '../ui/status';

function Trace({ steps, label }: { steps: RuleTraceStep[]; label: string }) {
  if (steps.length === 0) return <p class="muted small">No rule trace (this decision was not the engine’s).</p>;
  return (
    <div class="table-scroll">
      <table class="data compact">
        <caption>{label}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Rule</th>
            <th scope="col">Result</th>
            <th scope="col">Detail</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((step, index) => (
            <tr key={`${index}-${step.rule}`} class={step.decisive ? 'decisive' : undefined}>
              <td>{index + 1}</td>
              <th scope="row">
                {step.rule}
                {step.decisive ? <span class="badge badge-decisive">decisive</span> : null}
              </th>
              <td>{step.result}</td>
              <td>{step.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const shown = (value: unknown) =>
  value === undefined
    ? '—'
    : Array.isArray(value)
      ? value.join(', ')
      : typeof value === 'object' && value !== null
        ? formatMoney(value as Money)
        : String(value);

/** What a change did: each changed field, before → after (and the sequence its added lines got). */
function ChangeFacts({ change }: { change: NonNullable<Decision['change']> }) {
  const fields = Object.keys(change.after) as Array<keyof typeof change.after>;
  return (
    <>
      <dt>Changed</dt>
      <dd>
        <ul class="plain">
          {fields.map((field) => (
            <li key={field}>
              {words(field)}: {shown(change.before[field])} → {shown(change.after[field])}
            </li>
          ))}
          {change.sequence !== undefined ? <li>added lines numbered {change.sequence}</li> : null}
        </ul>
      </dd>
      {change.note ? (
        <>
          <dt>Note</dt>
          <dd>{change.note}</dd>
        </>
      ) : null}
    </>
  );
}

/** A policy version: a link for those who may read the policy, words for partners. */
function PolicyVersion({ version, link }: { version: number; link: boolean }) {
  return link ? <Link to={`/policy#version-${version}`}>version {version}</Link> : <>version {version}</>;
}

function DecisionEntry({ decision, index, linkPolicy }: { decision: Decision; index: number; linkPolicy: boolean }) {
  return (
    <li class="decision">
      <h3>
        {index + 1}. {words(decision.kind)}: <StatusBadge status={decision.fromStatus} /> →{' '}
        <StatusBadge status={decision.toStatus} />
      </h3>
      <dl class="facts">
        <dt>At</dt>
        <dd>{formatDateTime(decision.at)}</dd>
        <dt>Policy version</dt>
        <dd>
          <PolicyVersion version={decision.policyVersion} link={linkPolicy} />
        </dd>
        <dt>Decided by</dt>
        <dd>
          {words(decision.decidedBy.kind)}
          {decision.decidedBy.id ? ` (${decision.decidedBy.id})` : ''}
        </dd>
        {decision.reasonCode ? (
          <>
            <dt>Reason code</dt>
            <dd>{decision.reasonCode}</dd>
          </>
        ) : null}
        <dt>Explanation</dt>
        <dd>{decision.explanation}</dd>
        {decision.change ? <ChangeFacts change={decision.change} /> : null}
        {decision.protectedUntil ? (
          <>
            <dt>Protected until</dt>
            <dd>{formatDateTime(decision.protectedUntil)}</dd>
          </>
        ) : null}
        {decision.escalationId ? (
          <>
            <dt>Escalation</dt>
            <dd>
              <code>{decision.escalationId}</code>
            </dd>
          </>
        ) : null}
        {decision.matches && decision.matches.length > 0 ? (
          <>
            <dt>Matched</dt>
            <dd>
              <ul class="plain">
                {decision.matches.map((m) => (
                  <li key={m.registrationId}>
                    <Link to={`/registrations/${m.registrationId}`}>{m.registrationId}</Link> ({m.resellerId} via{' '}
                    {m.distributorId}, sequence {m.sequence}): {m.strength} match on {m.basis}, score{' '}
                    {m.score.toFixed(2)}, shared {m.sharedProductLines.join(', ') || 'no product line'}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        <dt>Hash</dt>
        <dd>
          <code class="hash" title={`previous: ${decision.prevHash}`}>
            {decision.hash.slice(0, 16)}…
          </code>
        </dd>
      </dl>
      <Trace steps={decision.trace} label={`Rule trace of decision ${index + 1}`} />
    </li>
  );
}

/** The hash-chained decision log, oldest first, each with its policy version and rule trace. */
export function Decisions({ decisions, linkPolicy = true }: { decisions: Decision[]; linkPolicy?: boolean }) {
  if (decisions.length === 0) return <p class="state state-empty">No decision yet: the engine is still deciding.</p>;
  return (
    <ol class="decisions">
      {decisions.map((decision, index) => (
        <DecisionEntry key={decision.hash} decision={decision} index={index} linkPolicy={linkPolicy} />
      ))}
    </ol>
  );
}
