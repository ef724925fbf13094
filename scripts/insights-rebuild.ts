import { config } from '../config/config';
import { connectDatabase, disconnectDatabase, ensureIndexes } from '../db/connection';
import { rebuildInsights } from '../db/insights-rebuild';

/** `npm run insights:rebuild`: the program-health measures recomputed from the registrations (MONGODB_URI). */
async function main(): Promise<void> {
  await connectDatabase(config().MONGODB_URI);
  await ensureIndexes();
  const report = await rebuildInsights();
  process.stdout.write(
    `rebuilt ${report.facts} facts from ${report.registrations} registrations and ${report.escalations} escalations\n`,
  );
  await disconnectDatabase();
}

main().catch((error) => {
  process.stderr.write(
    `insights:rebuild: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
