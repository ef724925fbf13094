import { useState } from 'preact/hooks';
import { createDistributor, updateDistributor } from '../api/partners';
import type { Distributor } from '../api/types';
import { useSession } from '../session';
import { ProblemList } from '../ui/states';
import { TextField } from '../ui/text-field';
import { useSubmit } from '../ui/use-submit';

interface DistributorFormProps {
  /** The distributor being renamed; without it, a new one is added. */
  editing?: Distributor;
  onSaved(distributor: Distributor): void;
  onCancel?(): void;
}

/** Adds a distributor, or renames one (its id stays: registrations and keys refer to it). */
export function DistributorForm({ editing, onSaved, onCancel }: DistributorFormProps) {
  const { csrf } = useSession();
  const [id, setId] = useState(editing?.id ?? '');
  const [name, setName] = useState(editing?.name ?? '');
  const submit = useSubmit();
  const prefix = editing ? `distributor-edit-${editing.id}` : 'distributor-new';
  return (
    <form
      class="partner-form"
      aria-label={editing ? `Rename ${editing.name}` : 'Add a distributor'}
      onSubmit={async (event) => {
        event.preventDefault();
        let saved: Distributor | undefined;
        const ok = await submit.run(async () => {
          saved = editing
            ? await updateDistributor(csrf, editing.id, { name })
            : await createDistributor(csrf, { id, name });
        });
        if (ok && saved) {
          onSaved(saved);
          if (!editing) {
            setId('');
            setName('');
          }
        }
      }}
    >
      <div class="field-grid">
        <TextField
          id={`${prefix}-id`}
          label="Distributor id"
          path="id"
          value={id}
          onChange={setId}
          errors={submit.fieldErrors}
          hint={editing ? 'The id cannot change.' : 'Lowercase letters, digits and dashes, e.g. dist-north.'}
          required
          disabled={editing !== undefined}
        />
        <TextField
          id={`${prefix}-name`}
          label="Distributor name"
          path="name"
          value={name}
          onChange={setName}
          errors={submit.fieldErrors}
          required
        />
      </div>
      {submit.failure ? <ProblemList error={submit.failure} /> : null}
      <div class="actions">
        <button type="submit" class="primary" disabled={submit.busy}>
          {submit.busy ? 'Saving…' : editing ? 'Save distributor' : 'Add distributor'}
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
