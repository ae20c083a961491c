// A per-connection limit on incoming messages: two token buckets, one counting
// messages and one counting bytes. Each starts full, so a burst up to its size passes
// at once, and refills at a steady rate. A connection that empties either bucket is
// closed with 4429.
//
// What real clients send: y-websocket sends one Update per transaction, and the
// editor moves the cursor (one awareness message) with most keystrokes, so fast typing
// or a held-down key makes 30-60 messages a second. Reconnecting sends a few messages,
// and changes made offline travel as one SyncStep2. But a socket on a stalled network
// (a train tunnel) keeps taking messages for up to 30 s before anyone notices, and then
// delivers them all at once: the burst allows well over a minute of such typing. A
// client that sends thousands of messages a second for longer is not a person.
// 4429 is final for y-websocket (it stops reconnecting), so the limits err on the
// generous side: a flood is cut off within a second or two either way.

export interface RateLimitOptions {
  /** Messages that may arrive at once. */
  burstMessages: number;
  /** Messages a second, sustained. */
  messagesPerSecond: number;
  /** Bytes that may arrive at once. */
  burstBytes: number;
  /** Bytes a second, sustained. */
  bytesPerSecond: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = {
  burstMessages: 5000,
  messagesPerSecond: 200,
  burstBytes: 16 * 1024 * 1024,
  bytesPerSecond: 256 * 1024,
};

/** Two buckets and the time they were last refilled: three numbers per connection. */
export class RateLimit {
  private messages: number;
  private bytes: number;
  private at: number;

  constructor(
    private readonly options: RateLimitOptions,
    private readonly now: () => number = performance.now.bind(performance),
  ) {
    this.messages = options.burstMessages;
    this.bytes = options.burstBytes;
    this.at = now();
  }

  /** Takes one message of this size; false once the connection has sent too much. */
  take(size: number): boolean {
    const now = this.now();
    const seconds = Math.max(0, now - this.at) / 1000;
    this.at = now;
    const o = this.options;
    this.messages = Math.min(o.burstMessages, this.messages + seconds * o.messagesPerSecond);
    this.bytes = Math.min(o.burstBytes, this.bytes + seconds * o.bytesPerSecond);
    if (this.messages < 1 || this.bytes < size) return false;
    this.messages -= 1;
    this.bytes -= size;
    return true;
  }
}
