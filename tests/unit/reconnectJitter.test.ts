import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { jitterReconnects } from '../../client/sync/jitterReconnects';

// When browsers reconnect after the server went away, with y-websocket's own backoff and
// this jitter. Time is the fake clock's; the sockets are stand-ins that count how often
// the provider opens one, since what is tested is when each browser tries again.

class CountingSocket {
  static opened: { at: number; socket: CountingSocket }[] = [];
  binaryType = 'arraybuffer';
  readyState = 0;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onopen: (() => void) | null = null;
  onmessage: unknown = null;
  onerror: unknown = null;
  constructor() {
    CountingSocket.opened.push({ at: Date.now(), socket: this });
  }
  send() {}
  close() {}
  /** The server is gone: the connection drops without a close frame. */
  drop() {
    this.onclose?.({ code: 1006, reason: '' });
  }
}

const providers: WebsocketProvider[] = [];
function browser(jitter?: () => number): WebsocketProvider {
  const provider = new WebsocketProvider('ws://planbord.test/ws', 'plan/2025', new Y.Doc(), {
    WebSocketPolyfill: CountingSocket as unknown as typeof WebSocket,
    disableBc: true,
  });
  if (jitter) jitterReconnects(provider, jitter);
  providers.push(provider);
  return provider;
}

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
  CountingSocket.opened = [];
});
afterEach(() => {
  providers.splice(0).forEach((p) => p.destroy());
  vi.useRealTimers();
});

/** Drops every open socket and lets the fake clock run until each browser has tried once more. */
function dropAll(): number[] {
  const before = CountingSocket.opened.length;
  const start = Date.now();
  CountingSocket.opened.slice(-providers.length).forEach((o) => o.socket.drop());
  while (CountingSocket.opened.length < before + providers.length) vi.advanceTimersByTime(1);
  return CountingSocket.opened.slice(before).map((o) => o.at - start);
}

describe('reconnecting after the server went away', () => {
  it('without jitter, every browser tries again at the same moment', () => {
    for (let i = 0; i < 50; i++) browser();
    expect(new Set(dropAll())).toEqual(new Set([200]));
  });

  it('with jitter, browsers spread over the upper half of each backoff step, which still grows', () => {
    for (let i = 0; i < 200; i++) browser(Math.random);
    const first = dropAll();
    const second = dropAll();
    const third = dropAll();
    for (const [waits, step] of [[first, 200], [second, 400], [third, 800]] as const) {
      expect(Math.min(...waits)).toBeGreaterThanOrEqual(step / 2);
      expect(Math.max(...waits)).toBeLessThanOrEqual(step);
      expect(new Set(waits).size).toBeGreaterThan(step / 8);
    }
  });

  it('after a stopping server said goodbye (1001), a browser that was live tries again at once, however often that happens', () => {
    const provider = browser(Math.random);
    for (let restart = 0; restart < 5; restart++) {
      // The connection was open and in sync (y-websocket then starts its backoff anew).
      provider.synced = true;
      const before = CountingSocket.opened.length;
      const start = Date.now();
      CountingSocket.opened[before - 1].socket.onclose?.({ code: 1001, reason: 'server shutting down' });
      while (CountingSocket.opened.length === before) vi.advanceTimersByTime(1);
      expect(Date.now() - start).toBeLessThanOrEqual(200);
    }
  });

  it('never waits longer than y-websocket’s cap of 2.5 s, however often it fails', () => {
    browser(() => 0.999);
    let waits: number[] = [];
    for (let i = 0; i < 12; i++) waits = dropAll();
    expect(waits[0]).toBeGreaterThan(2400);
    expect(waits[0]).toBeLessThanOrEqual(2500);
  });
});
