// The workflow bundle's entry: every workflow the worker runs.
export { escalationWorkflow } from './escalation';
export { policyChangeWorkflow } from './policy-change';
export { registrationWorkflow } from './registration';
export { vendorImportWorkflow } from './vendor-import';
