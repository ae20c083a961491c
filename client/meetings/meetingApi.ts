import type { KeyedPlan } from '../../shared/snapshot/KeyedPlan';
import type { MeetingChange, MeetingKind, MeetingRecord, SnapshotInfo } from '../../shared/snapshot/meetingRecords';
import type { PlanDiff } from '../../shared/snapshot/PlanDiff';
import { apiFetch } from '../auth/apiFetch';

// The meeting and history API (server/routes/meetingRoutes.ts), typed.

const plan = (planId: string) => `/api/plans/${encodeURIComponent(planId)}`;

export interface OpenMeeting {
  meeting: MeetingRecord;
  changes: MeetingChange[];
}

/** `background`: the banner's polling, which must not keep an unattended tab signed in. */
export const fetchMeetings = (planId: string, options: { signal?: AbortSignal; background?: boolean } = {}) =>
  apiFetch<{ meetings: MeetingRecord[]; open: OpenMeeting | null }>(`${plan(planId)}/meetings`, options);

export const fetchChanges = (meetingId: number, signal?: AbortSignal) =>
  apiFetch<{ changes: MeetingChange[] }>(`/api/meetings/${meetingId}/changes`, { signal });

export const createMeeting = (planId: string, fields: { title: string; date: string; kind: MeetingKind; open: boolean }) =>
  apiFetch<MeetingRecord>(`${plan(planId)}/meetings`, { method: 'POST', body: fields });

export const openMeeting = (meetingId: number) => apiFetch<MeetingRecord>(`/api/meetings/${meetingId}/open`, { method: 'POST' });

export const closeMeeting = (meetingId: number, note: string) =>
  apiFetch<{ meeting: MeetingRecord; snapshot: SnapshotInfo }>(`/api/meetings/${meetingId}/close`, { method: 'POST', body: { note } });

export const fetchSnapshots = (planId: string, signal?: AbortSignal) =>
  apiFetch<{ snapshots: SnapshotInfo[] }>(`${plan(planId)}/snapshots`, { signal });

/**
 * Saves a snapshot. The server files it under the plan's open meeting; naming the meeting
 * the board shows makes the server refuse it if that meeting has closed meanwhile.
 */
export const takeSnapshot = (planId: string, note: string, meetingId?: number) =>
  apiFetch<SnapshotInfo>(`${plan(planId)}/snapshots`, { method: 'POST', body: meetingId === undefined ? { note } : { note, meetingId } });

export const fetchSnapshot = (id: number, signal?: AbortSignal) =>
  apiFetch<{ snapshot: SnapshotInfo; plan: KeyedPlan }>(`/api/snapshots/${id}`, { signal });

async function fetchEncoded(path: string, signal?: AbortSignal): Promise<Uint8Array> {
  const res = await fetch(path, { credentials: 'same-origin', signal });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

/** The snapshot's encoded plan, to open it read-only in the board view. */
export const fetchSnapshotState = (id: number, signal?: AbortSignal) => fetchEncoded(`/api/snapshots/${id}/state`, signal);

/** The snapshot's encoded discussion, read beside its board. */
export const fetchSnapshotDiscussion = (id: number, signal?: AbortSignal) => fetchEncoded(`/api/snapshots/${id}/discussion`, signal);

export const compareSnapshots = (from: number, to: number | 'current', signal?: AbortSignal) =>
  apiFetch<PlanDiff>(`/api/snapshots/${from}/compare/${to}`, { signal });

export const restoreSnapshot = (id: number) =>
  apiFetch<{ before: SnapshotInfo; restored: SnapshotInfo }>(`/api/snapshots/${id}/restore`, { method: 'POST' });

export const startNewPlan = (id: number, fields: { title: string; year: number; resetStatuses: boolean; version: string; meetingText: string }) =>
  apiFetch<{ id: string; title: string; year: number }>(`/api/snapshots/${id}/new-plan`, { method: 'POST', body: fields });
