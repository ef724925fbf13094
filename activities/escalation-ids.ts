import { createHmac } from 'node:crypto';
import { Context } from '@temporalio/activity';

/** The workflow run an activity works for. Its run id is random and shown to no partner. */
export interface WorkflowRun {
  workflowId: string;
  runId: string;
}

export function currentRun(): WorkflowRun {
  const run = Context.current().info.workflowExecution;
  if (!run) throw new Error('an escalation is opened by a workflow run, and this activity runs outside one');
  return run;
}

/**
 * The one way an escalation is named. A later contender joins an escalation under its name and
 * events carry it, so the name must say nothing of the registration that opened it: it is an HMAC
 * keyed by the run id of the workflow that opens it. Derived rather than drawn, so a retried
 * activity of that run gets the same name and never opens a second escalation. `purpose` tells
 * apart the escalations one registration may open (`contest:<attempt>`, `extension:<ordinal>`).
 */
export function escalationIdFor(purpose: string, run: WorkflowRun = currentRun()): string {
  const mac = createHmac('sha256', run.runId).update(`escalation\n${run.workflowId}\n${purpose}`).digest('hex');
  return `esc_${mac.slice(0, 32)}`;
}
