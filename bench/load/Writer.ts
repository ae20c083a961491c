import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { updateItem } from '../../shared/plan/itemOps';
import { STATUSES, type Priority } from '../../shared/plan/types';
import { planItems } from '../../shared/plan/schema';
import { marker } from './marker';
import { updateMessage } from './messages';
import type { LightClient } from './LightClient';

// A person who changes one card now and then through the board's own plan operation
// (updateItem): a status or a priority, plus the status note that carries the marker,
// in one transaction (one ~60-byte update), so the server records the same audit lines
// as for an edit on the board. The writer keeps its own copy of the plan only to
// produce real Yjs updates; it does not apply what others send, which keeps the
// generator light and is still valid Yjs (each writer has a card of its own).

export class Writer {
  readonly doc = new Y.Doc();
  sent = 0;
  bytes = 0;

  constructor(
    readonly index: number,
    readonly client: LightClient,
    plan: Uint8Array,
    private readonly itemId: string,
  ) {
    Y.applyUpdate(this.doc, plan);
    if (!planItems(this.doc).has(itemId)) throw new Error(`no item ${itemId} in the plan`);
  }

  /** Changes made ahead by `prepare`, sent in order before any new one is made. */
  private prepared: Uint8Array[] = [];

  /** Sends the next change now and returns its sequence number. */
  write(): number {
    const seq = this.sent++;
    const update = this.prepared.length > seq ? this.prepared[seq] : this.change(seq, performance.now());
    this.bytes += update.length;
    this.client.send(updateMessage(update));
    return seq;
  }

  /**
   * Makes the next `count` changes now, with the time 0 in their marker, so that a
   * throughput run measures the server and not the generator making them.
   */
  prepare(count: number): void {
    for (let i = 0; i < count; i++) this.prepared.push(this.change(this.sent + this.prepared.length, 0));
  }

  private change(seq: number, sentAt: number): Uint8Array {
    let update: Uint8Array | null = null;
    const capture = (u: Uint8Array) => (update = u);
    this.doc.on('update', capture);
    const statusNote = marker(this.index, seq, sentAt);
    if (seq % 2 === 0) updateItem(this.doc, this.itemId, { status: STATUSES[(seq / 2) % STATUSES.length], statusNote });
    else updateItem(this.doc, this.itemId, { priority: (1 + (((seq - 1) / 2) % 3)) as Priority, statusNote });
    this.doc.off('update', capture);
    return update!;
  }
}

/** Ids of the plan's items, so that writers spread over the cards. */
export function itemIds(plan: Uint8Array): string[] {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, plan);
  const ids = [...planItems(doc).keys()].sort();
  doc.destroy();
  return ids;
}
