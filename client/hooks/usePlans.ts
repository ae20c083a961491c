import { useCallback, useSyncExternalStore } from 'react';
import { BACKGROUND_HEADER, BACKGROUND_HEADER_VALUE } from '../../shared/auth/backgroundHeader';

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
/** How often an open page asks whether a plan was added (an unchanged list is a bodiless 304). */
const POLL_MS = 10_000;
/** Dispatched on window when this page made a plan, so the list is asked for at once. */
export const PLANS_CHANGED = 'planbord:plans-changed';

function cachedPlans(): PlanSummary[] | null {
  try {
    const list = JSON.parse(localStorage.getItem(CACHE_KEY) ?? 'null');
    return Array.isArray(list) && list.length ? list.filter(isPlan) : null;
  } catch {
    return null;
  }
}

const fetchPlans = (headers: Record<string, string> = {}) => fetch('/api/plans', { headers: { accept: 'application/json', ...headers } });

// Asked for as the page starts, beside the sign-in check, instead of after it: the
// board cannot connect before it knows its plan. Used once, and only if it succeeded
// (before signing in it answers 401 and the list is asked for again).
let early: Promise<Response> | null = typeof window === 'undefined' ? null : fetchPlans().catch(() => Response.error());

// One list for the whole page, however many components show it, kept live by polling
// while anything shows it: a plan made elsewhere appears without a reload.
let current: PlansState = { state: 'loading' };
let etag: string | null = null;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function set(next: PlansState) {
  current = next;
  listeners.forEach((l) => l());
}

async function refresh(background: boolean): Promise<void> {
  const first = early;
  early = null;
  try {
    const headers: Record<string, string> = etag && current.state === 'ready' ? { 'if-none-match': etag } : {};
    if (background) headers[BACKGROUND_HEADER] = BACKGROUND_HEADER_VALUE;
    let res = first ? await first : await fetchPlans(headers);
    if (first && !res.ok) res = await fetchPlans(headers);
    if (res.status === 304) return;
    if (!res.ok) throw new Error(String(res.status));
    const body = (await res.json()) as { plans?: unknown };
    const list = Array.isArray(body.plans) ? body.plans.filter(isPlan) : [];
    etag = res.headers.get('etag');
    set({ state: 'ready', plans: list });
    try {
      localStorage.setItem(CACHE_KEY, JSON.stringify(list));
    } catch {
      // not remembered
    }
  } catch {
    // Offline or signed out: keep what is shown; a first load falls back to the remembered list.
    if (current.state !== 'ready') {
      const cached = cachedPlans();
      set(cached ? { state: 'ready', plans: cached } : { state: 'failed' });
    }
  }
}

const poll = () => void refresh(true);
const onVisible = () => document.visibilityState === 'visible' && poll();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) {
    if (current.state !== 'ready') void refresh(false);
    timer = setInterval(poll, POLL_MS);
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener(PLANS_CHANGED, poll);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size > 0) return;
    clearInterval(timer);
    document.removeEventListener('visibilitychange', onVisible);
    window.removeEventListener(PLANS_CHANGED, poll);
  };
}

/**
 * The plans the server offers (GET /api/plans), kept up to date while shown, with a
 * retry for when it is unreachable. The last list is remembered so that a plan kept in
 * the browser opens while offline.
 */
export function usePlans() {
  const plans = useSyncExternalStore(subscribe, () => current, () => current);
  const retry = useCallback(() => {
    set({ state: 'loading' });
    void refresh(false);
  }, []);
  return { plans, retry };
}
