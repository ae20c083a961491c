import type { Status } from '../plan/types';

/** The status categories as the Swedish document names them. */
export const STATUS_LABELS: Record<Status, string> = {
  not_started: 'Ej påbörjad',
  planned: 'Planeras',
  in_progress: 'Pågår',
  paused: 'Vilande',
  done: 'Klart',
};

export const statusLabel = (status: Status) => STATUS_LABELS[status];
