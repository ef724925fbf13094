import { parseArgs } from 'node:util';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import mongoose from 'mongoose';
import { type AuditKeys, type AuditVerifier, exportPublicKey, loadAuditVerifier } from '../config/audit-key';
import { auditCheckpointDir, type Config, config } from '../config/config';
import {
  AuditLog,
  type AuditLogDoc,
  auditEntriesOf,
  auditLogId,
  checkAuditEntry,
  verifyAuditLog,
} from '../db/audit-log';
import { connectDatabase, disconnectDatabase } from '../db/connection';
import { verifyDecisionChain } from '../db/decision-log';
import { Registration, type RegistrationDoc } from '../db/registrations';
import type { AccountFacts, DeclaredRouting } from '../domain/accounts/routing-facts';
import type { Actor } from '../domain/actor';
import { escalationWorkflowId } from '../workflows/definitions';
import { actorNamer, describeActor, legacyActor } from './actor-names';
import { readCheckpoints, writeCheckpoint } from './audit-checkpoints';
import { compareWithHistory } from './decision-history-check';
import { completedActivities, summarizeHistory } from './history';
import { connectTemporalClient } from './temporal';

const usage = `usage:
  npm run audit                       verify the global audit log from its last checkpoint
  npm run audit -- --full             verify the whole global audit log against every checkpoint
  npm run audit -- --checkpoint       verify, then write a checkpoint of the log's head outside the database
  npm run audit -- <registration id>  a registration's timeline, its signed decision chain, its entries in
                                      the global log, its decisions against its workflow history, and a replay
  npm run audit -- --public-key       print the audit key's public half, for DEALREG_AUDIT_PUBLIC_KEY: with
                                      only that, an auditor verifies everything but cannot write checkpoints
Exits 1 when anything does not verify.
`;

const out = (line = '') => process.stdout.write(`${line}\n`);

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      checkpoint: { type: 'boolean' },
      full: { type: 'boolean' },
      'public-key': { type: 'boolean' },
      help: { type: 'boolean' },
    },
    allowPositionals: true,
  });
  if (values.help || positionals.length > 1 || (positionals.length === 1 && (values.checkpoint || values.full))) {
    process.stderr.write(usage);
    return 2;
  }
  const cfg = config();
  const keys = loadAuditVerifier(cfg);
  if (values['public-key']) {
    out(exportPublicKey(keys.publicKey));
    return 0;
  }
  if (values.checkpoint && !('signingKey' in keys)) {
    process.stderr.write('--checkpoint signs the checkpoint: it needs the audit key, not only its public half\n');
    return 2;
  }
  await connectDatabase(cfg.MONGODB_URI);
  try {
    if (positionals[0]) return await auditRegistration(cfg, keys, positionals[0]);
    return await auditGlobalLog(cfg, keys, { checkpoint: Boolean(values.checkpoint), full: Boolean(values.full) });
  } finally {
    await disconnectDatabase();
  }
}

/** The global log from the last checkpoint (or all of it), and the checkpoints against the log. */
async function auditGlobalLog(
  cfg: Config,
  keys: AuditKeys | AuditVerifier,
  options: { checkpoint: boolean; full: boolean },
): Promise<number> {
  const database = mongoose.connection.db?.databaseName ?? 'dealreg';
  const dir = auditCheckpointDir(cfg);
  const checkpoints = await readCheckpoints(dir, database, keys.publicKey);
  let ok = true;
  for (const bad of checkpoints.filter((loaded) => loaded.problem)) {
    ok = false;
    out(`Checkpoint ${bad.file}: NOT TRUSTED: ${bad.problem}`);
  }
  const trusted = checkpoints.filter((loaded) => !loaded.problem);
  const last = trusted.at(-1)?.checkpoint;
  const start = options.full || !last ? undefined : { position: last.position, hash: last.hash };
  out(
    start
      ? `Global audit log of ${database}, from the checkpoint at position ${start.position} (${trusted.at(-1)?.file})`
      : `Global audit log of ${database}, from its first entry${trusted.length === 0 ? ' (no checkpoint yet)' : ''}`,
  );
  const check = await verifyAuditLog(keys.publicKey, keys.keyId, start);
  for (const problem of check.problems) out(`  BROKEN at position ${problem.position}: ${problem.problem}`);
  if (options.full) {
    for (const { checkpoint, file } of trusted) {
      const problem = await checkpointAgainstLog(checkpoint, keys);
      if (problem) out(`  BROKEN against checkpoint ${file}: ${problem}`);
      ok &&= !problem;
    }
  }
  ok &&= check.ok;
  out(
    `${ok ? 'Intact' : 'NOT intact'}: ${check.entries} entries verified after position ${check.from}; head at position ${check.head.position} (${check.head.hash.slice(0, 16)}…)`,
  );
  if (!ok) return 1;
  if (options.checkpoint && 'signingKey' in keys) {
    const { file } = await writeCheckpoint(dir, database, check.head, keys);
    out(`Checkpoint written: ${file}`);
  }
  return 0;
}

