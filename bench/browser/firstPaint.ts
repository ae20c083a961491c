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
// Where the server drew the board into the page, the app's own board takes its place
// later: "live" is when that happened (the drawn board gone, the app's cards there),
// with the JavaScript loaded by then.

export interface FirstPaint {
  planId: string;
  items: number;
  paintedMs: number;
  /** When the app's own board, with its controls, was on screen. */
  liveMs: number;
  /** The JavaScript loaded by then, gzip. */
  liveJsGzipBytes: number;
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
    __boardLiveAt?: number;
  }
}

/**
 * Runs in the page before its own scripts: notes when a frame with `want` cards has
 * been produced, and when one without the drawn board (the app's own) has. It looks
 * once per frame, just before the frame is made: a MutationObserver would run for every
 * element the parser inserts (tens of milliseconds for 1,000 cards, measured in a
 * trace), which is the harness's cost, not the page's. A string, not a function: the
 * TypeScript loader decorates named functions with helpers that do not exist in the page.
 */
const watchBoard = (want: number) => `
  (() => {
    const want = ${want};
    // A frame is produced after requestAnimationFrame callbacks; a message posted
    // from one arrives once that frame has been handed to the compositor.
    const afterFrame = (note) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => note(performance.now());
      channel.port2.postMessage(null);
    };
    let painted = false;
    const look = () => {
      if (!painted && document.querySelectorAll('[data-item-id]').length >= want) {
        painted = true;
        afterFrame((t) => { window.__boardPaintedAt = t; });
      }
      if (painted && !document.getElementById('prepaint') && document.querySelectorAll('#root [data-item-id]').length >= want) {
        afterFrame((t) => { window.__boardLiveAt = t; });
        return;
      }
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
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
    await page.waitForFunction(() => window.__boardLiveAt !== undefined, undefined, { timeout: 60_000 });
    const { paintedMs, liveMs, cards, resources } = await page.evaluate(() => ({
      paintedMs: window.__boardPaintedAt!,
      liveMs: window.__boardLiveAt!,
      cards: document.querySelectorAll('[data-item-id]').length,
      resources: performance.getEntriesByType('resource').map((e) => ({ path: new URL(e.name).pathname, end: (e as PerformanceResourceTiming).responseEnd })),
    }));
    // Evaluated here, not in the page: the TypeScript loader would name helpers there that the page lacks.
    const loadedBy = (t: number) => resources.filter((r) => r.path.endsWith('.js') && r.end <= t).map((r) => r.path);
    const scripts = loadedBy(paintedMs);
    const liveScripts = loadedBy(liveMs);
    const sizeOf = (path: string) => {
      const body = readFileSync(join(PATHS.clientDist, path));
      return { path, bytes: body.length, gzipBytes: gzipSync(body, { level: 6 }).length };
    };
    const files = [...new Set(scripts)].map(sizeOf);
    return {
      planId,
      items,
      paintedMs,
      liveMs,
      liveJsGzipBytes: [...new Set(liveScripts)].map(sizeOf).reduce((n, f) => n + f.gzipBytes, 0),
      cards,
      scripts: files,
      jsGzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0),
      jsBytes: files.reduce((n, f) => n + f.bytes, 0),
    };
  } finally {
    await context.close();
  }
}
