import { escapeHtml as h } from '../../shared/html/escapeHtml';

// The built index.html with a board drawn into it. The board shows with the page's
// stylesheet alone; the app's scripts (the entry module and the chunks Vite preloads
// for it) are fetched once that first frame is on screen, by start-after-paint.js,
// so that they do not hold the paint back.

const ENTRY = /<script type="module" crossorigin src="([^"]+)"><\/script>\s*/;
const PRELOAD = /<link rel="modulepreload" crossorigin href="([^"]+)">\s*/g;
const ROOT = '<div id="root"></div>';

export interface BoardInPage {
  /** The board's HTML (boardHtml). */
  board: string;
  lang: 'sv' | 'en';
  title: string;
}

/** The page with the board, or null when index.html is not the shape Vite builds (the page is then served as it is). */
export function withBoard(index: string, { board, lang, title }: BoardInPage): string | null {
  const entry = ENTRY.exec(index)?.[1];
  if (!entry || !index.includes(ROOT)) return null;
  const preloads = [...index.matchAll(PRELOAD)].map((m) => m[1]);
  const starter = `<script defer src="/start-after-paint.js" data-entry="${h(entry)}" data-preload="${h(preloads.join(' '))}"></script>`;
  return index
    .replace(ENTRY, '')
    .replace(PRELOAD, '')
    .replace(/<html lang="[a-z]+">/, `<html lang="${lang}">`)
    // Functions, not strings: in a replacement string "$&" or "$'" in a plan's text would
    // be read as a pattern and put other parts of the page there.
    .replace(/<title>[^<]*<\/title>/, () => `<title>${h(title)}</title>`)
    .replace(ROOT, () => `<div id="prepaint">${board}</div>${ROOT}${starter}`);
}