async function checkpointAgainstLog(
  checkpoint: { position: number; hash: string },
  keys: AuditVerifier,
): Promise<string | undefined> {
  if (checkpoint.position === 0) return undefined;
  const entry = await AuditLog.findById(auditLogId(checkpoint.position)).lean<AuditLogDoc>().exec();
  if (!entry) return `position ${checkpoint.position} is missing from the log`;
  if (entry.hash !== checkpoint.hash) return `position ${checkpoint.position} has another hash`;
  return checkAuditEntry(entry, keys.publicKey, keys.keyId);
}

/**
 * A registration: its timeline from its workflow history, its decision chain with signatures and core
 * facts, its entries in the global log, each decision against what the workflow recorded, and a replay
 * of the recorded histories (its own and its escalations') against the current workflow code.
 */
async function auditRegistration(cfg: Config, keys: AuditVerifier, registrationId: string): Promise<number> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const temporal = await connectTemporalClient(cfg);
  try {
    const registration = await Registration.findById(registrationId).lean<RegistrationDoc>().exec();
    if (!registration) {
      process.stderr.write(`no registration ${registrationId}\n`);
      return 1;
    }
    out(`${registration._id}  ${registration.status}${registration.reasonCode ? ` (${registration.reasonCode})` : ''}`);
    out(
      `  reseller ${registration.resellerId} via ${registration.distributorId}, sequence ${registration.sequence}, policy v${registration.policyVersion}`,
    );
    out(
      `  customer ${registration.customer.name}; ${registration.opportunity.title} [${registration.opportunity.productLines.join(', ')}]`,
    );
    if (registration.account) out(`  ${routedByAccount(registration.account, registration.declared)}`);

    // Who entered it and who made each decision, named now: entries record ids only (`actor` where the
    // workflow records one, else the key id in `decidedBy`).
    const actorOf = (d: (typeof registration.decisions)[number]) =>
      (d as { actor?: Actor }).actor ?? legacyActor(d.decidedBy.id);
    const enteredBy = (registration as { enteredBy?: Actor }).enteredBy;
    const named = await actorNamer([enteredBy, ...registration.decisions.map(actorOf)]);
    if (enteredBy) out(`  entered by ${describeActor(named(enteredBy))}`);
    const { arrival } = registration;
    if (arrival)
      out(
        `  migrated by import ${arrival.importId} (row ${arrival.row}): ${arrival.status} in the system it came from, submitted there ${arrival.submittedAt}`,
      );

    out('\nDecisions');
    for (const d of registration.decisions) {
      const who = actorOf(d);
      out(
        `  ${d.at}  ${d.fromStatus} → ${d.toStatus}${d.reasonCode ? ` (${d.reasonCode})` : ''}  by ${d.decidedBy.kind}${who?.kind === 'user' || who?.kind === 'key' ? ` ${describeActor(named(who))}` : d.decidedBy.id ? ` ${d.decidedBy.id}` : ''}, policy v${d.policyVersion}`,
      );
      out(`      ${d.explanation}`);
      // What the previous system decided left no history here: only the arrival itself is on record.
      if (d.kind === 'imported')
        out('      imported: the state the registration came with; no earlier workflow history to compare');
      out(
        `      hash ${d.hash.slice(0, 16)}… ← ${d.prevHash.slice(0, 16)}…, ${d.signature ? `signed by ${d.keyId}` : 'unsigned (legacy)'}`,
      );
    }
    const chain = verifyDecisionChain(registration.decisions, registration.lastDecisionHash, {
      publicKey: keys.publicKey,
      keyId: keys.keyId,
      registration,
    });
    out(
      `\nHash chain: ${
        chain.ok
          ? `intact (${chain.entries} entries${chain.unsigned ? `, ${chain.unsigned} unsigned (legacy)` : ''})`
          : `BROKEN at entry ${chain.brokenAt ?? 'end'}: ${chain.problem}`
      }`,
    );

    const logProblems = globalLogProblems(registration, await auditEntriesOf(registration._id), keys);
    out(
      `Global audit log: ${logProblems.length === 0 ? 'every signed decision is there' : `MISMATCH\n${logProblems.map((p) => `  ${p}`).join('\n')}`}`,
    );

    // A closed import stored for history was written by its import, with no workflow to compare with.
    if (registration.historyOnly)
      out(
        `\nWorkflow history: none: stored for history by import ${registration.arrival?.importId}, closed as it came, with no workflow run`,
      );
    const workflowIds = [
      ...(registration.historyOnly ? [] : [registration.workflowId]),
      ...new Set(registration.decisions.flatMap((d) => (d.escalationId ? [escalationWorkflowId(d.escalationId)] : []))),
    ];
    let deterministic = true;
    let historyAgrees = true;
    for (const workflowId of workflowIds) {
      const history = await temporal.workflow.getHandle(workflowId).fetchHistory();
      out(`\nTimeline of ${workflowId}`);
      for (const event of summarizeHistory(history.events ?? []))
        out(`  ${event.at}  #${event.eventId}  ${event.summary}`);
      if (workflowId === registration.workflowId) {
        // Every decision on a registration is recorded by its own workflow's activities.
        const mismatches = compareWithHistory(registration.decisions, completedActivities(history.events ?? []));
        historyAgrees = mismatches.length === 0;
        out(
          `Decisions against the workflow history: ${
            historyAgrees
              ? 'all agree'
              : `MISMATCH\n${mismatches.map((m) => `  entry ${m.index} (${m.key}): ${m.problem}`).join('\n')}`
          }`,
        );
      }
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
    return chain.ok && logProblems.length === 0 && historyAgrees && deterministic ? 0 : 1;
  } finally {
    await temporal.connection.close();
  }
}

