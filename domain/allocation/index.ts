export { decide } from './decide';
export {
  currentPartnerExplanation,
  type ExplainedEntry,
  explain,
  partnerExplanation,
  renderTrace,
} from './render';
export { routeApplies, selectRoute } from './routing';
export type * from './types';
