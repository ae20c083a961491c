import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { awarenessMessage } from './encodeMessage';
import { keepAwarenessEntries } from './keepAwarenessEntries';

/** Origin of presence applied from another process's announcement. */
const FROM_OTHERS = Symbol('other process');

/**
 * How long presence waits to go out with whatever is sent next (a change of the plan,
 * other presence), or alone. Sent on one by one, each entry is a socket write to every
 * person on the plan.
 *
 * A changed entry (someone opened a card, moved their caret): a writer's presence comes
 * right after its change, and handling it before the change went out held the change
 * back ~0.3 ms; sending it after the change in a write of its own cost every receiver a
 * second write. Held this long, it goes with the next change of a meeting where cards
 * change several times a second, and others still see it at once to the eye.
 *
 * A renewal: y-protocols clients send their entry again unchanged every 15 seconds, so
 * that the others do not drop it after 30. With hundreds of people such renewals were
 * over a third of the writes of a meeting.
 */
export const PRESENCE_HOLDS = { changed: 100, renewal: 1000 };

/** What presence needs of a connection. */
export interface PresenceHolder {
  readonly userId: string | null;
  /** Awareness client ids this connection introduced, removed when it leaves. */
  awarenessIds: Set<number> | null;
}

/**
 * A document's presence (y-protocols awareness): who is on the plan, where. Each entry
 * belongs to the connection that introduced it, and only that connection (or, after a
 * reconnect, another connection of the same person) may change or remove it.
 */
export class DocPresence {
  readonly awareness: awarenessProtocol.Awareness;
  /** The connection that introduced each entry (client id) held now. */
  private readonly owners = new Map<number, PresenceHolder>();
  /** Entries taken over from a document loaded again: every client knows them already. */
  private quiet = false;
  /** Entries changed, renewed or removed and not yet sent on. */
  private readonly held = new Set<number>();
  private timer: NodeJS.Timeout | null = null;
  /** When the timer sends what is held (performance.now()). */
  private dueAt = Infinity;
  /** The entries whose state changed in the update being applied (y-protocols tells 'change' before 'update'). */
  private changedStates: number[] = [];

  constructor(
    doc: Y.Doc,
    /** Sends a change of presence to every connection, its sender too. */
    private readonly broadcast: (message: Uint8Array) => void,
    private readonly isConnected: (holder: PresenceHolder) => boolean,
    /** Told of each change made here (not of those from other processes), to pass on to them. */
    private readonly share?: (update: Uint8Array) => void,
    private readonly holds = PRESENCE_HOLDS,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null);
    this.awareness.on('change', this.onChange);
    this.awareness.on('update', this.onUpdate);
  }

  get isEmpty(): boolean {
    return this.awareness.getStates().size === 0;
  }

  /** Applies a connection's entries, dropping those of client ids it may not set; `stamp` rewrites the rest. */
  apply(update: Uint8Array, origin: PresenceHolder, stamp?: (own: Uint8Array) => Uint8Array): void {
    const own = keepAwarenessEntries(update, (clientId) => this.mayChange(origin, clientId));
    if (own) awarenessProtocol.applyAwarenessUpdate(this.awareness, stamp ? stamp(own) : own, origin);
  }

  /** Applies entries another process announced; they time out here if that process goes quiet. */
  applyFromOthers(update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, FROM_OTHERS);
  }

  /** Removes the entries a connection brought (it left). */
  remove(holder: PresenceHolder): void {
    if (holder.awarenessIds?.size) awarenessProtocol.removeAwarenessStates(this.awareness, [...holder.awarenessIds], null);
  }

  /** The entries a connection brought, for another document to take over (see takeOver). */
  release(holder: PresenceHolder): Uint8Array | null {
    const ids = holder.awarenessIds;
    holder.awarenessIds = null;
    return ids?.size ? awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...ids]) : null;
  }

  /** Adopts a connection's entries from a document loaded again, without telling anyone. */
  takeOver(holder: PresenceHolder, update: Uint8Array): void {
    this.quiet = true;
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, holder);
    } finally {
      this.quiet = false;
    }
  }

  /** Every entry, for a connection that joins or asks. */
  stateMessage(): Uint8Array {
    const clients = [...this.awareness.getStates().keys()];
    return awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients));
  }

  /** The presence held back, as one message for whatever is sent now; null when none is held. */
  takeHeld(): Uint8Array | null {
    if (this.held.size === 0) return null;
    const ids = [...this.held];
    this.held.clear();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.dueAt = Infinity;
    // A removed entry is encoded with its last clock and no state: gone for everyone.
    return awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids));
  }

  destroy(): void {
    if (this.timer) clearTimeout(this.timer);
    this.awareness.destroy();
  }

  private mayChange(holder: PresenceHolder, clientId: number): boolean {
    const owner = this.owners.get(clientId);
    return owner === undefined || owner === holder || (owner.userId !== null && owner.userId === holder.userId);
  }

  private own(holder: PresenceHolder, id: number): void {
    const owner = this.owners.get(id);
    if (owner === holder) return;
    owner?.awarenessIds?.delete(id);
    this.owners.set(id, holder);
    (holder.awarenessIds ??= new Set()).add(id);
  }

  private onUpdate = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void => {
    const holder = origin as PresenceHolder | null;
    // A reconnecting browser keeps its client id: its new connection takes the entry over.
    if (holder && this.isConnected(holder)) for (const id of added.concat(updated)) this.own(holder, id);
    for (const id of removed) {
      this.owners.get(id)?.awarenessIds?.delete(id);
      this.owners.delete(id);
    }
    const changedStates = new Set(this.changedStates);
    this.changedStates = [];
    if (this.quiet) return;
    const changed = added.concat(updated, removed);
    if (this.share && origin !== FROM_OTHERS) this.share(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    const renewalsOnly = added.length === 0 && removed.length === 0 && updated.every((id) => !changedStates.has(id));
    this.hold(changed, renewalsOnly ? this.holds.renewal : this.holds.changed);
  };

  /** Holds the entries to go with the next write, or alone within `ms` (never later than a send already due). */
  private hold(ids: number[], ms: number): void {
    for (const id of ids) this.held.add(id);
    const due = performance.now() + ms;
    if (due >= this.dueAt) return;
    if (this.timer) clearTimeout(this.timer);
    this.dueAt = due;
    this.timer = setTimeout(this.sendHeld, ms).unref();
  }

  private onChange = ({ updated }: { updated: number[] }): void => {
    this.changedStates = updated;
  };

  private sendHeld = (): void => {
    const message = this.takeHeld();
    if (message) this.broadcast(message);
  };
}
