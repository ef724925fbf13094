import type mongoose from 'mongoose';

/** Database commands this process has sent, by command name (find, insert, update, aggregate...). */
const commandCounts = new Map<string, number>();

/**
 * Counts every command the driver sends (command monitoring): the database round trips behind each
 * request, visible on /metrics. The driver must be connected with `monitorCommands: true`.
 */
export function countCommandsOf(client: mongoose.mongo.MongoClient): void {
  client.on('commandStarted', (event) => {
    commandCounts.set(event.commandName, (commandCounts.get(event.commandName) ?? 0) + 1);
  });
}

export function databaseCommandCounts(): ReadonlyMap<string, number> {
  return commandCounts;
}
