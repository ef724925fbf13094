import { parseConfig } from '../config/config';
import { connectDatabase, disconnectDatabase, ensureIndexes } from '../db/connection';
import { describeSeeded, seedDemoDataIfEmpty } from './demo-data';

/**
 * `npm run seed`: the demo data `npm start` seeds, into the database MONGODB_URI names, if it is empty.
 * Prints the keys and the partner people's first passwords once (only hashes are stored).
 */
async function main(): Promise<void> {
  const cfg = parseConfig(process.env);
  await connectDatabase(cfg.MONGODB_URI);
  try {
    await ensureIndexes();
    const seeded = await seedDemoDataIfEmpty(cfg.DEALREG_ADMIN_KEY);
    process.stdout.write(
      seeded
        ? describeSeeded(seeded, Boolean(cfg.DEALREG_ADMIN_KEY))
        : 'The database has partners already: nothing seeded (the demo data goes into an empty database only).\n',
    );
  } finally {
    await disconnectDatabase();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
