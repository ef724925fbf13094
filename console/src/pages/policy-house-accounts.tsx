import type { Policy } from '../api/types';
import { fieldId } from '../ui/field-paths';
import type { PolicyDraft } from './policy-draft';

type HouseAccountRule = Policy['houseAccounts'];

const choices: Array<{ rule: HouseAccountRule; text: string }> = [
  { rule: 'allow-and-notify', text: 'Is decided like any other; the seller who owns the account is told' },
  { rule: 'escalate', text: 'Goes to a channel manager (house account)' },
  { rule: 'reject', text: 'Is rejected (house account)' },
];

/** What a partner's registration on a vendor seller's account (a house account) meets. */
export function HouseAccounts({ draft, onChange }: { draft: PolicyDraft; onChange(draft: PolicyDraft): void }) {
  const current = draft.houseAccounts ?? 'allow-and-notify';
  return (
    <fieldset id={fieldId('houseAccounts')} tabIndex={-1}>
      <legend>A partner’s registration on a house account (an account a vendor seller owns)</legend>
      {choices.map(({ rule, text }) => (
        <label key={rule} class="choice">
          <input
            type="radio"
            name="house-accounts"
            checked={current === rule}
            onChange={() => onChange({ ...draft, houseAccounts: rule })}
          />
          {text}
        </label>
      ))}
    </fieldset>
  );
}
