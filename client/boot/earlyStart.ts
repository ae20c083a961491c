import { connectPlan, type PlanConnection } from '../sync/connectPlan';

// The page's first requests leave as its script starts instead of one after another
// from React's effects: the sign-in check, and as soon as it says yes, the connection
// to the plan the address names (or the one this browser showed last). The components
// take both over when they mount; a connection nobody takes is closed.

const LAST_PLAN = 'planbord.lastPlan';
/** A connection opened early that no board took by then was for a plan the page did not show. */
const UNCLAIMED_MS = 15_000;

let me: Promise<Response> | null = null;
let plan: PlanConnection | null = null;

function lastPlan(): string | null {
  try {
    return localStorage.getItem(LAST_PLAN);
  } catch {
    return null;
  }
}

export function rememberLastPlan(planId: string): void {
  try {
    localStorage.setItem(LAST_PLAN, planId);
  } catch {
    // not remembered: the next visit connects after the plan list instead
  }
}

function openEarly(planId: string): void {
  if (plan) return;
  const opened = connectPlan(planId);
  plan = opened;
  setTimeout(() => {
    if (plan !== opened) return;
    plan = null;
    opened.destroy();
  }, UNCLAIMED_MS);
}

export function startEarly(): void {
  me = fetch('/api/me', { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  // Offline, the sign-in page's own check says so; this copy needs no report.
  me.catch(() => {});
  // A link's page (#invitation=…) signs someone in first; it opens no plan.
  if (location.hash.startsWith('#invitation=')) return;
  const planId = new URLSearchParams(location.search).get('plan') ?? lastPlan();
  if (planId) me.then((res) => res.ok && openEarly(planId), () => {});
}

/** The sign-in check started with the page, once; null when it was taken or never made. */
export function takeEarlyMe(): Promise<Response> | null {
  const taken = me;
  me = null;
  return taken;
}

/** The plan's connection: the one opened early when it is this plan, else a new one. */
export function openPlan(planId: string): PlanConnection {
  rememberLastPlan(planId);
  if (plan?.planId !== planId) return connectPlan(planId);
  const taken = plan;
  plan = null;
  return taken;
}
