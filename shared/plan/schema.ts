import * as Y from 'yjs';
import { STATUSES, type Priority, type Status } from './types';
import { readPlainText } from './richText';

// One Y.Doc per plan. Top-level types:
//   meta        Y.Map   title, year, organisation, version
//   preamble    Y.XmlFragment
//   strategy    Y.XmlFragment  (Verksamhetsstrategi, edited with Tiptap)
//   focus       Y.XmlFragment  (the focus text of the action plan)
//   directions  Y.Map<id, Y.Map>  title, order
//   items       Y.Map<id, Y.Map>  see ItemField
// Items are keyed by id with a fractional `order` key, so moving a card is one field
// write and two people moving the same card can never duplicate it. A deleted item
// keeps its map with `deleted: true`, so its comments and history stay readable and
// a concurrent edit of a deleted card cannot bring half of it back.

export type ItemMap = Y.Map<unknown>;
export type DirectionMap = Y.Map<unknown>;

export interface ItemFields {
  directionId: string;
  activity: string;
  who: string[];
  when: string;
  status: Status;
  statusNote: string;
  priority: Priority;
  order: string;
  deleted: boolean;
}

/** An item as components and exports read it. */
export interface ItemView extends Omit<ItemFields, 'deleted'> {
  id: string;
  how: string;
}

export interface DirectionView {
  id: string;
  title: string;
  order: string;
}

export const planMeta = (doc: Y.Doc) => doc.getMap<unknown>('meta');
export const planDirections = (doc: Y.Doc) => doc.getMap<DirectionMap>('directions');
export const planItems = (doc: Y.Doc) => doc.getMap<ItemMap>('items');
export const planStrategy = (doc: Y.Doc) => doc.getXmlFragment('strategy');
export const planFocus = (doc: Y.Doc) => doc.getXmlFragment('focus');
export const planPreamble = (doc: Y.Doc) => doc.getXmlFragment('preamble');

/** The Hur of an item: a rich-text fragment nested in the item's map. */
export function itemHow(item: ItemMap): Y.XmlFragment {
  const how = item.get('how');
  if (how instanceof Y.XmlFragment) return how;
  throw new Error('item has no Hur fragment');
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

export function asStatus(v: unknown): Status {
  return (STATUSES as readonly unknown[]).includes(v) ? (v as Status) : 'not_started';
}

export function asPriority(v: unknown): Priority {
  return v === 1 || v === 2 || v === 3 ? v : null;
}

/** The item as the board shows it; `plainHow`, when given, is taken as its rich text's plain form. */
export function readItem(id: string, item: ItemMap, plainHow?: string): ItemView {
  const who = item.get('who');
  const how = item.get('how');
  return {
    id,
    directionId: str(item.get('directionId')),
    activity: str(item.get('activity')),
    how: plainHow ?? (how instanceof Y.XmlFragment ? readPlainText(how) : ''),
    who: Array.isArray(who) ? who.filter((w): w is string => typeof w === 'string') : [],
    when: str(item.get('when')),
    status: asStatus(item.get('status')),
    statusNote: str(item.get('statusNote')),
    priority: asPriority(item.get('priority')),
    order: str(item.get('order')),
  };
}

/** Orders by fractional key, then id, so every replica sorts equal keys the same way. */
export const byOrder = <T extends { order: string; id: string }>(a: T, b: T) =>
  a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

export function listDirections(doc: Y.Doc): DirectionView[] {
  const out: DirectionView[] = [];
  planDirections(doc).forEach((d, id) => out.push({ id, title: str(d.get('title')), order: str(d.get('order')) }));
  return out.sort(byOrder);
}

/** Live (not deleted) items, in plan order within each direction. */
export function listItems(doc: Y.Doc): ItemView[] {
  const out: ItemView[] = [];
  planItems(doc).forEach((item, id) => {
    if (item.get('deleted') !== true) out.push(readItem(id, item));
  });
  return out.sort(byOrder);
}

export function listDeletedItems(doc: Y.Doc): ItemView[] {
  const out: ItemView[] = [];
  planItems(doc).forEach((item, id) => {
    if (item.get('deleted') === true) out.push(readItem(id, item));
  });
  return out.sort(byOrder);
}

export function readMeta(doc: Y.Doc) {
  const meta = planMeta(doc);
  return {
    title: str(meta.get('title')),
    year: Number(meta.get('year')) || 0,
    organisation: str(meta.get('organisation')),
    version: str(meta.get('version')),
  };
}
