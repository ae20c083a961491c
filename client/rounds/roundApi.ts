import type { Role } from '../../shared/auth/roles';
import type { RoundView } from '../../shared/rounds/RoundView';
import { apiFetch } from '../auth/apiFetch';

// The consultation-round API (server/routes/roundRoutes.ts), typed.

const enc = encodeURIComponent;

export interface OpenRoundRequest {
  question: string;
  /** "YYYY-MM-DDTHH:MM", Swedish time. */
  deadline: string;
  reminderDays: number | null;
  itemIds?: string[];
  directionId?: string;
  recipients: 'forum' | string[];
}

export interface Candidate {
  id: string;
  name: string;
  organisation: string;
  role: Role;
}

/** `background`: the page's own polling, which must not keep an unattended tab signed in. */
export const fetchRounds = (planId: string, options: { background?: boolean; signal?: AbortSignal } = {}) =>
  apiFetch<{ rounds: RoundView[] }>(`/api/plans/${enc(planId)}/rounds`, options).then((r) => r.rounds);

export const fetchRound = (roundId: string, signal?: AbortSignal) => apiFetch<RoundView>(`/api/rounds/${enc(roundId)}`, { signal });

export const openRound = (planId: string, request: OpenRoundRequest) =>
  apiFetch<RoundView>(`/api/plans/${enc(planId)}/rounds`, { method: 'POST', body: request });

export const changeRound = (roundId: string, change: { deadline?: string; reminderDays?: number | null }) =>
  apiFetch<RoundView>(`/api/rounds/${enc(roundId)}`, { method: 'PATCH', body: change });

export const closeRound = (roundId: string) => apiFetch<RoundView>(`/api/rounds/${enc(roundId)}/close`, { method: 'POST' });

export const fetchCandidates = () => apiFetch<{ people: Candidate[] }>('/api/rounds/people').then((r) => r.people);

/** The rounds a snapshot kept; null for one stored before rounds were kept. */
export const fetchSnapshotRounds = (snapshotId: number, signal?: AbortSignal) =>
  apiFetch<{ rounds: RoundView[] | null }>(`/api/snapshots/${snapshotId}/rounds`, { signal }).then((r) => r.rounds);
