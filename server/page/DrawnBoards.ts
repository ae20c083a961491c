import type * as Y from 'yjs';
import { en } from '../../shared/i18n/en';
import { sv } from '../../shared/i18n/sv';
import { listDirections, listItems, readMeta } from '../../shared/plan/schema';
import { boardHtml } from './boardHtml';

// Each plan's board drawn once per language until the plan changes: everybody opening
// the plan for a meeting gets the same page, and a plan of 1,000 items takes tens of
// milliseconds to read and draw.

type Lang = 'sv' | 'en';

export interface DrawnBoard {
  board: string;
  /** The page's title: the plan's and the app's name. */
  title: string;
}

export class DrawnBoards {
  private readonly boards = new WeakMap<Y.Doc, Map<Lang, DrawnBoard>>();

  get(doc: Y.Doc, lang: Lang, fallbackTitle: string): DrawnBoard {
    let byLang = this.boards.get(doc);
    if (!byLang) {
      const fresh = new Map<Lang, DrawnBoard>();
      this.boards.set(doc, fresh);
      doc.on('afterTransaction', () => fresh.clear());
      byLang = fresh;
    }
    const known = byLang.get(lang);
    if (known) return known;
    const t = lang === 'en' ? en : sv;
    const meta = readMeta(doc);
    const title = meta.title || fallbackTitle;
    const subtitle = [meta.organisation, meta.version].filter(Boolean).join(' · ');
    const drawn = { board: boardHtml({ title, subtitle, directions: listDirections(doc), items: listItems(doc) }, t), title: `${title} – ${t.appName}` };
    byLang.set(lang, drawn);
    return drawn;
  }
}
