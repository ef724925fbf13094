// The workflow bundle's entry: every workflow the worker runs.
export { escalationWorkflow } from './escalation';
export { registrationWorkflow } from './registration';
