import type { Client } from '@temporalio/client';
import type { Logger } from 'pino';

/** What activities need besides the database (which they reach through mongoose's process-wide connection). */
export interface ActivityDeps {
  temporal: Client;
  taskQueue: string;
  logger: Logger;
}
