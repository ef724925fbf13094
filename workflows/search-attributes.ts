import { defineSearchAttributeKey } from '@temporalio/common';

/**
 * Custom search attributes, kept current by the registration workflow, so that
 * `temporal workflow list --query 'DealregStatus="escalated"'` and the Temporal UI find registrations.
 * The dev server registers them at start; the worker registers any that an external cluster lacks.
 */
export const searchAttributes = {
  status: defineSearchAttributeKey('DealregStatus', 'KEYWORD'),
  resellerId: defineSearchAttributeKey('DealregResellerId', 'KEYWORD'),
  distributorId: defineSearchAttributeKey('DealregDistributorId', 'KEYWORD'),
  customerKeys: defineSearchAttributeKey('DealregCustomerKeys', 'KEYWORD_LIST'),
  sequence: defineSearchAttributeKey('DealregSequence', 'INT'),
} as const;

/** name → type, as the dev server's `--search-attribute` flag and the operator API want them. */
export const searchAttributeTypes: Record<string, 'Keyword' | 'KeywordList' | 'Int'> = {
  DealregStatus: 'Keyword',
  DealregResellerId: 'Keyword',
  DealregDistributorId: 'Keyword',
  DealregCustomerKeys: 'KeywordList',
  DealregSequence: 'Int',
};
