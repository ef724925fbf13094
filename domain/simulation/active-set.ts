import type { RegistrationFacts } from '../allocation/types';

interface Entry {
  holder: RegistrationFacts;
  /** Holds its deal for registrations submitted up to this time (ms); Infinity while it lasts. */
  releaseAt: number;
}

/**
 * The registrations that hold deals during a replay, indexed by the same lookup keys as the
 * `dealkeys` collection, so the simulator finds exactly the candidates production would find and
 * each look-up costs what production's does, whatever the number of stored registrations.
 */
export class ActiveSet {
  private readonly byKey = new Map<string, Entry[]>();

  add(holder: RegistrationFacts, keys: readonly string[], releaseAt: number): void {
    const entry = { holder, releaseAt };
    for (const key of keys) {
      const list = this.byKey.get(key);
      if (list) list.push(entry);
      else this.byKey.set(key, [entry]);
    }
  }

  /**
   * Holders under any of `keys` that still held their deal at `submittedAt`. Entries released
   * before `noLaterThan` (the earliest submission still to be replayed) can never hold again and
   * are dropped from the index on the way, so lists only hold what is live.
   */
  holdersFor(keys: readonly string[], submittedAt: number, noLaterThan: number): RegistrationFacts[] {
    const found = new Map<string, RegistrationFacts>();
    for (const key of keys) {
      const list = this.byKey.get(key);
      if (!list) continue;
      const live = list.filter((entry) => entry.releaseAt >= noLaterThan);
      if (live.length === 0) this.byKey.delete(key);
      else if (live.length !== list.length) this.byKey.set(key, live);
      for (const entry of live) {
        if (entry.releaseAt >= submittedAt) found.set(entry.holder.id, entry.holder);
      }
    }
    return [...found.values()];
  }
}
