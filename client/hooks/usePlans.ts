import { useCallback, useEffect, useState } from 'react';

export interface PlanSummary {
  id: string;
  title: string;
  year: number;
}

export type PlansState = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; plans: PlanSummary[] };

function isPlan(p: unknown): p is PlanSummary {
  const o = p as PlanSummary;
  return !!o && typeof o.id === 'string' && typeof o.title === 'string' && typeof o.year === 'number';
}

const CACHE_KEY = 'planbord.plans';

function cachedPlans(): PlanSummary[] | null {
  try {
    const list = JSON.parse(localStorage.getItem(CACHE_KEY) ?? 'null');
    return Array.isArray(list) && list.length ? list.filter(isPlan) : null;
  } catch {
    return null;
  }
}

const fetchPlans = (signal?: AbortSignal) => fetch('/api/plans', { signal, headers: { accept: 'application/json' } });

// Asked for as the page starts, beside the sign-in check, instead of after it: the
// board cannot connect before it knows its plan. Used once, and only if it succeeded
// (before signing in it answers 401 and the list is asked for again).
let early: Promise<Response> | null = typeof window === 'undefined' ? null : fetchPlans().catch(() => Response.error());

function plansResponse(signal: AbortSignal): Promise<Response> {
  const first = early;
  early = null;
  if (!first) return fetchPlans(signal);
  return first.then((res) => (res.ok ? res : fetchPlans(signal)));
}

/**
 * The plans the server offers (GET /api/plans), with a retry for when it is unreachable.
 * The last list is remembered so that a plan kept in the browser opens while offline.
 */
export function usePlans() {
  const [plans, setPlans] = useState<PlansState>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const abort = new AbortController();
    setPlans({ state: 'loading' });
    plansResponse(abort.signal)
      .then((res) => (res.ok ? res.json() : Promise.reject(new Error(String(res.status)))))
      .then((body: { plans?: unknown }) => {
        const list = Array.isArray(body.plans) ? body.plans.filter(isPlan) : [];
        setPlans({ state: 'ready', plans: list });
        try {
          localStorage.setItem(CACHE_KEY, JSON.stringify(list));
        } catch {
          // not remembered
        }
      })
      .catch(() => {
        if (abort.signal.aborted) return;
        const cached = cachedPlans();
        setPlans(cached ? { state: 'ready', plans: cached } : { state: 'failed' });
      });
    return () => abort.abort();
  }, [attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { plans, retry };
}
