// Refusals and failures of the SQLite store. The codes are what callers branch on:
// the sync server turns STORAGE_FAILURE into a close code, the HTTP app into a 503,
// and the process entry turns DATABASE_CORRUPT into a clear message at start.

export const STORE_ERROR_STATUS = {
  DATABASE_CORRUPT: 500,
  MIGRATION_FAILED: 500,
  STORAGE_FAILURE: 503,
  MERGE_FAILED: 500,
  PLAN_EXISTS: 409,
} as const;

export type StoreErrorCode = keyof typeof STORE_ERROR_STATUS;

export class StoreError extends Error {
  readonly status: (typeof STORE_ERROR_STATUS)[StoreErrorCode];

  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreError';
    this.status = STORE_ERROR_STATUS[code];
  }
}
