import { z } from 'zod';
import { importKinds } from '../../domain/vendor/csv-rows';
import {
  accountFieldsSchema,
  accountRecordSchema,
  productFieldsSchema,
  productIdSchema,
  productRecordSchema,
  programFieldsSchema,
  programRecordSchema,
  sellerFieldsSchema,
  sellerRecordSchema,
  vendorRecordIdSchema,
} from '../../domain/vendor/records';
import { cursorSchema, limitSchema, pageSchema, searchTextSchema, timestampSchema } from './common';
import { migrationReportSchema } from './registration-import';

/** The vendor's records over HTTP: bodies are the records of domain/vendor/records.ts, views add their times. */
const stamps = { createdAt: timestampSchema, updatedAt: timestampSchema };

export const newAccountSchema = accountRecordSchema.meta({ id: 'NewAccount' });
export const accountUpdateSchema = accountFieldsSchema.meta({ id: 'AccountUpdate' });
export const accountSchema = z
  .strictObject({
    ...accountRecordSchema.shape,
    ...stamps,
    memberOf: z
      .array(z.string())
      .optional()
      .describe('programs that list this account as a member (read of one account only)'),
  })
  .meta({ id: 'Account' });

export const newProgramSchema = programRecordSchema.meta({ id: 'NewProgram' });
export const programUpdateSchema = programFieldsSchema.meta({ id: 'ProgramUpdate' });
export const programSchema = z.strictObject({ ...programRecordSchema.shape, ...stamps }).meta({ id: 'Program' });

export const newProductSchema = productRecordSchema.meta({ id: 'NewProduct' });
export const productUpdateSchema = productFieldsSchema.meta({ id: 'ProductUpdate' });
export const productSchema = z.strictObject({ ...productRecordSchema.shape, ...stamps }).meta({ id: 'Product' });

export const newSellerSchema = sellerRecordSchema.meta({ id: 'NewSeller' });
export const sellerUpdateSchema = sellerFieldsSchema.meta({ id: 'SellerUpdate' });
export const sellerSchema = z.strictObject({ ...sellerRecordSchema.shape, ...stamps }).meta({ id: 'Seller' });

export const accountPageSchema = pageSchema(accountSchema).meta({ id: 'AccountPage' });
export const programPageSchema = pageSchema(programSchema).meta({ id: 'ProgramPage' });
export const productPageSchema = pageSchema(productSchema).meta({ id: 'ProductPage' });
export const sellerPageSchema = pageSchema(sellerSchema).meta({ id: 'SellerPage' });

export const vendorRecordParamsSchema = z.strictObject({ id: vendorRecordIdSchema });
export const productParamsSchema = z.strictObject({ id: productIdSchema });

export const vendorListQuerySchema = z.strictObject({
  q: searchTextSchema
    .optional()
    .describe('words of the name, the id, a domain or an identifier; each word may be the start of one'),
  limit: limitSchema,
  cursor: cursorSchema(z.strictObject({ at: z.number().int().min(0), tie: z.string().max(400).optional() })).optional(),
});

const rowErrorSchema = z.strictObject({
  row: z.number().int().describe('as a spreadsheet numbers it: the header is row 1'),
  path: z.string().describe('the column; empty for the row as a whole'),
  message: z.string(),
});

export const importJobSchema = z
  .strictObject({
    id: z.string(),
    kind: z.enum([...importKinds, 'registrations']),
    status: z.enum(['running', 'done', 'failed']),
    progress: z.strictObject({
      rows: z.number().int().describe('rows in the file'),
      done: z.number().int().describe('rows imported (created, updated or unchanged)'),
      failed: z.number().int().describe('rows refused, each with its errors'),
    }),
    outcomes: z
      .strictObject({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() })
      .describe('an addition: what the imported rows did (a re-import of the same rows is all unchanged)'),
    errors: z.array(rowErrorSchema).describe('the first 1,000 errors, in file order'),
    errorCount: z.number().int().describe('an addition: every error, listed or not'),
    createdAt: timestampSchema,
    finishedAt: timestampSchema.optional(),
    failure: z.string().optional(),
    migration: migrationReportSchema
      .optional()
      .describe('a migration of registrations: what it does, or would do in a dry run (once its rows are planned)'),
  })
  .meta({ id: 'ImportJob' });

export const importParamsSchema = z.strictObject({
  id: z.string().regex(/^imp_[0-9a-f]{24}$/, 'an import id such as imp_0123456789abcdef01234567'),
});
