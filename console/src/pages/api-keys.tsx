import { useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { listApiKeys, listPartners, revokeApiKey } from '../api/partners';
import { type ApiKey, actorName, type CreatedApiKey } from '../api/types';
import { roleLabels, useSession } from '../session';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { formatDateTime } from '../ui/format';
import { Page, Section } from '../ui/page';
import { EmptyState, ErrorState, Loading, ProblemList } from '../ui/states';
import { useApi } from '../ui/use-api';
import { ApiKeyForm, CreatedKey } from './api-key-form';

const bindingOf = (apiKey: ApiKey) =>
  apiKey.resellerId
    ? `reseller ${apiKey.resellerId}`
    : apiKey.distributorId
      ? `distributor ${apiKey.distributorId}`
      : apiKey.sellerId
        ? `seller ${apiKey.sellerId}`
        : '—';

function KeyTable({ keys, onRevoke }: { keys: ApiKey[]; onRevoke(apiKey: ApiKey): void }) {
  const { me } = useSession();
  if (keys.length === 0) return <EmptyState>No API key yet.</EmptyState>;
  return (
    <div class="table-scroll">
      <table class="data">
        <caption class="visually-hidden">API keys, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">Key id</th>
            <th scope="col">Role</th>
            <th scope="col">Bound to</th>
            <th scope="col">Label</th>
            <th scope="col">Created</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((apiKey) => (
            <tr key={apiKey.keyId}>
              <th scope="row">
                <code>{apiKey.keyId}</code>
                {apiKey.keyId === me.keyId ? <span class="badge">yours</span> : null}
              </th>
              <td>{roleLabels[apiKey.role]}</td>
              <td>{bindingOf(apiKey)}</td>
              <td>{apiKey.label ?? ''}</td>
              <td>
                {formatDateTime(apiKey.createdAt)}{' '}
                <span class="muted small">by {actorName(apiKey.actor, apiKey.createdBy)}</span>
              </td>
              <td>
                {apiKey.revokedAt ? (
                  <span class="badge badge-rejected">revoked {formatDateTime(apiKey.revokedAt)}</span>
                ) : (
                  <button type="button" aria-label={`Revoke ${apiKey.keyId}…`} onClick={() => onRevoke(apiKey)}>
                    Revoke…
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** API keys: created for a role (shown once) and revoked; only their hashes are stored. */
export function ApiKeysPage() {
  const { csrf, me } = useSession();
  const keys = useApi((signal) => listApiKeys(csrf, signal), [csrf]);
  const partners = useApi((signal) => listPartners(csrf, signal), [csrf]);
  const [created, setCreated] = useState<CreatedApiKey | undefined>();
  const [revoking, setRevoking] = useState<ApiKey | undefined>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const revoke = async (apiKey: ApiKey) => {
    setBusy(true);
    setFailure(undefined);
    try {
      await revokeApiKey(csrf, apiKey.keyId);
      setNotice(`Key ${apiKey.keyId} is revoked: it is refused from now on.`);
      keys.reload();
    } catch (error) {
      setFailure(error instanceof ApiError ? error : new ApiError(0, 'Unexpected error', String(error)));
    } finally {
      setBusy(false);
      setRevoking(undefined);
    }
  };
  return (
    <Page title="API keys" lead="Keys for people and systems, by role. A key is shown once, when it is created.">
      <Section title="Create a key" id="create-key-title">
        {created ? <CreatedKey created={created} onDone={() => setCreated(undefined)} /> : null}
        {partners.error ? (
          <ErrorState error={partners.error} what="the partners" onRetry={partners.reload} />
        ) : !partners.data ? (
          <Loading what="the partners" />
        ) : (
          <ApiKeyForm
            resellers={partners.data.resellers}
            distributors={partners.data.distributors}
            onCreated={(fresh) => {
              setCreated(fresh);
              setNotice(undefined);
              keys.reload();
            }}
          />
        )}
      </Section>
      <Section title="Keys" id="keys-title">
        <p class="state state-success" role="status" hidden={!notice}>
          {notice}
        </p>
        {failure ? <ProblemList error={failure} /> : null}
        {keys.error ? (
          <ErrorState error={keys.error} what="the API keys" onRetry={keys.reload} />
        ) : !keys.data ? (
          <Loading what="the API keys" />
        ) : (
          <KeyTable keys={keys.data} onRevoke={setRevoking} />
        )}
      </Section>
      <ConfirmDialog
        open={revoking !== undefined}
        title={`Revoke ${revoking?.keyId ?? ''}?`}
        confirmLabel="Revoke"
        busy={busy}
        onConfirm={() => revoking && void revoke(revoking)}
        onCancel={() => setRevoking(undefined)}
      >
        <p>Every request with it is refused from now on. This cannot be undone; create a new key instead.</p>
        {revoking?.keyId === me.keyId ? (
          <p class="state state-warning">This is the key you are signed in with: you will be signed out.</p>
        ) : null}
      </ConfirmDialog>
    </Page>
  );
}
