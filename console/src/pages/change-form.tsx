import { useState } from 'preact/hooks';
import { changeRegistration } from '../api/portal';
import type { Opportunity, Registration, RegistrationChange } from '../api/types';
import { useSession } from '../session';
import { MoneyFields } from '../ui/money-fields';
import { SelectField } from '../ui/select-field';
import { TextField } from '../ui/text-field';
import type { useSubmit } from '../ui/use-submit';

const stages = ['qualifying', 'proposal', 'negotiation', 'commit'] as const;

interface ChangeDraft {
  stage: string;
  amount: string;
  currency: string;
  expectedCloseDate: string;
  productLines: string;
}

const draftOf = (o: Opportunity): ChangeDraft => ({
  stage: o.stage ?? '',
  amount: o.estimatedValue ? String(o.estimatedValue.amount) : '',
  currency: o.estimatedValue?.currency ?? '',
  expectedCloseDate: o.expectedCloseDate ?? '',
  productLines: o.productLines.join(', '),
});

/** Only the fields the partner changed: the API records exactly those, before and after. */
function changeOf(draft: ChangeDraft, before: ChangeDraft): RegistrationChange['opportunity'] {
  const change: RegistrationChange['opportunity'] = {};
  if (draft.stage !== before.stage && draft.stage) change.stage = draft.stage as (typeof stages)[number];
  if (draft.amount !== before.amount || draft.currency !== before.currency)
    change.estimatedValue = { amount: Number(draft.amount), currency: draft.currency.trim().toUpperCase() };
  if (draft.expectedCloseDate !== before.expectedCloseDate && draft.expectedCloseDate)
    change.expectedCloseDate = draft.expectedCloseDate;
  if (draft.productLines !== before.productLines)
    change.productLines = draft.productLines
      .split(',')
      .map((line) => line.trim())
      .filter(Boolean);
  return change;
}

/** The owner's "Change" form: stage, value, close date and product lines; an added line is checked like a new registration. */
export function ChangeForm(props: {
  registration: Registration;
  submission: ReturnType<typeof useSubmit>;
  act(what: () => Promise<string>): Promise<void>;
}) {
  const { registration, submission, act } = props;
  const { csrf } = useSession();
  const before = draftOf(registration.opportunity);
  const [draft, setDraft] = useState<ChangeDraft>(before);
  const [note, setNote] = useState('');
  const set = (change: Partial<ChangeDraft>) => setDraft({ ...draft, ...change });
  const errors = submission.fieldErrors;
  const send = (event: Event) => {
    event.preventDefault();
    void act(async () => {
      const opportunity = changeOf(draft, before);
      const answer = await changeRegistration(csrf, registration.id, {
        opportunity,
        ...(note.trim() && { note: note.trim() }),
      });
      setNote('');
      setDraft(draftOf(answer.opportunity));
      return 'Changed: the change is recorded in the history below.';
    });
  };
  return (
    <form onSubmit={send} aria-labelledby="change-title" class="form-grid">
      <h3 id="change-title">Change the opportunity</h3>
      <SelectField
        id="change-stage"
        label="Stage"
        path="opportunity.stage"
        value={draft.stage}
        placeholder="Not given"
        options={stages.map((stage) => ({ value: stage, label: stage }))}
        onChange={(stage) => set({ stage })}
        errors={errors}
      />
      <MoneyFields
        idPrefix="change"
        path="opportunity.estimatedValue"
        amountLabel="Estimated value"
        amount={draft.amount}
        currency={draft.currency}
        onChange={set}
        errors={errors}
      />
      <TextField
        id="change-close-date"
        label="Expected close date"
        path="opportunity.expectedCloseDate"
        type="date"
        value={draft.expectedCloseDate}
        onChange={(expectedCloseDate) => set({ expectedCloseDate })}
        errors={errors}
      />
      <TextField
        id="change-lines"
        label="Product lines"
        path="opportunity.productLines"
        hint="Comma-separated; an added line is refused if another partner holds it"
        value={draft.productLines}
        onChange={(productLines) => set({ productLines })}
        errors={errors}
      />
      <TextField id="change-note" label="Note (optional)" path="note" value={note} onChange={setNote} errors={errors} />
      <button type="submit" disabled={submission.busy}>
        Change
      </button>
    </form>
  );
}
