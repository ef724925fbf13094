import type { LookInput, WeighResult } from '../workflows/definitions';
import { currentRun, escalationIdFor } from './escalation-ids';
import { weighIn } from './weigh';

/**
 * An approved import's look at its deal, writing nothing: it keeps its approval when nobody holds the deal;
 * when a live registration (or an approved import numbered before it) does, whatever the engine would have
 * decided for a new one, it is escalated for a channel manager with the holders shown, never rejected
 * silently. `escalationId`: the escalation the migration's plan chose for the deal's claimants (every
 * approved import on one deal joins the same one). Waits for earlier registrations of the deal as a
 * first decision does.
 */
export async function weighArrival({
  escalationId: planned,
  ...input
}: { registrationId: string; escalationId?: string } & LookInput): Promise<WeighResult> {
  const run = currentRun();
  const looked = await weighIn(() => run, { ...input, mode: 'decision', distinctFrom: [], attempt: 0 });
  if ('waitFor' in looked || (looked.verdict.decision.outcome === 'approve' && !planned)) return looked;
  const escalationId = planned ?? looked.verdict.escalationId ?? escalationIdFor('import-conflict', run);
  return { ...looked, verdict: { ...looked.verdict, escalationId } };
}
