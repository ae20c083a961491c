import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { documentAccess } from '../../shared/auth/roles';
import { LANG_COOKIE } from '../../shared/i18n/langCookie';
import { pickPlan } from '../../shared/plan/pickPlan';
import type { AuthConfig } from '../auth/authConfig';
import { readSessionCookie } from '../auth/sessionCookie';
import type { Sessions } from '../auth/sessions';
import type { Logger } from '../logger';
import type { PlanStore } from '../store/PlanStore';
import { planDocName } from '../sync/docName';
import type { SharedDoc } from '../sync/SharedDoc';
import { DrawnBoards } from './DrawnBoards';
import { withBoard } from './withBoard';

// The app's page for a signed-in reader comes with the plan's board already drawn
// (boardHtml): the board is on screen as soon as the page is, and the app takes it
// over when its own board is ready. Anyone else, and any failure here, gets the page
// as it is built: the app then shows sign-in or loads the plan itself.

export interface BoardPageDeps {
  clientDir: string;
  sessions: Sessions;
  config: Pick<AuthConfig, 'publicOrigin'>;
  plans: Pick<PlanStore, 'list'>;
  /** The plan's live document, loaded where it is not yet. */
  readyDoc(name: string): SharedDoc | Promise<SharedDoc>;
  /** The language the person chose (their mails are in it too); null where they never chose. */
  languageOf(userId: string): Promise<'sv' | 'en' | null>;
  logger: Logger;
  /** Boards already drawn (the server draws its plans' at start); a cache of its own otherwise. */
  drawn?: DrawnBoards;
}

export function boardPage(deps: BoardPageDeps): MiddlewareHandler {
  const drawn = deps.drawn ?? new DrawnBoards();
  return async (c, next) => {
    if (c.req.method !== 'GET' || c.req.path !== '/') return next();
    try {
      const user = await deps.sessions.resolve(readSessionCookie(c, deps.config.publicOrigin), true);
      if (!user) return next();
      const plan = pickPlan(await deps.plans.list(), c.req.query('plan') ?? null);
      if (!plan || !documentAccess(user.role, planDocName(plan.id)).canRead) return next();
      const { doc } = await deps.readyDoc(planDocName(plan.id));
      // The person's choice, else this browser's (which the app reports to the server once signed in).
      const lang = (await deps.languageOf(user.id)) ?? (getCookie(c, LANG_COOKIE) === 'en' ? 'en' : 'sv');
      const { board, title } = drawn.get(doc, lang, plan.title);
      const page = withBoard(await readFile(join(deps.clientDir, 'index.html'), 'utf8'), { board, lang, title });
      if (!page) return next();
      // The page holds the plan: only this person's browser may keep it, and only to ask again.
      c.header('Cache-Control', 'private, no-cache');
      c.header('Vary', 'Cookie');
      return c.html(page);
    } catch (err) {
      deps.logger.warn('the board could not be drawn into the page; serving it without', { err: String(err) });
      return next();
    }
  };
}
