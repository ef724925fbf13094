import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { inviteUser, listUsers, updateUser } from '../api/auth';
import { ApiError } from '../api/client';
import { actorName, type Role, type User } from '../api/types';
import { roleLabels, useSession } from '../session';
import { formatDateTime } from '../ui/format';
import { Page, Section } from '../ui/page';
import { EmptyState, ErrorState, Loading, ProblemList } from '../ui/states';
import { TextField } from '../ui/text-field';
import { useApi } from '../ui/use-api';
import { RoleFields, UserEditForm } from './user-edit-form';

const bindingOf = (user: User) =>
  user.resellerId
    ? `reseller ${user.resellerId}`
    : user.distributorId
      ? `distributor ${user.distributorId}`
      : user.sellerId
        ? `seller ${user.sellerId}`
        : '—';

interface UserTableProps {
  users: User[];
  busy: boolean;
  onToggle(user: User): void;
  onEdit(user: User): void;
}

function UserTable({ users, busy, onToggle, onEdit }: UserTableProps) {
  const { me, can } = useSession();
  if (users.length === 0) return <EmptyState>Nobody yet: invite the first person below.</EmptyState>;
  return (
    <div class="table-scroll">
      <table class="data">
        <caption class="visually-hidden">People, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Bound to</th>
            <th scope="col">Status</th>
            <th scope="col">Invited</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <th scope="row">
                {user.name}
                {user.id === me.userId ? <span class="badge">you</span> : null}
                {user.orgAdmin ? <span class="badge">org admin</span> : null}
              </th>
              <td>{user.email}</td>
              <td>{roleLabels[user.role]}</td>
              <td>{bindingOf(user)}</td>
              <td>
                <span
                  class={`badge ${user.status === 'disabled' ? 'badge-rejected' : user.status === 'active' ? 'badge-approved' : ''}`}
                >
                  {user.status}
                </span>
              </td>
              <td>
                {formatDateTime(user.createdAt)} <span class="muted small">by {actorName(user.createdBy)}</span>
              </td>
              <td>
                {can.administer ? (
                  <>
                    <button type="button" aria-label={`Change ${user.name}…`} onClick={() => onEdit(user)}>
                      Change…
                    </button>{' '}
                  </>
                ) : null}
                <button
                  type="button"
                  disabled={busy || user.id === me.userId}
                  aria-label={`${user.status === 'disabled' ? 'Enable' : 'Disable'} ${user.name}`}
                  onClick={() => onToggle(user)}
                >
                  {user.status === 'disabled' ? 'Enable' : 'Disable'}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function InviteForm({ onInvited }: { onInvited(user: User): void }) {
  const { csrf, me, can } = useSession();
  // An organisation's admin invites into its own organisation: role and binding are its own.
  const ownOrganisation = !can.administer;
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>(ownOrganisation ? me.role : 'channel-manager');
  const [partner, setPartner] = useState(ownOrganisation ? (me.resellerId ?? me.distributorId ?? '') : '');
  const [orgAdmin, setOrgAdmin] = useState(false);
  const [failure, setFailure] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setFailure(undefined);
    try {
      const bound =
        role === 'reseller'
          ? { resellerId: partner }
          : role === 'distributor'
            ? { distributorId: partner }
            : role === 'sales'
              ? { sellerId: partner }
              : {};
      const partnerRole = role === 'reseller' || role === 'distributor';
      const user = await inviteUser(csrf, {
        email: email.trim(),
        name: name.trim(),
        role,
        ...bound,
        ...(partnerRole && orgAdmin ? { orgAdmin } : {}),
      });
      setEmail('');
      setName('');
      onInvited(user);
    } catch (error) {
      setFailure(error instanceof ApiError ? error : new ApiError(0, 'Unexpected error', String(error)));
    } finally {
      setBusy(false);
    }
  };
  const errors = failure?.errors ?? [];
  return (
    <form onSubmit={submit} class="form-grid" aria-label="Invite a person">
      <TextField
        id="invite-email"
        label="Email"
        path="email"
        value={email}
        onChange={setEmail}
        errors={errors}
        required
      />
      <TextField id="invite-name" label="Name" path="name" value={name} onChange={setName} errors={errors} required />
      {ownOrganisation ? (
        <div class="field">
          <label>
            <input type="checkbox" checked={orgAdmin} onChange={(e) => setOrgAdmin(e.currentTarget.checked)} /> May
            invite and disable the organisation's people
          </label>
        </div>
      ) : (
        <RoleFields
          idPrefix="invite"
          role={role}
          onRole={(next) => {
            setRole(next);
            setPartner('');
          }}
          partner={partner}
          onPartner={setPartner}
          orgAdmin={orgAdmin}
          onOrgAdmin={setOrgAdmin}
        />
      )}
      {failure && errors.length === 0 ? <ProblemList error={failure} /> : null}
      <button type="submit" class="primary" disabled={busy}>
        {busy ? 'Inviting…' : 'Invite'}
      </button>
    </form>
  );
}

/** People: invited by email (a one-time link, valid 7 days), listed, disabled (signed out at once) and enabled again. */
export function UsersPage({ children }: { children?: ComponentChildren }) {
  const { csrf, can } = useSession();
  const users = useApi((signal) => listUsers(csrf, signal), [csrf]);
  const [notice, setNotice] = useState<string | undefined>();
  const [failure, setFailure] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState<User | undefined>();
  const toggle = async (user: User) => {
    setBusy(true);
    setFailure(undefined);
    try {
      const status = user.status === 'disabled' ? 'active' : 'disabled';
      await updateUser(csrf, user.id, { status });
      setNotice(
        status === 'disabled'
          ? `${user.name} is disabled and signed out everywhere.`
          : `${user.name} is enabled again.`,
      );
      users.reload();
    } catch (error) {
      setFailure(error instanceof ApiError ? error : new ApiError(0, 'Unexpected error', String(error)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Page
      title={can.administer ? 'People' : 'Your organisation'}
      lead={`Who signs in to dealreg${can.administer ? '' : ' for your organisation'}, by email and password. Invitations are mailed with a link valid for 7 days.`}
    >
      {notice ? (
        <p class="state state-notice" role="status">
          {notice}
        </p>
      ) : null}
      {failure ? <ProblemList error={failure} /> : null}
      <Section title="Everyone" id="users-title">
        {users.error ? (
          <ErrorState error={users.error} what="the people" onRetry={users.reload} />
        ) : !users.data ? (
          <Loading what="the people" />
        ) : (
          <UserTable users={users.data} busy={busy} onToggle={toggle} onEdit={setEditing} />
        )}
      </Section>
      {editing ? (
        <Section title={`Change ${editing.name}`} id="edit-title">
          <UserEditForm
            key={editing.id}
            user={editing}
            onCancel={() => setEditing(undefined)}
            onSaved={(saved) => {
              setEditing(undefined);
              setNotice(`${saved.name} is saved.`);
              users.reload();
            }}
          />
        </Section>
      ) : null}
      <Section title="Invite someone" id="invite-title">
        <InviteForm
          onInvited={(user) => {
            setNotice(`${user.name} is invited: the invitation is on its way to ${user.email}.`);
            users.reload();
          }}
        />
      </Section>
      {children}
    </Page>
  );
}
