import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { config } from '../config/config';
import { connectDatabase, disconnectDatabase } from '../db/connection';
import { verifyDecisionChain } from '../db/decision-log';
import { Registration, type RegistrationDoc } from '../db/registrations';
import { escalationWorkflowId } from '../workflows/definitions';
import { summarizeHistory } from './history';
import { connectTemporalClient } from './temporal';

/**
 * `npm run audit -- <registration id>`: the registration's timeline from its workflow history, a check of
 * its decision hash chain, and a replay of the recorded histories (its own and its escalations') against
 * the current workflow code. Exits 1 when the chain is broken or a replay is not deterministic.
 */
async function main(registrationId: string | undefined): Promise<number> {
  if (!registrationId) {
    process.stderr.write('usage: npm run audit -- <registration id>\n');
    return 2;
  }
  const cfg = config();
  Runtime.install({ logger: new DefaultLogger('WARN') });
  await connectDatabase(cfg.MONGODB_URI);
  const temporal = await connectTemporalClient(cfg);
  try {
    const registration = await Registration.findById(registrationId).lean<RegistrationDoc>().exec();
    if (!registration) {
      process.stderr.write(`no registration ${registrationId}\n`);
      return 1;
    }
    const out = (line = '') => process.stdout.write(`${line}\n`);
    out(`${registration._id}  ${registration.status}${registration.reasonCode ? ` (${registration.reasonCode})` : ''}`);
    out(
      `  reseller ${registration.resellerId} via ${registration.distributorId}, sequence ${registration.sequence}, policy v${registration.policyVersion}`,
    );
    out(
      `  customer ${registration.customer.name}; ${registration.opportunity.title} [${registration.opportunity.productLines.join(', ')}]`,
    );

    out('\nDecisions');
    for (const d of registration.decisions) {
      out(
        `  ${d.at}  ${d.fromStatus} → ${d.toStatus}${d.reasonCode ? ` (${d.reasonCode})` : ''}  by ${d.decidedBy.kind}${d.decidedBy.id ? ` ${d.decidedBy.id}` : ''}, policy v${d.policyVersion}`,
      );
      out(`      ${d.explanation}`);
      out(`      hash ${d.hash.slice(0, 16)}… ← ${d.prevHash.slice(0, 16)}…`);
    }
    const chain = verifyDecisionChain(registration.decisions, registration.lastDecisionHash);
    out(
      `\nHash chain: ${chain.ok ? `intact (${chain.entries} entries)` : `BROKEN at entry ${chain.brokenAt ?? 'end'}: ${chain.problem}`}`,
    );

    const workflowIds = [
      registration.workflowId,
      ...new Set(registration.decisions.flatMap((d) => (d.escalationId ? [escalationWorkflowId(d.escalationId)] : []))),
    ];
    let deterministic = true;
    for (const workflowId of workflowIds) {
      const history = await temporal.workflow.getHandle(workflowId).fetchHistory();
      out(`\nTimeline of ${workflowId}`);
      for (const event of summarizeHistory(history.events ?? []))
        out(`  ${event.at}  #${event.eventId}  ${event.summary}`);
      try {
        await Worker.runReplayHistory(
          { workflowsPath: require.resolve('../workflows'), replayName: 'audit' },
          history,
          workflowId,
        );
        out(`Replay against the current workflow code: deterministic`);
      } catch (error) {
        deterministic = false;
        out(
          `Replay against the current workflow code: NOT deterministic: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
    return chain.ok && deterministic ? 0 : 1;
  } finally {
    await temporal.connection.close();
    await disconnectDatabase();
  }
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`audit: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
