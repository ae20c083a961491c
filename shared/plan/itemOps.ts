import * as Y from 'yjs';
import { PlanError } from './PlanError';
import { keyBetween } from './orderKey';
import { newId } from './newId';
import { writePlainText } from './richText';
import { asStatus, byOrder, listItems, planDirections, planItems, type ItemMap } from './schema';
import { statusNoteAfter } from './statusNoteAfter';
import { STATUSES, type Priority, type Status } from './types';

// Operations on plan items. Each runs in one transaction, so it is one undo step and
// one update on the wire. Values are checked here as well as in the UI: the same
// functions run in the server's import and in the command line.

export const LIMITS = { activity: 500, when: 500, statusNote: 500, party: 120, parties: 30, how: 20_000 } as const;

export interface NewItem {
  directionId: string;
  activity: string;
  how?: string;
  who?: string[];
  when?: string;
  status?: Status;
  statusNote?: string;
  priority?: Priority;
}

function text(value: unknown, field: string, max: number): string {
  if (typeof value !== 'string') throw new PlanError('INVALID_VALUE', `${field} must be text`);
  if (value.length > max) throw new PlanError('INVALID_VALUE', `${field} is longer than ${max} characters`);
  return value;
}

export function checkStatus(value: unknown): Status {
  if (!(STATUSES as readonly unknown[]).includes(value)) throw new PlanError('INVALID_VALUE', `unknown status: ${String(value)}`);
  return value as Status;
}

export function checkPriority(value: unknown): Priority {
  if (value === null || value === 1 || value === 2 || value === 3) return value;
  throw new PlanError('INVALID_VALUE', `priority must be 1, 2, 3 or none, not ${String(value)}`);
}

export function checkWho(value: unknown): string[] {
  if (!Array.isArray(value) || value.length > LIMITS.parties) throw new PlanError('INVALID_VALUE', 'Vem must be a list of names');
  const names = value.map((v) => text(v, 'Vem', LIMITS.party).trim()).filter(Boolean);
  return [...new Set(names)];
}

function item(doc: Y.Doc, id: string): ItemMap {
  const found = planItems(doc).get(id);
  if (!found || found.get('deleted') === true) throw new PlanError('ITEM_NOT_FOUND', `no item ${id}`);
  return found;
}

function checkDirection(doc: Y.Doc, directionId: unknown): string {
  if (typeof directionId !== 'string' || !planDirections(doc).has(directionId)) {
    throw new PlanError('DIRECTION_NOT_FOUND', `no direction ${String(directionId)}`);
  }
  return directionId;
}

/** The order key of the last live item in a direction. */
function lastOrder(doc: Y.Doc, directionId: string): string | null {
  const inDirection = listItems(doc).filter((i) => i.directionId === directionId);
  return inDirection.length ? inDirection[inDirection.length - 1].order : null;
}

/** Adds an item at the end of its direction (or after `afterId`) and returns its id. */
export function addItem(doc: Y.Doc, fields: NewItem, afterId?: string): string {
  const id = newId();
  doc.transact(() => {
    const directionId = checkDirection(doc, fields.directionId);
    const map: ItemMap = new Y.Map();
    const how = new Y.XmlFragment();
    map.set('directionId', directionId);
    map.set('activity', text(fields.activity, 'Vad', LIMITS.activity));
    map.set('how', how);
    map.set('who', checkWho(fields.who ?? []));
    map.set('when', text(fields.when ?? '', 'När/Resurs', LIMITS.when));
    map.set('status', checkStatus(fields.status ?? 'not_started'));
    map.set('statusNote', text(fields.statusNote ?? '', 'Status', LIMITS.statusNote));
    map.set('priority', checkPriority(fields.priority ?? null));
    map.set('order', afterId ? orderAfter(doc, directionId, afterId) : keyBetween(lastOrder(doc, directionId), null));
    planItems(doc).set(id, map);
    writePlainText(how, text(fields.how ?? '', 'Hur', LIMITS.how));
  });
  return id;
}

function orderAfter(doc: Y.Doc, directionId: string, afterId: string): string {
  const list = listItems(doc).filter((i) => i.directionId === directionId);
  const index = list.findIndex((i) => i.id === afterId);
  if (index < 0) return keyBetween(lastOrder(doc, directionId), null);
  return keyBetween(list[index].order, list[index + 1]?.order ?? null);
}

export type ItemPatch = Partial<Pick<NewItem, 'activity' | 'how' | 'who' | 'when' | 'status' | 'statusNote' | 'priority'>>;

