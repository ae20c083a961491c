import type { Page } from '@playwright/test';

// What a member could run in their own browser's console, installed before the app
// loads: a hook that hands out the app's own Y.Doc (the way React DevTools finds a
// page's components) and a record of the app's own websocket connections. The forum
// tests use them to try to change the plan through the page's code.

interface PageDoc {
  getMap(name: string): { get(key: string): { set(key: string, value: unknown): void } | undefined };
}

declare global {
  interface Window {
    __tap: { roots: unknown[]; sockets: WebSocket[]; awarenessReplies: number; planDoc(): PageDoc | null };
  }
}

export function installTap(): void {
  type Fiber = { child: Fiber | null; sibling: Fiber | null; memoizedProps?: { plan?: { doc?: PageDoc } } };
  const tap: Window['__tap'] = {
    roots: [],
    sockets: [],
    awarenessReplies: 0,
    // The plan's Y.Doc as the app holds it: the `doc` of a component's `plan` prop.
    planDoc: () => {
      for (const root of tap.roots as { current: Fiber }[]) {
        const stack: Fiber[] = [root.current];
        while (stack.length) {
          const fiber = stack.pop()!;
          const doc = fiber.memoizedProps?.plan?.doc;
          if (doc && typeof doc.getMap === 'function') return doc;
          if (fiber.child) stack.push(fiber.child);
          if (fiber.sibling) stack.push(fiber.sibling);
        }
      }
      return null;
    },
  };
  window.__tap = tap;
  (window as unknown as Record<string, unknown>).__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject: () => 1,
    checkDCE: () => {},
    onCommitFiberRoot: (_id: number, root: unknown) => {
      if (!tap.roots.includes(root)) tap.roots.push(root);
    },
    onCommitFiberUnmount: () => {},
    onPostCommitFiberRoot: () => {},
  };
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      tap.sockets.push(this);
      this.addEventListener('message', (e) => {
        const data = e.data;
        if (data instanceof ArrayBuffer && new Uint8Array(data)[0] === 1) tap.awarenessReplies++;
      });
    }
  };
}

/**
 * Sends bytes on the page's own open plan socket, then waits until the server has
 * answered a query sent after them: by then it has handled (or dropped) them.
 */
export async function sendOnPageSocket(page: Page, messages: number[][]): Promise<void> {
  await page.evaluate(async (messages) => {
    const socket = window.__tap.sockets.find((s) => s.readyState === WebSocket.OPEN && s.url.includes('/ws/plan/'));
    if (!socket) throw new Error('no open plan socket');
    for (const m of messages) socket.send(new Uint8Array(m));
    const before = window.__tap.awarenessReplies;
    socket.send(new Uint8Array([3])); // queryAwareness
    while (window.__tap.awarenessReplies === before) await new Promise((r) => setTimeout(r, 10));
  }, messages);
}
