import type { PrincipalActor } from '../domain/actor';
import type { Caller } from './route-spec';

/**
 * Who a request acts as, for every `actor` the API records: the person signed in (`user`), or the API
 * key (`key`), also when a staff key was exchanged for a session. The one place that decides it.
 */
export const actorOf = (caller: Caller): PrincipalActor => caller.principal;

/** The same as one string for older `createdBy` fields (`usr_…` or `key_…`: the prefix tells which). */
export const actorIdOf = (caller: Caller): string => caller.principal.id;
