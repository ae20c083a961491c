import type { PlanFieldChange } from '../../shared/plan/planTextChanges';
import { apiFetch } from '../auth/apiFetch';

/**
 * One entry of the audit trail as the server sends it (server/routes/historyRoutes.ts);
 * a change of the strategy or focus text has no item (itemId '').
 */
export interface AuditEntry {
  id: number;
  itemId: string;
  change: PlanFieldChange;
  at: number;
  user: { id: string; name: string } | null;
}

export const itemHistory = (planId: string, itemId: string) =>
  apiFetch<{ changes: AuditEntry[] }>(`/api/plans/${encodeURIComponent(planId)}/items/${encodeURIComponent(itemId)}/history`).then((r) => r.changes);

export const planChanges = (planId: string, beforeId?: number) =>
  apiFetch<{ changes: AuditEntry[] }>(
    `/api/plans/${encodeURIComponent(planId)}/changes?limit=50${beforeId ? `&before=${beforeId}` : ''}`,
  ).then((r) => r.changes);
