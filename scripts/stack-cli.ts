import { profiles, progress, startStack } from './dev-stack/stack';

/** `npm run stack [dev|test|bench]`: only the two servers, until Ctrl-C (for running tests or tools by hand). */
async function main(): Promise<void> {
  const name = (process.argv[2] ?? 'dev') as keyof typeof profiles;
  const profile = profiles[name];
  if (!profile) throw new Error(`unknown profile ${name}; use one of ${Object.keys(profiles).join(', ')}`);
  const stack = await startStack(profile);
  progress(`TEMPORAL_ADDRESS=${stack.temporalAddress} MONGODB_URI=${stack.mongodbUri}`);
  if (stack.temporalUiUrl) progress(`Temporal UI: ${stack.temporalUiUrl}`);
  if (stack.mailWebUrl) progress(`SMTP_URL=${stack.smtpUrl}; mail catcher: ${stack.mailWebUrl}`);
  progress('running; Ctrl-C stops the servers');
  await new Promise<void>((resolve) => {
    // Kept for the whole shutdown: a second signal (npm relays one, a terminal sends another) must not
    // end the process while it is still stopping the servers.
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => resolve());
  });
  await stack.stop();
}

main().catch((error) => {
  process.stderr.write(`dealreg: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
