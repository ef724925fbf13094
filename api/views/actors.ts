/** Who did something, named when read: the API shows actors through these (services/actor-names.ts). */
export { actorNamer as actorViews, legacyActor } from '../../services/actor-names';
