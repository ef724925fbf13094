export { decide } from './decide';
export { ANOTHER_PARTNER, explain, renderTrace } from './render';
export { routeApplies, selectRoute } from './routing';
export type * from './types';
