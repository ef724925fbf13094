import { parseArgs } from 'node:util';
import { progress } from '../../scripts/dev-stack/stack';
import { stopAllChildren } from '../infra/children';
import { importGoals, importLines, runImportBench } from './run';

/**
 * The import phase alone, against servers that already run (the shared stack, or any Temporal and
 * MongoDB): it starts its own worker and API processes on a task queue and database of their own.
 *
 *   npx tsx bench/imports/run-alone.ts --temporal 127.0.0.1:27233 --mongodb mongodb://127.0.0.1:47017 --size 100000
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      temporal: { type: 'string', default: process.env.TEMPORAL_ADDRESS },
      mongodb: { type: 'string', default: process.env.MONGODB_URI },
      size: { type: 'string', default: String(importGoals.size) },
    },
  });
  if (!values.temporal || !values.mongodb) throw new Error('give --temporal host:port and --mongodb mongodb://…');
  const size = Number(values.size);
  if (!Number.isInteger(size) || size < 1)
    throw new Error(`--size must be a positive whole number, got ${values.size}`);
  const result = await runImportBench({ size, temporalAddress: values.temporal, mongodbUri: values.mongodb });
  process.stdout.write(`${importLines(result).join('\n')}\n`);
  const met = result.totalSeconds !== undefined && result.totalSeconds <= importGoals.maxSeconds;
  progress(
    `goal: ${importGoals.size} accounts within ${importGoals.maxSeconds} s — ${size < importGoals.size ? `measured at ${size}` : met ? 'met' : 'MISSED'}`,
  );
}

main().then(
  () => process.exit(0),
  async (error) => {
    process.stderr.write(`import bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    await stopAllChildren();
    process.exit(1);
  },
);
