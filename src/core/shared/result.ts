/**
 * Results are values, not exceptions: every engine function that can fail on user input
 * returns one of these, and they cross the worker boundary unchanged.
 */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export interface AppError {
  /** Stable machine code; the UI maps it to a translated message. */
  code: string;
  /** Plain English for scripts and logs; the UI does not show it raw. */
  message: string;
  /** Values the translated message needs (row numbers, names, counts). */
  params?: Record<string, string | number>;
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: string, message: string, params?: Record<string, string | number>): Result<T> {
  return { ok: false, error: params ? { code, message, params } : { code, message } };
}
