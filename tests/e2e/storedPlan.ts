import type { Page } from '@playwright/test';
import * as Y from 'yjs';

/**
 * The plan as the page's browser has stored it in IndexedDB, read back over a connection
 * of its own: what would survive the page being closed now. A read made after a write
 * sees that write, so polling this waits for exactly the changes made so far.
 */
export async function storedPlan(page: Page, planId = '2025'): Promise<Y.Doc> {
  const updates = await page.evaluate(
    (name) =>
      new Promise<number[][]>((resolve, reject) => {
        const open = indexedDB.open(name);
        // Nothing stored yet: leave the database for the page to create.
        open.onupgradeneeded = () => open.transaction!.abort();
        open.onerror = () => resolve([]);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('updates').objectStore('updates').getAll();
          all.onsuccess = () => {
            db.close();
            resolve((all.result as Uint8Array[]).map((update) => Array.from(update)));
          };
          all.onerror = () => reject(all.error);
        };
      }),
    `planbord:plan:${planId}`,
  );
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, Uint8Array.from(update));
  return doc;
}
