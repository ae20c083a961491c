import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { PATHS } from '../../server/config';
import playwrightConfig from '../../playwright.config';

// From opening the page to the painted board, in Debian's Chromium with a fresh
// profile (no HTTP cache, no IndexedDB copy of the plan): the time at which the frame
// showing every card of the plan has been produced, read from the page's own clock
// (performance.now() counts from the navigation). The JavaScript the page loaded
// before that moment is what the first paint needed; its size is reported gzipped
// (level 6, what a web server would send), computed from the built files.

export interface FirstPaint {
  planId: string;
  items: number;
  paintedMs: number;
  cards: number;
  scripts: { path: string; bytes: number; gzipBytes: number }[];
  jsGzipBytes: number;
  jsBytes: number;
}

/** Chromium as the end-to-end tests launch it (Debian's build and its flags). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch(playwrightConfig.use?.launchOptions);
}

declare global {
  interface Window {
    __boardPaintedAt?: number;
  }
}

/**
 * Runs in the page before its own scripts: notes when a frame with `want` cards has
 * been produced. A string, not a function: the TypeScript loader decorates named
 * functions with helpers that do not exist in the page.
 */
const watchBoard = (want: number) => `
  (() => {
    const want = ${want};
    const observer = new MutationObserver(() => {
      if (document.querySelectorAll('[data-item-id]').length < want) return;
      observer.disconnect();
      // A frame is produced after requestAnimationFrame callbacks; a message posted
      // from one arrives once that frame has been handed to the compositor.
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => { window.__boardPaintedAt = performance.now(); };
        channel.port2.postMessage(null);
      });
    });
    observer.observe(document, { childList: true, subtree: true });
  })();
`;

export async function firstPaint(browser: Browser, origin: string, cookie: string | null, planId: string, items: number): Promise<FirstPaint> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  try {
    if (cookie) {
      const [name, value] = cookie.split('=');
      await context.addCookies([{ name, value, url: origin }]);
    }
    const page = await context.newPage();
    await page.addInitScript({ content: watchBoard(items) });
    await page.goto(`${origin}/?plan=${planId}`);
    await page.waitForFunction(() => window.__boardPaintedAt !== undefined, undefined, { timeout: 60_000 });
    const { paintedMs, cards, scripts } = await page.evaluate(() => ({
      paintedMs: window.__boardPaintedAt!,
      cards: document.querySelectorAll('[data-item-id]').length,
      scripts: performance
        .getEntriesByType('resource')
        .filter((e) => new URL(e.name).pathname.endsWith('.js') && (e as PerformanceResourceTiming).responseEnd <= window.__boardPaintedAt!)
        .map((e) => new URL(e.name).pathname),
    }));
    const files = [...new Set(scripts)].map((path) => {
      const body = readFileSync(join(PATHS.clientDist, path));
      return { path, bytes: body.length, gzipBytes: gzipSync(body, { level: 6 }).length };
    });
    return {
      planId,
      items,
      paintedMs,
      cards,
      scripts: files,
      jsGzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0),
      jsBytes: files.reduce((n, f) => n + f.bytes, 0),
    };
  } finally {
    await context.close();
  }
}
