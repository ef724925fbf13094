import type { Logger } from 'pino';
import { completeInterruptedSubmission, type SubmitDeps } from '../client/submit-registration';
import { Intake } from '../db/intake';

/** A submission older than this whose API process has not finished it is finished here. */
const STALE_AFTER_MS = 15_000;
/** One without a sequence after this was never accepted and is discarded. */
const ABANDON_AFTER_MS = 60_000;
/** A claimed number its API process has not recorded after this is recorded here. */
const TAKE_OVER_AFTER_MS = 60_000;

/** Finishes submissions that an API process left half done when it died (see db/intake.ts). */
export function startIntakeSweeper(deps: SubmitDeps, logger: Logger, everyMs = 5_000): { stop(): void } {
  const timer = setInterval(async () => {
    try {
      const stale = await Intake.find({ at: { $lt: new Date(Date.now() - STALE_AFTER_MS) } })
        .limit(100)
        .lean()
        .exec();
      for (const entry of stale) {
        const result = await completeInterruptedSubmission(deps, entry._id, {
          abandonAfterMs: ABANDON_AFTER_MS,
          takeOverAfterMs: TAKE_OVER_AFTER_MS,
        });
        if (result !== 'waiting') logger.info({ registrationId: entry._id, result }, 'interrupted submission swept');
      }
    } catch (error) {
      logger.warn({ err: error }, 'intake sweep failed');
    }
  }, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