/**
 * Every global entry of the registration must be one of its decisions, and every signed decision must
 * have a global entry (one is appended before the decision is written): stripping the signatures off a
 * rewritten chain therefore still shows. A decision may appear twice (a writer died between the two).
 */
function globalLogProblems(
  registration: RegistrationDoc,
  entries: readonly AuditLogDoc[],
  keys: AuditVerifier,
): string[] {
  const problems: string[] = [];
  const byHash = new Map(registration.decisions.map((d) => [d.hash, d]));
  const logged = new Set<string>();
  for (const entry of entries) {
    const bad = checkAuditEntry(entry, keys.publicKey, keys.keyId);
    if (bad) problems.push(`global entry ${entry.position}: ${bad}`);
    const decision = byHash.get(entry.decisionHash);
    if (!decision)
      problems.push(
        `global entry ${entry.position} records a decision (${entry.decisionKey}: ${entry.toStatus}) that is not in the chain`,
      );
    else if (decision.key !== entry.decisionKey || decision.toStatus !== entry.toStatus)
      problems.push(`global entry ${entry.position} disagrees with decision ${decision.key}`);
    logged.add(entry.decisionHash);
  }
  for (const [index, decision] of registration.decisions.entries()) {
    if (decision.signature && !logged.has(decision.hash))
      problems.push(`entry ${index} (${decision.key}) is missing from the global log`);
  }
  return problems;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`audit: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);

/** What routed a registration matched to an account, as it was then, beside what the reseller declared. */
function routedByAccount(account: AccountFacts, declared: DeclaredRouting | undefined): string {
  const programs = account.programs.map((program) => program.name ?? program.id).join(', ') || 'none';
  const owner = account.owner ? `, owner ${account.owner.kind} ${account.owner.id}` : '';
  const facts = `${account.segment}, region ${account.region ?? 'none'}, programs ${programs}${owner}`;
  const typed = declared
    ? `; declared ${declared.segment ?? '-'}, region ${declared.region ?? 'none'}, program ${declared.program ?? 'none'}`
    : '';
  return `routed by account ${account.accountId} (${facts})${typed}`;
}
