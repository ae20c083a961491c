import { binaryFrame, type BinaryFrame } from './binaryFrame';

/** A receiver of broadcasts (see DocConnection). */
export interface FrameReceiver {
  sendFrame(frame: BinaryFrame): void;
}

/**
 * The messages a document sends to all its connections within one turn of the event
 * loop, written to each connection as one buffer: under load, changes that arrive
 * together cost each receiver one socket write instead of one per change. A message
 * leaves out the connection it came from when it is the sender's own change.
 */
export class TurnOutbox {
  private frames: BinaryFrame[] = [];
  private except: (FrameReceiver | null)[] = [];

  get isEmpty(): boolean {
    return this.frames.length === 0;
  }

  add(message: Uint8Array, except: FrameReceiver | null): void {
    this.frames.push(binaryFrame(message));
    this.except.push(except);
  }

  /** Writes everything added so far to the receivers, each receiver once. */
  send(receivers: Iterable<FrameReceiver>): void {
    const { frames, except } = this;
    if (frames.length === 0) return;
    this.frames = [];
    this.except = [];
    if (frames.length === 1) {
      for (const r of receivers) if (r !== except[0]) r.sendFrame(frames[0]);
      return;
    }
    const all = joinFrames(frames);
    const senders = new Set(except);
    for (const r of receivers) {
      if (!senders.has(r)) r.sendFrame(all);
      else {
        const own = frames.filter((_, i) => except[i] !== r);
        if (own.length) r.sendFrame(own.length === 1 ? own[0] : joinFrames(own));
      }
    }
  }
}

function joinFrames(frames: BinaryFrame[]): BinaryFrame {
  return { payloads: frames.flatMap((f) => f.payloads), bytes: Buffer.concat(frames.map((f) => f.bytes)) };
}
