import client from 'prom-client';
import { databaseCommandCounts } from '../db/command-count';
import { temporalRpcCounts } from './temporal-rpc-count';

function exposeCounts(
  registry: client.Registry,
  name: string,
  help: string,
  label: string,
  counts: () => ReadonlyMap<string, number>,
): void {
  new client.Counter({
    name,
    help,
    labelNames: [label],
    registers: [registry],
    collect() {
      this.reset();
      for (const [value, count] of counts()) this.inc({ [label]: value }, count);
    },
  });
}

/** The round trips this process makes to the database and to Temporal, as counters in `registry`. */
export function registerRoundTripCounters(registry: client.Registry): void {
  exposeCounts(
    registry,
    'dealreg_db_commands_total',
    'Database commands sent by this process, by command name',
    'command',
    databaseCommandCounts,
  );
  exposeCounts(
    registry,
    'dealreg_temporal_rpcs_total',
    'Temporal RPCs sent by this process (through its client connection), by method',
    'method',
    temporalRpcCounts,
  );
}
