/**
 * Errors cross every boundary (IPC, HTTP, worker) as data with a code, never as thrown strings,
 * so the UI can show a precise message and tests can assert on the code.
 */
export interface AppError {
  code: string;
  message: string;
  /** Structured specifics, e.g. the file, record and field a validation error is about. */
  details?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: string, message: string, details?: unknown): Result<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});
