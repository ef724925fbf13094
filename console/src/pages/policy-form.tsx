import type { FieldError } from '../api/types';
import { type AllocationModel, allocationModels, type Distributor } from '../api/types';
import { FieldMessages } from '../ui/field-errors';
import { errorsAt, fieldId } from '../ui/field-paths';
import { DisputesFields } from './policy-disputes';
import type { PolicyDraft } from './policy-draft';
import { HouseAccounts } from './policy-house-accounts';
import { LimitsFields } from './policy-limits';
import { RoutesEditor } from './policy-routes';
import { TimingFields } from './policy-timing';

const modelText: Record<AllocationModel, { name: string; description: string }> = {
  segment: { name: 'By segment', description: 'Routes by the customer’s segment and region; unrouted deals escalate.' },
  'partner-type': { name: 'By partner type', description: 'Routes by the reseller’s type; unrouted deals escalate.' },
  open: { name: 'Open', description: 'Any deal through any distributor; the first registration accepted wins.' },
  hybrid: { name: 'Hybrid', description: 'Some deals reserved by route; everything else is open.' },
};

interface PolicyFormProps {
  draft: PolicyDraft;
  onChange(draft: PolicyDraft): void;
  distributors: Distributor[];
  /** The API's field errors, paths relative to the policy. */
  errors: readonly FieldError[];
}

function Model({ draft, onChange, errors }: Omit<PolicyFormProps, 'distributors'>) {
  const mine = errorsAt(errors, 'model');
  return (
    <fieldset
      id={fieldId('model')}
      tabIndex={-1}
      aria-describedby={mine.length ? `${fieldId('model')}-errors` : undefined}
    >
      <legend>Allocation model</legend>
      {allocationModels.map((model) => (
        <label key={model} class="choice">
          <input
            type="radio"
            name="policy-model"
            value={model}
            checked={draft.model === model}
            onChange={() => onChange({ ...draft, model, ...(model === 'open' ? { routes: [] } : {}) })}
          />
          <span>
            <strong>{modelText[model].name}</strong> <span class="muted">{modelText[model].description}</span>
          </span>
        </label>
      ))}
      <FieldMessages id={`${fieldId('model')}-errors`} errors={mine} />
    </fieldset>
  );
}

function Matching({ draft, onChange, errors }: Omit<PolicyFormProps, 'distributors'>) {
  const id = fieldId('matching.nameSimilarity');
  const mine = errorsAt(errors, 'matching.nameSimilarity');
  const value = draft.matching?.nameSimilarity;
  return (
    <fieldset id={fieldId('matching')} tabIndex={-1}>
      <legend>Matching</legend>
      <div class="field">
        <label for={id}>Name similarity threshold</label>
        <input
          id={id}
          type="number"
          min={0}
          max={1}
          step={0.01}
          value={value === undefined ? '' : String(value)}
          aria-invalid={mine.length > 0 ? 'true' : undefined}
          aria-describedby={`${id}-words${mine.length > 0 ? ` ${id}-errors` : ''}`}
          onInput={(event) => {
            const text = event.currentTarget.value;
            const { nameSimilarity: _previous, ...rest } = draft.matching ?? {};
            onChange({ ...draft, matching: text === '' ? rest : { ...rest, nameSimilarity: Number(text) } });
          }}
        />
        <p id={`${id}-words`} class="hint">
          {value === undefined
            ? 'Empty: the service’s default applies.'
            : `Customer names at least ${Math.round(value * 100)}% alike are possible duplicates for a channel manager.`}
        </p>
        <FieldMessages id={`${id}-errors`} errors={mine} />
      </div>
      <ProductScope draft={draft} onChange={onChange} />
    </fieldset>
  );
}

/** Whether a deal is the same customer and product line, or product family (the catalogue's). */
function ProductScope({ draft, onChange }: Omit<PolicyFormProps, 'distributors' | 'errors'>) {
  const scope = draft.matching?.productScope ?? 'line';
  const choose = (productScope: 'line' | 'family') =>
    onChange({ ...draft, matching: { ...draft.matching, productScope } });
  return (
    <fieldset id={fieldId('matching.productScope')} tabIndex={-1}>
      <legend>Two registrations of one customer are one deal when they share</legend>
      <label class="choice">
        <input type="radio" name="product-scope" checked={scope === 'line'} onChange={() => choose('line')} />A product
        line
      </label>
      <label class="choice">
        <input type="radio" name="product-scope" checked={scope === 'family'} onChange={() => choose('family')} />A
        product family of the catalogue (two products of one family count as the same)
      </label>
    </fieldset>
  );
}

function OffRoute({ draft, onChange }: Omit<PolicyFormProps, 'distributors' | 'errors'>) {
  const choice = draft.onWrongRoute ?? 'reject';
  return (
    <fieldset id={fieldId('onWrongRoute')} tabIndex={-1}>
      <legend>A registration through a distributor its route does not name</legend>
      <label class="choice">
        <input
          type="radio"
          name="off-route"
          checked={choice === 'reject'}
          onChange={() => onChange({ ...draft, onWrongRoute: 'reject' })}
        />
        Is rejected (wrong route)
      </label>
      <label class="choice">
        <input
          type="radio"
          name="off-route"
          checked={choice === 'escalate'}
          onChange={() => onChange({ ...draft, onWrongRoute: 'escalate' })}
        />
        Goes to a channel manager
      </label>
    </fieldset>
  );
}

/** The policy as a form: every field labelled, each API error shown at its field. */
export function PolicyForm({ draft, onChange, distributors, errors }: PolicyFormProps) {
  return (
    <div class="policy-form">
      <Model draft={draft} onChange={onChange} errors={errors} />
      {draft.model === 'open' ? (
        <p class="muted">The open model has no routes; choose hybrid to reserve some deals.</p>
      ) : (
        <>
          <RoutesEditor
            draft={draft}
            onChange={(routes) => onChange({ ...draft, routes })}
            distributors={distributors}
            errors={errors}
          />
          <OffRoute draft={draft} onChange={onChange} />
        </>
      )}
      <HouseAccounts draft={draft} onChange={onChange} />
      <Matching draft={draft} onChange={onChange} errors={errors} />
      <TimingFields timing={draft.timing ?? {}} onChange={(timing) => onChange({ ...draft, timing })} errors={errors} />
      <LimitsFields limits={draft.limits} onChange={(limits) => onChange({ ...draft, limits })} errors={errors} />
      <DisputesFields
        disputes={draft.disputes ?? {}}
        onChange={(disputes) => onChange({ ...draft, disputes })}
        errors={errors}
      />
    </div>
  );
}
