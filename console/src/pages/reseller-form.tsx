import { useState } from 'preact/hooks';
import { createReseller, updateReseller } from '../api/partners';
import { type Distributor, type PartnerType, partnerTypes, type Reseller } from '../api/types';
import { useSession } from '../session';
import { CheckGroup } from '../ui/check-group';
import { ProblemList } from '../ui/states';
import { TextField } from '../ui/text-field';
import { useSubmit } from '../ui/use-submit';

export const partnerTypeLabels: Record<PartnerType, string> = {
  integrator: 'Integrator',
  var: 'VAR',
  boutique: 'Boutique',
};

interface ResellerFormProps {
  distributors: Distributor[];
  /** The reseller being edited; without it, a new one is added. */
  editing?: Reseller;
  onSaved(reseller: Reseller): void;
  onCancel?(): void;
}

/** Adds a reseller or changes one: its name, partner type and the distributors it buys through. */
export function ResellerForm({ distributors, editing, onSaved, onCancel }: ResellerFormProps) {
  const { csrf } = useSession();
  const [id, setId] = useState(editing?.id ?? '');
  const [name, setName] = useState(editing?.name ?? '');
  const [partnerType, setPartnerType] = useState<PartnerType>(editing?.partnerType ?? 'var');
  const [distributorIds, setDistributorIds] = useState<string[]>(editing?.distributorIds ?? []);
  const submit = useSubmit();
  const prefix = editing ? `reseller-edit-${editing.id}` : 'reseller-new';
  return (
    <form
      class="partner-form"
      aria-label={editing ? `Edit ${editing.name}` : 'Add a reseller'}
      onSubmit={async (event) => {
        event.preventDefault();
        let saved: Reseller | undefined;
        const body = { name, partnerType, distributorIds };
        const ok = await submit.run(async () => {
          saved = editing ? await updateReseller(csrf, editing.id, body) : await createReseller(csrf, { id, ...body });
        });
        if (ok && saved) {
          onSaved(saved);
          if (!editing) {
            setId('');
            setName('');
            setDistributorIds([]);
          }
        }
      }}
    >
      <div class="field-grid">
        <TextField
          id={`${prefix}-id`}
          label="Reseller id"
          path="id"
          value={id}
          onChange={setId}
          errors={submit.fieldErrors}
          hint={editing ? 'The id cannot change.' : 'Lowercase letters, digits and dashes, e.g. acme-var.'}
          required
          disabled={editing !== undefined}
        />
        <TextField
          id={`${prefix}-name`}
          label="Reseller name"
          path="name"
          value={name}
          onChange={setName}
          errors={submit.fieldErrors}
          required
        />
        <div class="field">
          <label for={`${prefix}-type`}>Partner type</label>
          <select
            id={`${prefix}-type`}
            value={partnerType}
            onChange={(event) => setPartnerType(event.currentTarget.value as PartnerType)}
          >
            {partnerTypes.map((type) => (
              <option key={type} value={type}>
                {partnerTypeLabels[type]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <CheckGroup<string>
        legend="Buys through"
        path="distributorIds"
        options={distributors.map((distributor) => ({ value: distributor.id, label: distributor.name }))}
        selected={distributorIds}
        onChange={setDistributorIds}
        errors={submit.fieldErrors}
        hint="At least one distributor. Changes apply to submissions from now on."
      />
      {submit.failure ? <ProblemList error={submit.failure} /> : null}
      <div class="actions">
        <button type="submit" class="primary" disabled={submit.busy}>
          {submit.busy ? 'Saving…' : editing ? 'Save reseller' : 'Add reseller'}
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
