import { type AccountExtra, accountStore } from '../../db/accounts';
import { type ProgramExtra, productStore, programStore, sellerStore } from '../../db/vendor-records';
import { ReferenceCheck } from '../../db/vendor-references';
import type { AccountRecord, ProductRecord, ProgramRecord, SellerRecord } from '../../domain/vendor/records';
import type { AnyRoute } from '../route-spec';
import {
  accountPageSchema,
  accountSchema,
  accountUpdateSchema,
  newAccountSchema,
  newProductSchema,
  newProgramSchema,
  newSellerSchema,
  productPageSchema,
  productParamsSchema,
  productSchema,
  productUpdateSchema,
  programPageSchema,
  programSchema,
  programUpdateSchema,
  sellerPageSchema,
  sellerSchema,
  sellerUpdateSchema,
  vendorRecordParamsSchema,
} from '../schemas/vendor-records';
import { accountDetails, vendorRecordRoutes } from './vendor-records';

/** Records exist for good once created, so what one request learnt stays true for the next. */
const references = new ReferenceCheck();

export const vendorCollectionRoutes: AnyRoute[] = [
  ...vendorRecordRoutes<AccountRecord, AccountExtra>({
    path: 'accounts',
    noun: 'account',
    operation: 'Account',
    store: accountStore,
    params: vendorRecordParamsSchema,
    newSchema: newAccountSchema,
    updateSchema: accountUpdateSchema,
    viewSchema: accountSchema,
    pageSchema: accountPageSchema,
    references: (record) => references.ofAccount(record),
    details: accountDetails,
    alsoReadBy: ['sales'],
  }),
  ...vendorRecordRoutes<ProgramRecord, ProgramExtra>({
    path: 'programs',
    noun: 'program',
    operation: 'Program',
    store: programStore,
    params: vendorRecordParamsSchema,
    newSchema: newProgramSchema,
    updateSchema: programUpdateSchema,
    viewSchema: programSchema,
    pageSchema: programPageSchema,
    references: (record) => references.ofProgram(record),
  }),
  ...vendorRecordRoutes<ProductRecord>({
    path: 'products',
    noun: 'product',
    operation: 'Product',
    store: productStore,
    params: productParamsSchema,
    newSchema: newProductSchema,
    updateSchema: productUpdateSchema,
    viewSchema: productSchema,
    pageSchema: productPageSchema,
  }),
  ...vendorRecordRoutes<SellerRecord>({
    path: 'sellers',
    noun: 'seller',
    operation: 'Seller',
    store: sellerStore,
    params: vendorRecordParamsSchema,
    newSchema: newSellerSchema,
    updateSchema: sellerUpdateSchema,
    viewSchema: sellerSchema,
    pageSchema: sellerPageSchema,
  }),
];
