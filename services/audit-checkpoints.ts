import type { KeyObject } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import stringify from 'safe-stable-stringify';
import { z } from 'zod';
import { type AuditKeys, signText, verifyText } from '../config/audit-key';
import { auditLogId } from '../db/audit-log';

/**
 * A checkpoint of the global audit log, kept outside the database: the head's position and hash,
 * signed. A database writer who cuts the log short or rewrites it up to the head cannot make it match
 * a checkpoint written earlier. One folder per database, one file per checkpoint (never overwritten
 * with another head), so that an operator may also copy them elsewhere (write-once storage, mail).
 */
export const checkpointSchema = z.object({
  database: z.string(),
  position: z.number().int().nonnegative(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string(),
  keyId: z.string(),
  signature: z.string(),
});
export type Checkpoint = z.infer<typeof checkpointSchema>;

const PURPOSE = 'audit-checkpoint';
const signedText = (c: Omit<Checkpoint, 'signature' | 'keyId'>) =>
  stringify({ database: c.database, position: c.position, hash: c.hash, at: c.at }) ?? '';

const folderOf = (dir: string, database: string) => path.join(dir, database.replace(/[^A-Za-z0-9_.-]/g, '_'));

export async function writeCheckpoint(
  dir: string,
  database: string,
  head: { position: number; hash: string },
  keys: AuditKeys,
): Promise<{ checkpoint: Checkpoint; file: string }> {
  const unsigned = { database, position: head.position, hash: head.hash, at: new Date().toISOString() };
  const checkpoint: Checkpoint = {
    ...unsigned,
    keyId: keys.keyId,
    signature: signText(keys, PURPOSE, signedText(unsigned)),
  };
  const folder = folderOf(dir, database);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const file = path.join(folder, `${auditLogId(head.position)}.json`);
  // Written aside and renamed: a checkpoint file is whole or absent.
  const partial = `${file}.${process.pid}.partial`;
  await writeFile(partial, `${JSON.stringify(checkpoint, null, 2)}\n`, { mode: 0o600 });
  await rename(partial, file);
  return { checkpoint, file };
}

export interface LoadedCheckpoint {
  checkpoint: Checkpoint;
  file: string;
  /** Why it cannot be trusted, if it cannot. */
  problem?: string;
}

/** Every checkpoint of a database, oldest first, each checked against its signature. */
export async function readCheckpoints(
  dir: string,
  database: string,
  publicKey: KeyObject,
): Promise<LoadedCheckpoint[]> {
  const folder = folderOf(dir, database);
  const names = (await readdir(folder).catch(() => [] as string[])).filter((name) => /^\d+\.json$/.test(name)).sort();
  const loaded: LoadedCheckpoint[] = [];
  for (const name of names) {
    const file = path.join(folder, name);
    const parsed = checkpointSchema.safeParse(parseJson(await readFile(file, 'utf8')));
    if (!parsed.success) {
      loaded.push({
        checkpoint: { database, position: 0, hash: '', at: '', keyId: '', signature: '' },
        file,
        problem: 'not a checkpoint file',
      });
      continue;
    }
    const checkpoint = parsed.data;
    const problem =
      checkpoint.database !== database
        ? `belongs to database ${checkpoint.database}`
        : !verifyText(publicKey, PURPOSE, signedText(checkpoint), checkpoint.signature)
          ? 'its signature does not verify'
          : undefined;
    loaded.push({ checkpoint, file, ...(problem ? { problem } : {}) });
  }
  return loaded;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
