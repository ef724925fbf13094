export { companyNameTokens, comparableText, normalizeCompanyName } from './company-name';
export {
  type CustomerComparison,
  type CustomerMatchStrength,
  compareCustomers,
  compareIdentities,
  differingIdentifiers,
  nameSimilarity,
  sharedProductLines,
} from './compare';
export {
  type IdentifierKind,
  identifierKinds,
  type NormalizedIdentifiers,
  normalizeIdentifiers,
  registrableDomain,
} from './identifiers';
export { type CustomerIdentity, type CustomerNaming, customerIdentity, customerKeysOf, lookupKeys } from './identity';
