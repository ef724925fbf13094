/**
 * Who did something, as the contract records it (`actor`): a person (`user`), an API key (`key`), or
 * the program itself. Only ids are recorded; names are looked up when read, never written into
 * signed entries, so renaming a person changes no signature.
 */
export const actorKinds = ['user', 'key', 'engine', 'deadline', 'system'] as const;
export type ActorKind = (typeof actorKinds)[number];

export interface Actor {
  kind: ActorKind;
  id?: string;
}

/** A caller of the API: a person signed in, or an API key (a key exchanged for a session stays the key). */
export interface PrincipalActor extends Actor {
  kind: 'user' | 'key';
  id: string;
}
