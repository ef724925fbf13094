import { progress } from '../../scripts/dev-stack/stack';
import { memoryOf, type WatchedProcess } from '../infra/proc-stats';
import { epochMs, type LoadResult, runPaced } from '../load/driver';
import { type MemoryLook, type SoakVerdict, soakVerdict } from '../report/soak-verdict';
import { type DealregDriver, sender } from './load-phase';
import type { MixPlanner, PlannedRegistration } from './mix';

const LOOK_EVERY_MS = 30_000;

/**
 * The soak (`--soak`): registrations paced at half of dealreg's own saturation for `minutes`, every
 * watched process's memory looked at every 30 s, then judged by `soakVerdict`. Says how far it is each minute.
 */
export async function runSoak(
  driver: DealregDriver,
  planner: MixPlanner,
  ratePerSecond: number,
  minutes: number,
  watched: WatchedProcess[],
): Promise<{ verdict: SoakVerdict; load: LoadResult<string>; plan: PlannedRegistration[] }> {
  const plan = planner.plan('hybrid', Math.max(1, Math.round(ratePerSecond * minutes * 60)));
  progress(`soak: ${plan.length} registrations at ${ratePerSecond.toFixed(1)}/s for ${minutes} min`);
  const looks: MemoryLook[] = [];
  const look = () =>
    looks.push({
      atMs: epochMs(),
      rssMiB: Object.fromEntries(
        watched.map((w) => [w.label, w.pids().reduce((sum, pid) => sum + (memoryOf(pid)?.rssMiB ?? 0), 0)]),
      ),
    });
  const startedAt = epochMs();
  look();
  const looking = setInterval(look, LOOK_EVERY_MS);
  const telling = setInterval(() => {
    const minute = Math.round((epochMs() - startedAt) / 60_000);
    progress(`soak: ${minute} of ${minutes} min, ${driver.sent.count} sent in the run so far`);
  }, 60_000);
  try {
    const load = await runPaced(plan, ratePerSecond, 512, sender(driver));
    look();
    return { verdict: soakVerdict(load.startedAt, load.endedAt, load.samples, looks, load.notSent), load, plan };
  } finally {
    clearInterval(looking);
    clearInterval(telling);
  }
}
