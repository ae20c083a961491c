import { Hono, type Context } from 'hono';
import { requireCapability, type AuthEnv } from '../auth/sessionMiddleware';
import type { ChangeStore, StoredChange } from '../store/ChangeStore';
import type { PlanStore } from '../store/PlanStore';
import { namesOf } from '../auth/namesOf';

// The audit trail, mounted at /api:
//   GET /plans/:planId/items/:itemId/history?limit=N    an item's latest changes      everyone who reads the plan
//   GET /plans/:planId/changes?limit=N&before=ID        the plan's latest changes     the secretariat
// Each change: { id, itemId, change: { field, from?, to? }, at, user: { id, name } | null }, newest first.
// A change of the strategy or focus text (field 'strategy' or 'focus') has itemId ''.

const ITEM_ID = /^[a-z0-9]{1,64}$/;

function limitOf(c: Context, max: number, fallback: number): number {
  const n = Number(c.req.query('limit') ?? fallback);
  return Number.isInteger(n) && n > 0 ? Math.min(n, max) : fallback;
}

export function historyRoutes(deps: { changes: ChangeStore; plans: PlanStore; nameOf(userId: string): Promise<string | null> }) {
  const app = new Hono<AuthEnv>();
  const withUser = async (list: StoredChange[]) => {
    // A run of typing that ended where it began changed nothing.
    const kept = list.filter((c) => !('from' in c.change) || JSON.stringify(c.change.from) !== JSON.stringify(c.change.to));
    const names = await namesOf(kept.map((c) => c.userId), deps.nameOf);
    return kept.map(({ userId, ...rest }) => ({ ...rest, user: userId ? { id: userId, name: names.get(userId) ?? '' } : null }));
  };
  const plan = async (c: Context) => {
    const id = c.req.param('planId') ?? '';
    return (await deps.plans.get(id)) ? id : null;
  };
  const notFound = (c: Context, what: string) => c.json({ error: { code: 'NOT_FOUND', message: `${what} finns inte.` } }, 404);

  app.get('/plans/:planId/items/:itemId/history', requireCapability('history.read'), async (c) => {
    const planId = await plan(c);
    const itemId = c.req.param('itemId');
    if (!planId) return notFound(c, 'Planen');
    if (!ITEM_ID.test(itemId)) return c.json({ error: { code: 'INVALID_INPUT', message: 'Ogiltigt aktivitets-id.' } }, 400);
    c.header('Cache-Control', 'no-store');
    return c.json({ changes: await withUser(await deps.changes.forItem(planId, itemId, limitOf(c, 100, 20))) });
  });

  app.get('/plans/:planId/changes', requireCapability('audit.read'), async (c) => {
    const planId = await plan(c);
    if (!planId) return notFound(c, 'Planen');
    const before = c.req.query('before');
    const beforeId = before === undefined ? undefined : Number(before);
    if (beforeId !== undefined && !(Number.isInteger(beforeId) && beforeId > 0)) {
      return c.json({ error: { code: 'INVALID_INPUT', message: 'before ska vara ett positivt heltal.' } }, 400);
    }
    c.header('Cache-Control', 'no-store');
    return c.json({ changes: await withUser(await deps.changes.forPlan(planId, limitOf(c, 500, 100), beforeId)) });
  });
  return app;
}
