import mongoose from 'mongoose';

/**
 * What the connected server does with a filter that names more than `_id`. MongoDB evaluates it
 * atomically with the update, so a guard such as "still in status X" protects the write. FerretDB v1
 * does not: it fetches, filters in its own process and writes back, so the guard adds nothing that the
 * caller's own re-check does not, while its SQLite backend turns any filter other than `_id` alone into
 * a scan of the whole collection (docs/DESIGN.md). Guards are therefore sent only where they hold.
 */
let guardsAreAtomic = true;

/** Asks the server what it is; run once per connection. */
export async function learnServerTraits(): Promise<void> {
  const info = await mongoose.connection.db?.admin().command({ buildInfo: 1 });
  guardsAreAtomic = !(info && 'ferretdbVersion' in info);
}

/** `{ _id, ...guard }` on a server that applies the guard atomically, `{ _id }` on one that does not. */
export function guardedById<Guard extends Record<string, unknown>>(
  id: string,
  guard: Guard,
): { _id: string } | ({ _id: string } & Guard) {
  return guardsAreAtomic ? { _id: id, ...guard } : { _id: id };
}

/** For tests: pretend to be the other kind of server. */
export function assumeAtomicGuards(atomic: boolean): void {
  guardsAreAtomic = atomic;
}

export const serverAppliesGuardsAtomically = (): boolean => guardsAreAtomic;
