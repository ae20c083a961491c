import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { awarenessMessage } from './encodeMessage';
import { keepAwarenessEntries } from './keepAwarenessEntries';

/** Origin of presence applied from another process's announcement. */
const FROM_OTHERS = Symbol('other process');

/**
 * y-protocols clients send their entry again unchanged every 15 seconds, so that the
 * others do not drop it after 30. Sent on one by one, with hundreds of people on a plan
 * such renewals were a socket write to every person each, over a third of the writes of
 * a meeting where cards change a few times a second. A renewal waits up to this long and
 * goes out with whatever is sent next (a change, a changed presence), or alone.
 */
export const RENEWAL_HOLD_MS = 1000;

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
  /** Entries renewed (sent again unchanged) and not yet sent on. */
  private readonly renewed = new Set<number>();
  private renewalTimer: NodeJS.Timeout | null = null;
  /** The entries whose state changed in the update being applied (y-protocols tells 'change' before 'update'). */
  private changedStates: number[] = [];

  constructor(
    doc: Y.Doc,
    /** Sends a change of presence to every connection, its sender too. */
    private readonly broadcast: (message: Uint8Array) => void,
    private readonly isConnected: (holder: PresenceHolder) => boolean,
    /** Told of each change made here (not of those from other processes), to pass on to them. */
    private readonly share?: (update: Uint8Array) => void,
    private readonly renewalHoldMs = RENEWAL_HOLD_MS,
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

  /** The renewals held back, as one message for whatever is sent now; null when there are none. */
  takeRenewals(): Uint8Array | null {
    if (this.renewed.size === 0) return null;
    return awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, this.takeRenewed()));
  }

  destroy(): void {
    if (this.renewalTimer) clearTimeout(this.renewalTimer);
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
    for (const id of removed) this.renewed.delete(id);
    if (this.quiet) return;
    const changed = added.concat(updated, removed);
    const shared = this.share && origin !== FROM_OTHERS ? awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed) : null;
    if (shared) this.share!(shared);
    const renewals = updated.filter((id) => !changedStates.has(id));
    if (renewals.length === changed.length) {
      for (const id of renewals) this.renewed.add(id);
      this.renewalTimer ??= setTimeout(this.sendRenewals, this.renewalHoldMs).unref();
      return;
    }
    // Something changed: it goes now, with the renewals held so far (none of those that
    // left); without any, it is the update the other processes were given.
    const held = this.takeRenewed().filter((id) => !changed.includes(id));
    const update = shared && held.length === 0 ? shared : awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed.concat(held));
    this.broadcast(awarenessMessage(update));
  };

  /** The entries renewed and held so far, no longer held. */
  private takeRenewed(): number[] {
    const ids = [...this.renewed];
    this.renewed.clear();
    if (this.renewalTimer) clearTimeout(this.renewalTimer);
    this.renewalTimer = null;
    return ids;
  }

  private onChange = ({ updated }: { updated: number[] }): void => {
    this.changedStates = updated;
  };

  private sendRenewals = (): void => {
    this.renewalTimer = null;
    const message = this.takeRenewals();
    if (message) this.broadcast(message);
  };
}
