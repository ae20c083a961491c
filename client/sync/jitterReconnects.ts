import type { WebsocketProvider } from 'y-websocket';

/**
 * y-websocket waits min(2^n × 100 ms, maxBackoffTime) before its n-th attempt to
 * reconnect: the same wait in every browser. After a server restart every open board
 * would come back within the same millisecond, attempt after attempt. This spreads them
 * out ("equal jitter"): each wait is drawn at random from the upper half of its
 * exponential step, so it still grows with each failed attempt, up to the provider's cap.
 *
 * It works by setting maxBackoffTime just before y-websocket computes the wait: the
 * provider emits 'connection-close' first, and counts the attempt right after.
 * tests/unit/reconnectJitter.test.ts checks that against the installed y-websocket.
 */
export function jitterReconnects(provider: WebsocketProvider, random: () => number = Math.random): () => void {
  const cap = provider.maxBackoffTime;
  const onClose = () => {
    const attempt = provider.wsUnsuccessfulReconnects + 1;
    const step = Math.min(cap, 100 * 2 ** attempt);
    provider.maxBackoffTime = step / 2 + (random() * step) / 2;
  };
  provider.on('connection-close', onClose);
  return () => {
    provider.off('connection-close', onClose);
    provider.maxBackoffTime = cap;
  };
}
