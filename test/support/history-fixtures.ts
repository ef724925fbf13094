import { temporal } from '@temporalio/proto';

type History = temporal.api.history.v1.IHistory;
const HistoryMessage = temporal.api.history.v1.History;

/**
 * Histories kept as replay fixtures, in protobufjs' object form (enums by name, 64-bit numbers and
 * payload bytes as strings): readable enough to diff, and converted back exactly.
 */
export function historyToFixture(history: History): unknown {
  return HistoryMessage.toObject(HistoryMessage.fromObject(history), { longs: String, enums: String, bytes: String });
}

export function historyFromFixture(fixture: unknown): temporal.api.history.v1.History {
  return HistoryMessage.fromObject(fixture as Record<string, unknown>);
}
