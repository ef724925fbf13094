import { useState } from 'preact/hooks';
import { type DeliveryStatus, listDeliveries, setWebhook } from '../api/portal';
import { useSession } from '../session';
import { formatDateTime, words } from '../ui/format';
import { Section } from '../ui/page';
import { SelectField } from '../ui/select-field';
import { EmptyState, ErrorState, Loading, ProblemList } from '../ui/states';
import { TextField } from '../ui/text-field';
import { LoadMore, usePages } from '../ui/use-pages';
import { useSubmit } from '../ui/use-submit';

/** Where the organisation's notifications are posted: a new URL replaces the old one and gets a new secret. */
function WebhookForm() {
  const { csrf, me } = useSession();
  const [url, setUrl] = useState('');
  const [secret, setSecret] = useState<string | undefined>();
  const submission = useSubmit();
  const kind = me.role === 'distributor' ? 'distributor' : 'reseller';
  const partnerId = me.resellerId ?? me.distributorId ?? '';
  const save = async (event: Event) => {
    event.preventDefault();
    setSecret(undefined);
    await submission.run(async () => {
      const saved = await setWebhook(csrf, kind, partnerId, url.trim());
      setSecret(saved.secret);
    });
  };
  return (
    <form onSubmit={save} aria-label="Set the webhook" class="stack">
      <TextField
        id="webhook-url"
        label="Webhook URL"
        path="url"
        value={url}
        onChange={setUrl}
        errors={submission.fieldErrors}
        hint="https only. Saving replaces the current URL and issues a new signing secret."
        required
      />
      {submission.failure ? <ProblemList error={submission.failure} /> : null}
      <div class="actions">
        <button type="submit" class="primary" disabled={submission.busy}>
          Save the webhook
        </button>
      </div>
      {secret ? (
        <p class="state state-notice" role="status">
          Saved. The signing secret, shown this once (deliveries carry <code>Dealreg-Signature</code>):{' '}
          <code>{secret}</code>
        </p>
      ) : null}
    </form>
  );
}

function Deliveries() {
  const { csrf } = useSession();
  const [status, setStatus] = useState<DeliveryStatus>('delivered');
  const pages = usePages((cursor, signal) => listDeliveries(csrf, status, cursor, signal), [csrf, status]);
  return (
    <>
      <SelectField
        id="deliveries-status"
        label="Show"
        path="status"
        value={status}
        options={[
          { value: 'delivered', label: 'Delivered' },
          { value: 'abandoned', label: 'Given up (failed for the whole retry window)' },
        ]}
        onChange={(value) => setStatus(value as DeliveryStatus)}
        errors={[]}
      />
      {!pages.first.data && pages.first.error ? (
        <ErrorState error={pages.first.error} what="the deliveries" onRetry={pages.first.reload} />
      ) : !pages.first.data ? (
        <Loading what="the deliveries" />
      ) : pages.items.length === 0 ? (
        <EmptyState>No delivery of this kind yet.</EmptyState>
      ) : (
        <div class="table-scroll">
          <table class="data compact">
            <caption class="visually-hidden">Webhook deliveries, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Kind</th>
                <th scope="col">Attempts</th>
                <th scope="col">Finished</th>
                <th scope="col">Last error</th>
              </tr>
            </thead>
            <tbody>
              {pages.items.map((delivery) => (
                <tr key={delivery.id}>
                  <th scope="row">
                    <code>{delivery.id}</code>
                  </th>
                  <td>{words(delivery.type)}</td>
                  <td>{delivery.attempts}</td>
                  <td>{formatDateTime(delivery.finishedAt)}</td>
                  <td>{delivery.lastError ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore pages={pages} what="deliveries" />
    </>
  );
}

/** An org admin's webhook: set its URL, and see how the recent deliveries went. */
export function OrganisationWebhook() {
  return (
    <>
      <Section title="Webhook" id="webhook-title">
        <WebhookForm />
      </Section>
      <Section title="Recent webhook deliveries" id="deliveries-title">
        <Deliveries />
      </Section>
    </>
  );
}
