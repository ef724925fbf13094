import { useState } from 'preact/hooks';
import { updateUser } from '../api/auth';
import { ApiError } from '../api/client';
import { listPartners } from '../api/partners';
import { type Role, roles, type User } from '../api/types';
import { roleLabels, useSession } from '../session';
import { ProblemList } from '../ui/states';
import { TextField } from '../ui/text-field';
import { useApi } from '../ui/use-api';

interface BindingFieldsProps {
  idPrefix: string;
  role: Role;
  partner: string;
  onPartner(partner: string): void;
  orgAdmin: boolean;
  onOrgAdmin(orgAdmin: boolean): void;
}

/** For a reseller or distributor person: which organisation, and whether they administer its people. */
export function BindingFields({ idPrefix, role, partner, onPartner, orgAdmin, onOrgAdmin }: BindingFieldsProps) {
  const { csrf } = useSession();
  const partners = useApi((signal) => listPartners(csrf, signal), [csrf]);
  if (role === 'sales') {
    return (
      <div class="field">
        <label for={`${idPrefix}-seller`}>Seller id</label>
        <input
          id={`${idPrefix}-seller`}
          value={partner}
          required
          aria-describedby={`${idPrefix}-seller-hint`}
          onInput={(e) => onPartner(e.currentTarget.value)}
        />
        <p id={`${idPrefix}-seller-hint`} class="hint">
          The vendor seller (Vendor records → Sellers) whose house accounts the person reads.
        </p>
      </div>
    );
  }
  if (role !== 'reseller' && role !== 'distributor') return null;
  const options = role === 'reseller' ? (partners.data?.resellers ?? []) : (partners.data?.distributors ?? []);
  return (
    <>
      <div class="field">
        <label for={`${idPrefix}-partner`}>{role === 'reseller' ? 'Reseller' : 'Distributor'}</label>
        <select id={`${idPrefix}-partner`} value={partner} required onChange={(e) => onPartner(e.currentTarget.value)}>
          <option value="">Choose…</option>
          {options.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.id})
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label>
          <input type="checkbox" checked={orgAdmin} onChange={(e) => onOrgAdmin(e.currentTarget.checked)} /> May invite
          and disable its organisation's people
        </label>
      </div>
    </>
  );
}

interface RoleFieldsProps extends BindingFieldsProps {
  onRole(role: Role): void;
}

/** The role (any), then the partner it is bound to and whether it administers that organisation's people. */
export function RoleFields({ onRole, ...binding }: RoleFieldsProps) {
  return (
    <>
      <div class="field">
        <label for={`${binding.idPrefix}-role`}>Role</label>
        <select
          id={`${binding.idPrefix}-role`}
          value={binding.role}
          onChange={(e) => onRole(e.currentTarget.value as Role)}
        >
          {roles.map((r) => (
            <option key={r} value={r}>
              {roleLabels[r]}
            </option>
          ))}
        </select>
      </div>
      <BindingFields {...binding} />
    </>
  );
}

/** Changes a person's name, role and organisation, and whether they administer its people. */
export function UserEditForm({ user, onSaved, onCancel }: { user: User; onSaved(user: User): void; onCancel(): void }) {
  const { csrf } = useSession();
  const [name, setName] = useState(user.name);
  const [role, setRole] = useState<Role>(user.role);
  const [partner, setPartner] = useState(user.resellerId ?? user.distributorId ?? user.sellerId ?? '');
  const [orgAdmin, setOrgAdmin] = useState(user.orgAdmin ?? false);
  const [failure, setFailure] = useState<ApiError | undefined>();
  const partnerRole = role === 'reseller' || role === 'distributor';
  const save = async (event: Event) => {
    event.preventDefault();
    setFailure(undefined);
    try {
      const saved = await updateUser(csrf, user.id, {
        name: name.trim(),
        role,
        resellerId: role === 'reseller' ? partner : null,
        distributorId: role === 'distributor' ? partner : null,
        sellerId: role === 'sales' ? partner : null,
        orgAdmin: partnerRole && orgAdmin,
      });
      onSaved(saved);
    } catch (error) {
      setFailure(error instanceof ApiError ? error : new ApiError(0, 'Unexpected error', String(error)));
    }
  };
  const errors = failure?.errors ?? [];
  return (
    <form onSubmit={save} aria-label={`Change ${user.name}`}>
      <TextField id="edit-name" label="Name" path="name" value={name} onChange={setName} errors={errors} required />
      <RoleFields
        idPrefix="edit"
        role={role}
        onRole={setRole}
        partner={partner}
        onPartner={setPartner}
        orgAdmin={orgAdmin}
        onOrgAdmin={setOrgAdmin}
      />
      {failure ? <ProblemList error={failure} /> : null}
      <button type="submit" class="primary">
        Save
      </button>{' '}
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
