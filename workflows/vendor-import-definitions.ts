/** The names an import's workflow is started and found by, shared by the API and the workflow. */
export interface VendorImportInput {
  jobId: string;
  chunks: number;
}

export const vendorImportWorkflowId = (jobId: string) => `vendor-import-${jobId}`;

/** A migration of registrations (`POST /registrations/import`): planned, then its registrations started. */
export interface RegistrationImportInput {
  jobId: string;
}

export const registrationImportWorkflowId = (jobId: string) => `registration-import-${jobId}`;
