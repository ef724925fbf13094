import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Named places between two writes where the crash tests kill the worker (SIGKILL, as the kernel's
 * out-of-memory killer would), to prove that a retry completes whatever was half done. Armed only when
 * `NODE_ENV=test` and `DEALREG_CRASH_AT` names the point; each point fires once per
 * `DEALREG_CRASH_ONCE_DIR`, so the restarted worker goes on. A production process never honours it:
 * the configuration refuses `DEALREG_CRASH_AT` outside tests.
 */
export const crashPoints = [
  'accept:listed',
  'accept:numbered',
  'accept:stored',
  'step:chain-claimed',
  'step:logged',
  'step:entry-written',
  'step:facts-recorded',
  'step:released',
  'escalation:started',
  'escalation:saved',
  'dispatch:wake-deleted',
  'dispatch:delivered',
  'import:block-drawn',
  'import:rows-started',
  'import:history-claimed',
  'import:history-logged',
  'import:history-stored',
] as const;
export type CrashPoint = (typeof crashPoints)[number];

function armed(point: CrashPoint): boolean {
  if (process.env.NODE_ENV !== 'test') return false;
  const wanted = process.env.DEALREG_CRASH_AT;
  return wanted?.split(',').includes(point) === true;
}

/** Kills this process here, once, when the crash tests ask for it; does nothing otherwise. */
export async function crashPoint(point: CrashPoint): Promise<void> {
  if (!armed(point)) return;
  const dir = process.env.DEALREG_CRASH_ONCE_DIR;
  if (!dir) return;
  const marker = path.join(dir, point);
  if (existsSync(marker)) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(marker, `${process.pid}\n`);
  process.kill(process.pid, 'SIGKILL');
  // SIGKILL is not delivered synchronously; nothing after this point may run.
  await new Promise(() => undefined);
}