/**
 * Sets an item's status and, unless the change names its own note, drops a note that
 * only said the old status (statusNoteAfter): in the caller's transaction, so the two
 * are one undo step and one update.
 */
function writeStatus(map: ItemMap, status: Status, ownNote: boolean): void {
  const from = asStatus(map.get('status'));
  if (from === status) return;
  map.set('status', status);
  if (ownNote) return;
  const note = typeof map.get('statusNote') === 'string' ? String(map.get('statusNote')) : '';
  const after = statusNoteAfter(note, from, status);
  if (after.outcome === 'removed') map.set('statusNote', after.note);
}

/**
 * Changes the given fields; fields whose value is unchanged are not written. A new
 * status without a new note also settles the note (see writeStatus).
 */
export function updateItem(doc: Y.Doc, id: string, patch: ItemPatch): void {
  doc.transact(() => {
    const map = item(doc, id);
    const set = (key: string, value: unknown) => {
      const old = map.get(key);
      if (JSON.stringify(old) !== JSON.stringify(value)) map.set(key, value);
    };
    if (patch.activity !== undefined) set('activity', text(patch.activity, 'Vad', LIMITS.activity));
    if (patch.when !== undefined) set('when', text(patch.when, 'När/Resurs', LIMITS.when));
    if (patch.statusNote !== undefined) set('statusNote', text(patch.statusNote, 'Status', LIMITS.statusNote));
    if (patch.status !== undefined) writeStatus(map, checkStatus(patch.status), patch.statusNote !== undefined);
    if (patch.priority !== undefined) set('priority', checkPriority(patch.priority));
    if (patch.who !== undefined) set('who', checkWho(patch.who));
    if (patch.how !== undefined) writePlainText(map.get('how') as Y.XmlFragment, text(patch.how, 'Hur', LIMITS.how));
  });
}

export const setStatus = (doc: Y.Doc, id: string, status: Status) => updateItem(doc, id, { status });
export const setPriority = (doc: Y.Doc, id: string, priority: Priority) => updateItem(doc, id, { priority });
export const setWho = (doc: Y.Doc, id: string, who: string[]) => updateItem(doc, id, { who });

/** Marks an item deleted; its map stays so that comments and history keep their item. */
export function deleteItem(doc: Y.Doc, id: string): void {
  doc.transact(() => item(doc, id).set('deleted', true));
}

export function restoreItem(doc: Y.Doc, id: string): void {
  doc.transact(() => {
    const map = planItems(doc).get(id);
    if (!map) throw new PlanError('ITEM_NOT_FOUND', `no item ${id}`);
    map.delete('deleted');
  });
}

export interface MoveTarget {
  directionId?: string;
  status?: Status;
  /** Place right after this item; null places first. */
  afterId?: string | null;
  /** Place right before this item (used when afterId is not given). */
  beforeId?: string;
}

/**
 * Moves an item to another direction, status or place. A move writes at most three
 * fields of the one item (four when a note that only said the old status goes), so
 * concurrent moves of the same card end with one card in one place (the last
 * writer's), never two.
 */
export function moveItem(doc: Y.Doc, id: string, target: MoveTarget): void {
  doc.transact(() => {
    const map = item(doc, id);
    const directionId = target.directionId === undefined ? String(map.get('directionId')) : checkDirection(doc, target.directionId);
    if (target.status !== undefined) writeStatus(map, checkStatus(target.status), false);
    if (directionId !== map.get('directionId')) map.set('directionId', directionId);
    const others = listItems(doc).filter((i) => i.directionId === directionId && i.id !== id);
    let index: number; // the position among the others at which the item goes
    if (target.afterId === null) index = 0;
    else if (target.afterId !== undefined) {
      const at = others.findIndex((i) => i.id === target.afterId);
      index = at < 0 ? others.length : at + 1;
    } else if (target.beforeId !== undefined) {
      const at = others.findIndex((i) => i.id === target.beforeId);
      index = at < 0 ? others.length : at;
    } else if (target.directionId !== undefined) index = others.length;
    else return;
    const order = keyBetween(others[index - 1]?.order ?? null, others[index]?.order ?? null);
    const current = { id, order: String(map.get('order')) };
    const stillBetween =
      (index === 0 || byOrder(others[index - 1], current) < 0) && (index === others.length || byOrder(current, others[index]) < 0);
    if (!stillBetween) map.set('order', order);
  });
}
