// The workflow bundle's entry: every workflow the worker runs.
export { disputeWorkflow } from './dispute';
export { escalationWorkflow } from './escalation';
export { policyChangeWorkflow } from './policy-change';
export { registrationWorkflow } from './registration';
export { registrationImportWorkflow } from './registration-import';
export { vendorImportWorkflow } from './vendor-import';
