import { auditKeys } from '../config/audit-key';
import { crashPoint } from '../config/crash-points';
import { appendBlockToAuditLog, auditEntriesOf } from './audit-log';
import { auditPositionOf, type ChainEntry, claimFirstPositions, recordAuditPositions } from './chain-positions';
import { chainEntryFor, globalLogEntryOf, TransitionRefused, type TransitionRequest } from './decision-log';
import { insertEachOnce } from './insert-once';
import { Registration, type RegistrationDoc } from './registrations';

/** A history-only registration as it would be stored pending, and the step that records where it stood. */
export interface HistoryRow {
  pending: RegistrationDoc;
  request: TransitionRequest;
}

/**
 * History-only registrations (a migration's closed rows) stored with their first entry, many at a time,
 * in the order every decision is: each place in a chain claimed first (unique inserts), the claimed
 * entries appended to the global audit log as one block, then the registrations inserted (unique by
 * `_id`). A retry after a crash finds its own claims and completes them with the entry and document
 * they hold: appended only if the log lacks it, inserted only if missing, so nothing is written twice.
 * Returns the registrations as stored; `progress` is called after each command (an activity's heartbeat).
 */
export async function storeHistoryRows(
  rows: readonly HistoryRow[],
  progress: () => void = () => undefined,
): Promise<RegistrationDoc[]> {
  if (rows.length === 0) return [];
  const ours = rows.map(({ pending, request }) => ({
    registrationId: pending._id,
    entry: firstEntryWithDocument(request, pending),
  }));
  const claims = await claimFirstPositions(ours);
  progress();
  await crashPoint('import:history-claimed');
  const toWrite: Array<{ registrationId: string; entry: ChainEntry; logged: boolean }> = [];
  for (const { registrationId, entry } of ours) {
    const claim = claims.get(registrationId);
    if (claim?.won) {
      toWrite.push({ registrationId, entry, logged: false });
      continue;
    }
    // Held by an earlier attempt of this same write (it died, or overlaps this one): its entry counts.
    const holder = claim?.holder;
    if (!holder || holder.record.key !== entry.record.key || (holder.set as RegistrationDoc)._id !== registrationId)
      throw new Error(`registration ${registrationId}: its first place is held by another step`);
    toWrite.push({ registrationId, entry: holder, logged: await isLogged(registrationId, holder) });
  }
  const unlogged = toWrite.filter((row) => !row.logged);
  const positions = await appendBlockToAuditLog(
    unlogged.map(({ registrationId, entry: { record } }) => globalLogEntryOf(registrationId, record)),
    auditKeys(),
  );
  progress();
  await crashPoint('import:history-logged');
  await recordAuditPositions(
    unlogged.map(({ registrationId, entry }, index) => ({
      registrationId,
      prevHash: entry.record.prevHash,
      auditPosition: positions[index] as number,
    })),
  );
  progress();
  const documents = toWrite.map(({ entry }) => documentOfFirstEntry(entry));
  await insertEachOnce(Registration, documents);
  return documents;
}

/**
 * The first entry of a registration that is stored together with it (a migration's history rows, which
 * no workflow owns): its claim carries the whole document, so whoever completes the claim stores the
 * same registration the entry vouches for.
 */
function firstEntryWithDocument(request: TransitionRequest, pending: RegistrationDoc): ChainEntry {
  if (!request.from.includes(pending.status)) throw new TransitionRefused(pending._id, pending.status, request.to);
  const entry = chainEntryFor(request, pending);
  return { ...entry, set: { ...pending, ...entry.set } };
}

/** The registration a first entry's claim stores: its document with the entry as its whole chain. */
function documentOfFirstEntry({ record, set, unsetReasonCode }: ChainEntry): RegistrationDoc {
  const { reasonCode, ...fields } = set as RegistrationDoc;
  return {
    ...fields,
    ...(!unsetReasonCode && reasonCode !== undefined && { reasonCode }),
    decisions: [record],
    decisionKeys: [record.key],
    lastDecisionHash: record.hash,
  };
}

/** Whether a claimed entry is in the global log already: noted by its writer, or found there. */
async function isLogged(registrationId: string, claim: ChainEntry): Promise<boolean> {
  if ((await auditPositionOf(registrationId, claim.record.prevHash)) !== undefined) return true;
  return (await auditEntriesOf(registrationId)).some((logged) => logged.decisionHash === claim.record.hash);
}
