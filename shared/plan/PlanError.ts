export type PlanErrorCode = 'ITEM_NOT_FOUND' | 'DIRECTION_NOT_FOUND' | 'INVALID_VALUE';

/** A refused plan operation, with a code the UI and the server map to messages. */
export class PlanError extends Error {
  constructor(
    readonly code: PlanErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PlanError';
  }
}
