import { useState } from 'preact/hooks';
import { listPartners } from '../api/partners';
import { revokeRegistration, transferRegistration } from '../api/registrations';
import type { Registration } from '../api/types';
import { useSession } from '../session';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { SelectField } from '../ui/select-field';
import { ProblemList } from '../ui/states';
import { TextField } from '../ui/text-field';
import { useApi } from '../ui/use-api';
import { useSubmit } from '../ui/use-submit';

type Confirming = 'transfer' | 'revoke' | undefined;

/**
 * A channel manager's two acts on an approved registration: move its deal to another partner (the
 * customer chose them), or revoke it. The reason is shown to the partners, so the form says so.
 */
export function RegistrationMoves({ registration, onDone }: { registration: Registration; onDone(): void }) {
  const { csrf } = useSession();
  const partners = useApi((signal) => listPartners(csrf, signal), [csrf]);
  const submission = useSubmit();
  const [toResellerId, setReseller] = useState('');
  const [toDistributorId, setDistributor] = useState('');
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState<Confirming>();
  const [missing, setMissing] = useState<string>();

  const resellers = (partners.data?.resellers ?? []).filter((r) => r.id !== registration.resellerId);
  const chosen = resellers.find((r) => r.id === toResellerId);
  const ask = (what: Exclude<Confirming, undefined>) => {
    const lacking = !reason.trim()
      ? 'Give a reason: both partners read it.'
      : what === 'transfer' && (!chosen || !toDistributorId)
        ? 'Choose the reseller and the distributor it buys through.'
        : undefined;
    setMissing(lacking);
    if (!lacking) setConfirming(what);
  };
  const confirm = async () => {
    const what = confirming;
    const ok = await submission.run(async () => {
      if (what === 'transfer') {
        await transferRegistration(csrf, registration.id, { toResellerId, toDistributorId, reason: reason.trim() });
      } else await revokeRegistration(csrf, registration.id, reason.trim());
    });
    setConfirming(undefined);
    if (ok) onDone();
  };

  return (
    <form class="form-grid" aria-label="Move or revoke the deal" onSubmit={(event) => event.preventDefault()}>
      {submission.failure ? <ProblemList error={submission.failure} /> : null}
      {missing ? (
        <p class="state state-error" role="alert">
          {missing}
        </p>
      ) : null}
      <SelectField
        id="transfer-reseller"
        label="Move the deal to reseller"
        path="toResellerId"
        value={toResellerId}
        placeholder="Choose a reseller…"
        options={resellers.map((r) => ({ value: r.id, label: `${r.name} (${r.partnerType})` }))}
        onChange={(value) => {
          setReseller(value);
          setDistributor(resellers.find((r) => r.id === value)?.distributorIds[0] ?? '');
        }}
        errors={submission.fieldErrors}
      />
      <SelectField
        id="transfer-distributor"
        label="Through distributor"
        path="toDistributorId"
        value={toDistributorId}
        placeholder="Choose a distributor…"
        options={(chosen?.distributorIds ?? []).map((id) => ({ value: id, label: id }))}
        onChange={setDistributor}
        errors={submission.fieldErrors}
      />
      <TextField
        id="move-reason"
        label="Reason (shown to both partners; name neither)"
        path="reason"
        value={reason}
        onChange={setReason}
        errors={submission.fieldErrors}
        required
      />
      <div class="actions">
        <button type="button" onClick={() => ask('transfer')} disabled={submission.busy}>
          Transfer the deal
        </button>
        <button type="button" onClick={() => ask('revoke')} disabled={submission.busy}>
          Revoke
        </button>
      </div>
      <ConfirmDialog
        open={confirming !== undefined}
        title={
          confirming === 'transfer' ? `Move this deal to ${chosen?.name ?? toResellerId}?` : 'Revoke this registration?'
        }
        confirmLabel={confirming === 'transfer' ? 'Transfer' : 'Revoke'}
        busy={submission.busy}
        onConfirm={() => void confirm()}
        onCancel={() => setConfirming(undefined)}
      >
        <p>
          {confirming === 'transfer'
            ? 'A new approved registration of that reseller takes the deal over, then this one ends transferred. The receiver’s route and limits apply.'
            : 'The registration ends revoked and the deal is free for other partners. This cannot be undone.'}
        </p>
      </ConfirmDialog>
    </form>
  );
}
