import { useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import type { FieldError } from '../api/types';

export interface Submission {
  busy: boolean;
  /** The API's field errors of the last attempt (422), to show at their fields. */
  fieldErrors: FieldError[];
  /** Any other refusal (409, 500, unreachable), to show above the buttons. */
  failure?: ApiError;
  /** Runs `action`; true when it succeeded. */
  run(action: () => Promise<unknown>): Promise<boolean>;
  reset(): void;
}

/** A form's round trip to the API: busy while it runs, its errors split into fields and the rest. */
export function useSubmit(): Submission {
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<ApiError | undefined>();
  const reset = () => {
    setFieldErrors([]);
    setFailure(undefined);
  };
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    reset();
    try {
      await action();
      return true;
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError(0, 'Unexpected error', String(error));
      if (apiError.status === 422 && apiError.errors.length > 0) setFieldErrors(apiError.errors);
      else setFailure(apiError);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, fieldErrors, failure, run, reset };
}
