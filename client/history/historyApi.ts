import type { ItemFieldChange } from '../../shared/plan/itemChanges';
import { apiFetch } from '../auth/apiFetch';

/** One entry of the audit trail as the server sends it (server/routes/historyRoutes.ts). */
export interface AuditEntry {
  id: number;
  itemId: string;
  change: ItemFieldChange;
  at: number;
  user: { id: string; name: string } | null;
}

export const itemHistory = (planId: string, itemId: string) =>
  apiFetch<{ changes: AuditEntry[] }>(`/api/plans/${encodeURIComponent(planId)}/items/${encodeURIComponent(itemId)}/history`).then((r) => r.changes);

export const planChanges = (planId: string, beforeId?: number) =>
  apiFetch<{ changes: AuditEntry[] }>(
    `/api/plans/${encodeURIComponent(planId)}/changes?limit=50${beforeId ? `&before=${beforeId}` : ''}`,
  ).then((r) => r.changes);
