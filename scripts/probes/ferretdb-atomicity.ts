import mongoose from 'mongoose';

/**
 * `npx tsx scripts/probes/ferretdb-atomicity.ts <mongodb uri>`: measures which single-document writes a
 * MongoDB-wire server applies atomically under concurrency. dealreg's data design rests on the answer
 * (docs/DESIGN.md): on FerretDB v1, updates lose concurrent writes; unique inserts and deletes do not.
 */
async function main(uri: string): Promise<void> {
  await mongoose.connect(uri, { maxPoolSize: 50 });
  const db = mongoose.connection.db!;
  const c = db.collection<{ _id: string; v?: number; ids?: string[] }>('atomicity_probe');
  await c.deleteMany({});
  const n = 50;
  const many = <T>(f: (i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => f(i)));
  const settled = <T>(f: (i: number) => Promise<T>) => Promise.allSettled(Array.from({ length: n }, (_, i) => f(i)));

  await c.insertOne({ _id: 'inc', v: 0 });
  await many(() => c.updateOne({ _id: 'inc' }, { $inc: { v: 1 } }));
  const inc = (await c.findOne({ _id: 'inc' }))?.v;
  await c.insertOne({ _id: 'guard', v: 0 });
  const guarded = await many((i) => c.updateOne({ _id: 'guard', v: 0 }, { $set: { v: i + 1 } }));
  await c.insertOne({ _id: 'set', ids: [] });
  await many((i) => c.updateOne({ _id: 'set' }, { $addToSet: { ids: `x${i}` } }));
  const inserts = await settled(() => c.insertOne({ _id: 'once' }));
  const deletes = await many(() => c.deleteOne({ _id: 'once' }));

  const rows = [
    ['$inc by 50 writers', `${inc} of ${n}`],
    ['guarded update, winners', `${guarded.filter((r) => r.modifiedCount === 1).length} (1 if atomic)`],
    ['$addToSet by 50 writers', `${(await c.findOne({ _id: 'set' }))?.ids?.length} of ${n}`],
    ['insert of one _id, successes', `${inserts.filter((r) => r.status === 'fulfilled').length} (1 if atomic)`],
    ['delete of one _id, deleted', `${deletes.reduce((sum, r) => sum + r.deletedCount, 0)} (1 if atomic)`],
  ];
  for (const [what, result] of rows) console.log(`${String(what).padEnd(32)} ${result}`);
  await c.drop();
  await mongoose.disconnect();
}

main(process.argv[2] ?? 'mongodb://127.0.0.1:27017/dealreg_probe').catch((error) => {
  console.error(error);
  process.exit(1);
});
