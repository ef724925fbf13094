import mongoose from 'mongoose';
import { deriveAuditKeys, signText } from '../../config/audit-key';
import {
  AuditLog,
  type AuditLogDoc,
  type AuditLogEntry,
  appendBlockToAuditLog,
  appendToAuditLog,
  auditLogId,
  hashAuditEntry,
  verifyAuditLog,
} from '../../db/audit-log';
import { connectDatabase, disconnectDatabase, ensureIndexes } from '../../db/connection';
import { testDatabaseUri } from '../support/harness';

const keys = deriveAuditKeys(Buffer.alloc(32, 7));
const hintReads: string[] = [];

beforeAll(async () => {
  await connectDatabase(testDatabaseUri(`audit_append_${process.pid}`));
  await mongoose.connection.dropDatabase();
  await ensureIndexes();
  mongoose.connection.getClient().on('commandStarted', (event) => {
    if (event.commandName === 'find' && event.command.find === 'auditloghint')
      hintReads.push(event.requestId.toString());
  });
});

afterAll(async () => {
  await mongoose.connection.dropDatabase().catch(() => undefined);
  await disconnectDatabase();
});

const decision = (n: number) => ({
  registrationId: `reg_append_${n}`,
  decisionKey: `decision:${n}`,
  decisionHash: `hash-${n}`,
  toStatus: 'approved' as const,
  at: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
});

/** Appends, answering the position and how many times the shared head hint was read meanwhile. */
async function append(n: number): Promise<{ position: number; hintReads: number }> {
  const before = hintReads.length;
  const position = await appendToAuditLog(decision(n), keys);
  return { position, hintReads: hintReads.length - before };
}

/** What another process appending at `position` writes: a signed entry chained to the one before. */
async function appendedElsewhere(position: number): Promise<void> {
  const previous = await AuditLog.findById(auditLogId(position - 1))
    .lean<AuditLogDoc>()
    .exec();
  const entry: AuditLogEntry = { ...decision(100 + position), position, prevHash: previous!.hash, keyId: keys.keyId };
  const hash = hashAuditEntry(entry);
  await AuditLog.create({ ...entry, _id: auditLogId(position), hash, signature: signText(keys, 'audit-log', hash) });
}

test('an append starts from this process’s last entry, and reads the shared head only once that turns out taken', async () => {
  // The first append of a process has no entry of its own to start from.
  expect(await append(1)).toEqual({ position: 1, hintReads: 1 });
  // The next starts from it: no read of the hint.
  expect(await append(2)).toEqual({ position: 2, hintReads: 0 });
  // Another process appended since: the position after ours is taken, so the hint is read once.
  await appendedElsewhere(3);
  expect(await append(4)).toEqual({ position: 4, hintReads: 1 });
  expect(await append(5)).toEqual({ position: 5, hintReads: 0 });

  const log = await verifyAuditLog(keys.publicKey, keys.keyId);
  expect(log.problems).toEqual([]);
  expect(log.entries).toBe(5);
});

test('a block is appended in order after the head, following an entry another process appended first', async () => {
  await appendedElsewhere(6);
  const positions = await appendBlockToAuditLog([decision(20), decision(21), decision(22)], keys);
  expect(positions).toEqual([7, 8, 9]);
  // The next single append starts after the block.
  expect((await append(23)).position).toBe(10);

  const log = await verifyAuditLog(keys.publicKey, keys.keyId);
  expect(log.problems).toEqual([]);
  expect(log.entries).toBe(10);
  const block = await AuditLog.find({ _id: { $in: [7, 8, 9].map(auditLogId) } })
    .lean<AuditLogDoc[]>()
    .exec();
  expect(block.map((entry) => entry.decisionKey).sort()).toEqual(['decision:20', 'decision:21', 'decision:22']);
});
