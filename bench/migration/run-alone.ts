import { parseArgs } from 'node:util';
import { stopAllChildren } from '../infra/children';
import { migrationGoalChecks, migrationLines } from './phase';
import { migrationGoals, runMigrationBench } from './run';

/**
 * The migration phase alone, against servers that already run (the shared stack, or any Temporal and
 * MongoDB): it starts its own worker and API processes on a task queue and database of their own.
 *
 *   npx tsx bench/migration/run-alone.ts --temporal 127.0.0.1:27233 --mongodb mongodb://127.0.0.1:47017 --size 5000
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      temporal: { type: 'string', default: process.env.TEMPORAL_ADDRESS },
      mongodb: { type: 'string', default: process.env.MONGODB_URI },
      size: { type: 'string', default: String(migrationGoals.size) },
    },
  });
  if (!values.temporal || !values.mongodb) throw new Error('give --temporal host:port and --mongodb mongodb://…');
  const size = Number(values.size);
  if (!Number.isInteger(size) || size < 1)
    throw new Error(`--size must be a positive whole number, got ${values.size}`);
  const result = await runMigrationBench({ size, temporalAddress: values.temporal, mongodbUri: values.mongodb });
  process.stdout.write(`${migrationLines(result).join('\n')}\n`);
  for (const check of migrationGoalChecks(result))
    process.stdout.write(
      `goal: ${check.goal}: ${check.measured} (${check.met === undefined ? 'not judged' : check.met ? 'met' : 'MISSED'}${check.note ? `; ${check.note}` : ''})\n`,
    );
}

main().then(
  () => process.exit(0),
  async (error) => {
    process.stderr.write(
      `migration bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    await stopAllChildren();
    process.exit(1);
  },
);
