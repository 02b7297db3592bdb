import { useState } from 'react';
import { ApiError } from '../api/client';

export interface SubmitState {
  busy: boolean;
  error: unknown;
  /** Validation messages from the API's problem details, by camelCase field name. */
  fieldErrors: Readonly<Record<string, string[]>>;
  run(action: () => Promise<void>): Promise<void>;
  clear(): void;
}

/** One form's submission: busy while it runs, and the failure kept for the error summary and fields. */
export function useSubmit(): SubmitState {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (action: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
  return { busy, error, fieldErrors, run, clear: () => setError(null) };
}
