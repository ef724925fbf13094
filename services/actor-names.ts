import { ApiKey, type ApiKeyDoc } from '../db/apikeys';
import { findUser } from '../db/users';
import type { Actor } from '../domain/actor';

/** An actor as a reader sees it: the recorded id, and the name looked up now. */
export interface NamedActor extends Actor {
  name?: string;
}

/** An actor from a record written before actors were recorded: an id field held a key id (or a word such as `bootstrap`). */
export function legacyActor(id: string | undefined): Actor | undefined {
  if (!id) return undefined;
  if (id.startsWith('key_')) return { kind: 'key', id };
  if (id.startsWith('usr_')) return { kind: 'user', id };
  return { kind: 'system', id };
}

async function nameOf(actor: Actor): Promise<string | undefined> {
  if (!actor.id) return undefined;
  if (actor.kind === 'user') return (await findUser(actor.id))?.name;
  if (actor.kind === 'key') {
    const key = await ApiKey.findOne({ keyId: actor.id }, { label: 1, role: 1 }).lean<ApiKeyDoc>().exec();
    return key ? (key.label ?? `${key.role} key ${actor.id}`) : undefined;
  }
  return undefined;
}

/**
 * Names for the actors of what is about to be shown, looked up now (a renamed person shows the new
 * name everywhere; nothing signed holds a name). One read per distinct actor.
 */
export async function actorNamer(
  actors: ReadonlyArray<Actor | undefined>,
): Promise<(actor?: Actor) => NamedActor | undefined> {
  const keyOf = (actor: Actor) => `${actor.kind}:${actor.id ?? ''}`;
  const distinct = new Map<string, Actor>();
  for (const actor of actors) if (actor) distinct.set(keyOf(actor), actor);
  const names = new Map<string, string | undefined>();
  await Promise.all([...distinct].map(async ([key, actor]) => names.set(key, await nameOf(actor))));
  return (actor) => {
    if (!actor) return undefined;
    const name = names.get(keyOf(actor));
    return { kind: actor.kind, ...(actor.id ? { id: actor.id } : {}), ...(name ? { name } : {}) };
  };
}

/** `user usr_… (Ana Admin)`, for plain-text output such as the audit's. */
export const describeActor = (actor: NamedActor | undefined): string =>
  actor ? `${actor.kind}${actor.id ? ` ${actor.id}` : ''}${actor.name ? ` (${actor.name})` : ''}` : 'unknown';
