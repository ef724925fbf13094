import type { Logger } from 'pino';

export interface PollLoop {
  isStopping(): boolean;
  /** Asks the loop to stop and resolves once its round in progress has ended. */
  stop(): Promise<void>;
}

/**
 * Runs `round` again `pollMs` after each one ends, until stopped; a failed round is logged and the next
 * one runs as usual. The dispatchers (webhooks, mail) each run their rounds this way.
 */
export function startPollLoop(
  round: (isStopping: () => boolean) => Promise<void>,
  options: { pollMs: number; logger: Logger; what: string },
): PollLoop {
  let stopping = false;
  const isStopping = () => stopping;
  let current: Promise<void> = Promise.resolve();
  const loop = async () => {
    while (!stopping) {
      current = round(isStopping).catch((error) => options.logger.warn({ err: error }, `${options.what} round failed`));
      await current;
      await new Promise((resolve) => setTimeout(resolve, options.pollMs));
    }
  };
  void loop();
  return {
    isStopping,
    async stop() {
      stopping = true;
      await current;
    },
  };
}
