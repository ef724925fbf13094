import type mongoose from 'mongoose';

/** Database commands this process has sent, by command name (find, insert, update, aggregate...). */
const commandCounts = new Map<string, number>();
/** Documents the server returned to this process's reads (find and getMore batches), in all. */
let documentsRead = 0;

/**
 * Counts every command the driver sends (command monitoring): the database round trips behind each
 * request, visible on /metrics, and the documents reads brought back (what a list page costs). The
 * driver must be connected with `monitorCommands: true`.
 */
export function countCommandsOf(client: mongoose.mongo.MongoClient): void {
  client.on('commandStarted', (event) => {
    commandCounts.set(event.commandName, (commandCounts.get(event.commandName) ?? 0) + 1);
  });
  client.on('commandSucceeded', (event) => {
    const cursor = (event.reply as { cursor?: { firstBatch?: unknown[]; nextBatch?: unknown[] } } | undefined)?.cursor;
    documentsRead += (cursor?.firstBatch?.length ?? 0) + (cursor?.nextBatch?.length ?? 0);
  });
}

export function databaseCommandCounts(): ReadonlyMap<string, number> {
  return commandCounts;
}

export function databaseDocumentsRead(): number {
  return documentsRead;
}
