import { useState } from 'preact/hooks';
import { answerDispute, openDispute } from '../api/disputes';
import type { DisputeEvidence, DisputeGround } from '../api/types';
import { useSession } from '../session';
import { FieldMessages } from '../ui/field-errors';
import { errorsAt } from '../ui/field-paths';
import { ProblemList } from '../ui/states';
import { useSubmit } from '../ui/use-submit';

const groundWords: Record<DisputeGround, string> = {
  'registered-first': 'We registered this customer first',
  'different-deal': 'It is a different deal (another project)',
  'customer-choice': 'The customer chose us',
  'wrong-route': 'The route was wrong for this deal',
  other: 'Another reason',
};

/** One link or note per line: lines that look like addresses are links. */
function evidenceOf(text: string): DisputeEvidence[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((value) => ({ kind: /^https?:\/\//.test(value) ? 'link' : 'note', value }));
}

function Statement(props: { id: string; value: string; onChange(value: string): void; errors: string[] }) {
  const { id, value, onChange, errors } = props;
  return (
    <div class="field">
      <label for={id}>Statement (required)</label>
      <textarea
        id={id}
        rows={4}
        maxLength={5000}
        value={value}
        aria-invalid={errors.length > 0 ? 'true' : undefined}
        aria-describedby={errors.length > 0 ? `${id}-errors` : undefined}
        onInput={(event) => onChange(event.currentTarget.value)}
      />
      <FieldMessages id={`${id}-errors`} errors={errors.map((message) => ({ path: 'statement', message }))} />
    </div>
  );
}

function Evidence({ id, value, onChange }: { id: string; value: string; onChange(value: string): void }) {
  return (
    <div class="field">
      <label for={id}>Evidence (optional: one link or note per line)</label>
      <textarea id={id} rows={3} value={value} onInput={(event) => onChange(event.currentTarget.value)} />
    </div>
  );
}

/** The owner's "Dispute this decision": a ground, a statement and evidence; the holder is never named. */
export function DisputeForm({ registrationId, onDone }: { registrationId: string; onDone(): void }) {
  const { csrf } = useSession();
  const submit = useSubmit();
  const [ground, setGround] = useState<DisputeGround>('registered-first');
  const [statement, setStatement] = useState('');
  const [evidence, setEvidence] = useState('');
  const [missing, setMissing] = useState(false);
  const send = async (event: Event) => {
    event.preventDefault();
    setMissing(!statement.trim());
    if (!statement.trim()) return;
    const body = { ground, statement: statement.trim(), evidence: evidenceOf(evidence) };
    if (await submit.run(() => openDispute(csrf, registrationId, body))) onDone();
  };
  const statementErrors = [
    ...(missing ? ['Say why the decision is wrong.'] : []),
    ...errorsAt(submit.fieldErrors, 'statement').map((error) => error.message),
  ];
  return (
    <form class="card" onSubmit={send} noValidate aria-labelledby="dispute-form-title">
      <h3 id="dispute-form-title">Dispute this decision</h3>
      <p class="hint">
        A channel manager decides. The partner that holds the deal may answer once, and never learns who you are.
      </p>
      <fieldset>
        <legend>Ground</legend>
        {(Object.keys(groundWords) as DisputeGround[]).map((value) => (
          <label key={value} class="choice">
            <input type="radio" name="dispute-ground" checked={ground === value} onChange={() => setGround(value)} />
            {groundWords[value]}
          </label>
        ))}
      </fieldset>
      <Statement id="dispute-statement" value={statement} onChange={setStatement} errors={statementErrors} />
      <Evidence id="dispute-evidence" value={evidence} onChange={setEvidence} />
      {submit.failure ? <ProblemList error={submit.failure} /> : null}
      <div class="actions">
        <button type="submit" class="primary" disabled={submit.busy}>
          {submit.busy ? 'Sending…' : 'Dispute this decision'}
        </button>
      </div>
    </form>
  );
}

/** The holder's one answer to a dispute about its deal, within the response window. */
export function DisputeAnswerForm({ disputeId, onDone }: { disputeId: string; onDone(): void }) {
  const { csrf } = useSession();
  const submit = useSubmit();
  const [statement, setStatement] = useState('');
  const [evidence, setEvidence] = useState('');
  const [missing, setMissing] = useState(false);
  const send = async (event: Event) => {
    event.preventDefault();
    setMissing(!statement.trim());
    if (!statement.trim()) return;
    const body = { statement: statement.trim(), evidence: evidenceOf(evidence) };
    if (await submit.run(() => answerDispute(csrf, disputeId, body))) onDone();
  };
  const statementErrors = [
    ...(missing ? ['Give your answer.'] : []),
    ...errorsAt(submit.fieldErrors, 'statement').map((error) => error.message),
  ];
  return (
    <form class="card" onSubmit={send} noValidate aria-labelledby={`answer-${disputeId}-title`}>
      <h3 id={`answer-${disputeId}-title`}>Answer the dispute (once)</h3>
      <Statement
        id={`answer-${disputeId}-statement`}
        value={statement}
        onChange={setStatement}
        errors={statementErrors}
      />
      <Evidence id={`answer-${disputeId}-evidence`} value={evidence} onChange={setEvidence} />
      {submit.failure ? <ProblemList error={submit.failure} /> : null}
      <div class="actions">
        <button type="submit" class="primary" disabled={submit.busy}>
          {submit.busy ? 'Sending…' : 'Send the answer'}
        </button>
      </div>
    </form>
  );
}
