/**
 * Servers the benchmark started and has not stopped yet. They run in their own process groups (so a
 * terminal's Ctrl-C reaches only us), which means we must stop them ourselves when interrupted.
 */
const stoppers = new Set<() => Promise<void>>();

/** Registers `stop` to run on interruption; call the returned function once it has been stopped normally. */
export function stopOnInterrupt(stop: () => Promise<void>): () => void {
  stoppers.add(stop);
  return () => stoppers.delete(stop);
}

/** Stops everything still registered, newest first. */
export async function stopEverything(): Promise<void> {
  for (const stop of [...stoppers].reverse()) {
    await stop().catch((error) => process.stderr.write(`bench: while stopping: ${String(error)}\n`));
    stoppers.delete(stop);
  }
}
