import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { STATUSES } from '../../shared/plan/types';
import { planItems } from '../../shared/plan/schema';
import { marker } from './marker';
import { updateMessage } from './messages';
import type { LightClient } from './LightClient';

// A person who changes one card now and then: a status or a priority, plus the status
// note that carries the marker, in one transaction (one ~60-byte update). The writer
// keeps its own copy of the plan only to produce real Yjs updates; it does not apply
// what others send, which keeps the generator light and is still valid Yjs (concurrent
// writes to the same key resolve like any concurrent edit).

export class Writer {
  readonly doc = new Y.Doc();
  private readonly item: Y.Map<unknown>;
  sent = 0;
  bytes = 0;

  constructor(
    readonly index: number,
    readonly client: LightClient,
    plan: Uint8Array,
    itemId: string,
  ) {
    Y.applyUpdate(this.doc, plan);
    const item = planItems(this.doc).get(itemId);
    if (!item) throw new Error(`no item ${itemId} in the plan`);
    this.item = item;
  }

  /** Sends the next change now and returns its sequence number. */
  write(): number {
    const seq = this.sent++;
    let update: Uint8Array | null = null;
    const capture = (u: Uint8Array) => (update = u);
    this.doc.on('update', capture);
    const sentAt = performance.now();
    this.doc.transact(() => {
      if (seq % 2 === 0) this.item.set('status', STATUSES[(seq / 2) % STATUSES.length]);
      else this.item.set('priority', 1 + (((seq - 1) / 2) % 3));
      this.item.set('statusNote', marker(this.index, seq, sentAt));
    });
    this.doc.off('update', capture);
    this.bytes += update!.length;
    this.client.send(updateMessage(update!));
    return seq;
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
