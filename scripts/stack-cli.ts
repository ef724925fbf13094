import { mkdir } from 'node:fs/promises';
import { claimStack } from './dev-stack/pid-files';
import { installStopHandlers, isStopping, stopAndExit } from './dev-stack/shutdown';
import { type ProfileName, profiles, progress, runDirOf, startStack, stopLeftoversOf } from './dev-stack/stack';
import { Supervisor } from './dev-stack/supervise';

/** `npm run stack [dev|test|bench]`: only the servers, until Ctrl-C (for running tests or tools by hand). */
async function main(): Promise<void> {
  const supervisor = new Supervisor({ say: progress, giveUp: (message) => void stopAndExit(1, message) });
  installStopHandlers({ say: progress, stop: (deadline) => supervisor.stop(deadline) });
  const name = (process.argv[2] ?? 'dev') as ProfileName;
  const profile = profiles[name];
  if (!profile) throw new Error(`unknown profile ${name}; use one of ${Object.keys(profiles).join(', ')}`);
  await mkdir(runDirOf(profile), { recursive: true });
  await claimStack(runDirOf(profile));
  await stopLeftoversOf(profile);
  const stack = await startStack(profile, process.env, supervisor);
  progress(`TEMPORAL_ADDRESS=${stack.temporalAddress} MONGODB_URI=${stack.mongodbUri}`);
  if (stack.temporalUiUrl) progress(`Temporal UI: ${stack.temporalUiUrl}`);
  progress('running; Ctrl-C stops the servers');
}

main().catch((error) => {
  if (isStopping()) return;
  void stopAndExit(1, error instanceof Error ? error.message : String(error));
});
