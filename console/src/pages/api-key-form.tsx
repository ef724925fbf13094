import { useState } from 'preact/hooks';
import { createApiKey } from '../api/partners';
import { type CreatedApiKey, type Distributor, type NewApiKey, type Reseller, type Role, roles } from '../api/types';
import { roleLabels, useSession } from '../session';
import { FieldMessages } from '../ui/field-errors';
import { errorsAt } from '../ui/field-paths';
import { ProblemList } from '../ui/states';
import { TextField } from '../ui/text-field';
import { useSubmit } from '../ui/use-submit';

/** The key itself, this once: it is kept nowhere but on screen until dismissed. */
export function CreatedKey({ created, onDone }: { created: CreatedApiKey; onDone(): void }) {
  const [copied, setCopied] = useState(false);
  return (
    <section class="state state-success created-key" aria-labelledby="created-key-title">
      <h3 id="created-key-title">
        New {roleLabels[created.role].toLowerCase()} key {created.keyId}
      </h3>
      <p>
        <strong>Copy it now: it is shown this once.</strong> Only its hash is stored; a lost key is revoked and
        replaced.
      </p>
      <p>
        <label for="created-key-value">API key</label>
        <input id="created-key-value" class="secret" type="text" readOnly value={created.key} />
      </p>
      <div class="actions">
        <button
          type="button"
          onClick={() =>
            navigator.clipboard?.writeText(created.key).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          Copy the key
        </button>
        <button type="button" onClick={onDone}>
          Done, hide it
        </button>
        <span role="status">{copied ? 'Copied.' : ''}</span>
      </div>
    </section>
  );
}

interface ApiKeyFormProps {
  resellers: Reseller[];
  distributors: Distributor[];
  onCreated(created: CreatedApiKey): void;
}

/** A new key for a role; a partner's key is bound to that partner, a staff key to nobody. */
export function ApiKeyForm({ resellers, distributors, onCreated }: ApiKeyFormProps) {
  const { csrf } = useSession();
  const [role, setRole] = useState<Role>('channel-manager');
  const [partnerId, setPartnerId] = useState('');
  const [label, setLabel] = useState('');
  const submit = useSubmit();
  const partners = role === 'reseller' ? resellers : role === 'distributor' ? distributors : [];
  const partnerField = role === 'reseller' ? 'resellerId' : role === 'sales' ? 'sellerId' : 'distributorId';
  const partnerErrors = errorsAt(submit.fieldErrors, partnerField);
  return (
    <form
      aria-label="Create an API key"
      onSubmit={async (event) => {
        event.preventDefault();
        const body: NewApiKey = {
          role,
          ...(role === 'reseller' || role === 'distributor' || role === 'sales' ? { [partnerField]: partnerId } : {}),
          ...(label.trim() ? { label: label.trim() } : {}),
        };
        let created: CreatedApiKey | undefined;
        const ok = await submit.run(async () => {
          created = await createApiKey(csrf, body);
        });
        if (ok && created) {
          onCreated(created);
          setLabel('');
        }
      }}
    >
      <div class="field-grid">
        <div class="field">
          <label for="new-key-role">Role</label>
          <select
            id="new-key-role"
            value={role}
            onChange={(event) => {
              setRole(event.currentTarget.value as Role);
              setPartnerId('');
            }}
          >
            {roles.map((name) => (
              <option key={name} value={name}>
                {roleLabels[name]}
              </option>
            ))}
          </select>
        </div>
        {role === 'reseller' || role === 'distributor' ? (
          <div class="field">
            <label for="new-key-partner">{role === 'reseller' ? 'Reseller' : 'Distributor'}</label>
            <select
              id="new-key-partner"
              value={partnerId}
              required
              aria-invalid={partnerErrors.length > 0 ? 'true' : undefined}
              aria-describedby={partnerErrors.length > 0 ? 'new-key-partner-errors' : undefined}
              onChange={(event) => setPartnerId(event.currentTarget.value)}
            >
              <option value="">Choose…</option>
              {partners.map((partner) => (
                <option key={partner.id} value={partner.id}>
                  {partner.name} ({partner.id})
                </option>
              ))}
            </select>
            <FieldMessages id="new-key-partner-errors" errors={partnerErrors} />
          </div>
        ) : null}
        {role === 'sales' ? (
          <TextField
            id="new-key-seller"
            label="Seller id"
            path="sellerId"
            value={partnerId}
            onChange={setPartnerId}
            errors={submit.fieldErrors}
            hint="The vendor seller (Vendor records → Sellers) whose house accounts the key reads."
          />
        ) : null}
        <TextField
          id="new-key-label"
          label="Label (optional)"
          path="label"
          value={label}
          onChange={setLabel}
          errors={submit.fieldErrors}
          hint="Who or what uses the key, to know it again in the list."
        />
      </div>
      {submit.failure ? <ProblemList error={submit.failure} /> : null}
      <div class="actions">
        <button type="submit" class="primary" disabled={submit.busy}>
          {submit.busy ? 'Creating…' : 'Create key'}
        </button>
      </div>
    </form>
  );
}
