import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { en } from '../../shared/i18n/en';
import { sv, type Messages } from '../../shared/i18n/sv';
import { addItem, deleteItem, updateItem } from '../../shared/plan/itemOps';
import { listDirections, listItems } from '../../shared/plan/schema';
import { writePlanDocument } from '../../shared/plan/writePlanDocument';
import { boardHtml } from '../../server/page/boardHtml';
import { smallPlan } from '../helpers/planFixture';

// The board the server draws into the page, read back as a tree: the markup must be
// well formed (it is parsed as XML here) and say what the plan says.

interface Element {
  name: string;
  attrs: Record<string, string>;
  children: (Element | string)[];
}

function parse(html: string): Element {
  const root: Element = { name: 'root', attrs: {}, children: [] };
  const open = [root];
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => {
    const el: Element = { name: tag.name, attrs: tag.attributes as Record<string, string>, children: [] };
    open[open.length - 1].children.push(el);
    open.push(el);
  });
  parser.on('closetag', () => void open.pop());
  parser.on('text', (text) => void open[open.length - 1].children.push(text));
  parser.write(`<root>${html}</root>`).close();
  return root;
}

const all = (el: Element, test: (e: Element) => boolean): Element[] =>
  el.children.flatMap((c) => (typeof c === 'string' ? [] : [...(test(c) ? [c] : []), ...all(c, test)]));
const text = (el: Element): string => el.children.map((c) => (typeof c === 'string' ? c : text(c))).join('');
const byClass = (el: Element, name: string) => all(el, (e) => (e.attrs.class ?? '').split(' ').includes(name));

function plan() {
  const doc = new Y.Doc();
  writePlanDocument(doc, smallPlan());
  const [first] = listDirections(doc);
  const id = (activity: string) => listItems(doc).find((i) => i.activity === activity)!.id;
  return { doc, first, id };
}

const draw = (doc: Y.Doc, t: Messages = sv) => parse(boardHtml({ title: 'Plan', subtitle: 'SEKOM · Version 2', directions: listDirections(doc), items: listItems(doc) }, t));

describe('the board drawn by the server', () => {
  it('has every live item once, in its direction and status column, and no deleted one', () => {
    const { doc, id } = plan();
    deleteItem(doc, id('B'));
    const board = draw(doc);
    const cards = all(board, (e) => e.name === 'article');
    expect(cards.map((c) => c.attrs['data-item-id']).sort()).toEqual(['A', 'C', 'D', 'E'].map(id).sort());
    const lanes = all(board, (e) => e.name === 'section' && e.attrs.class === 'lane');
    expect(lanes.map((l) => text(all(l, (e) => e.name === 'h2')[0]))).toEqual(['Förebild och föregångare', 'Pådrivare och opinionsbildare']);
    const cell = all(lanes[0], (e) => e.attrs['aria-label'] === 'Pågår – Förebild och föregångare')[0];
    expect(all(cell, (e) => e.name === 'h3').map(text)).toEqual(['C']);
    expect(byClass(board, 'count').map(text)).toEqual(['3', '0', '1', '0', '0']);
    expect(byClass(lanes[0], 'lane-count').map(text)).toEqual(['2 aktiviteter']);
    expect(byClass(lanes[1], 'lane-count').map(text)).toEqual(['2 aktiviteter']);
  });

  it('shows what people wrote as text, never as markup', () => {
    const { doc, first } = plan();
    addItem(doc, { directionId: first.id, activity: '<img src=x onerror=alert(1)>', how: 'a "b" & \'c\' </p>', who: ['<b>Kansli</b>'], when: '<script>' });
    const board = draw(doc);
    expect(all(board, (e) => ['img', 'script', 'b'].includes(e.name))).toEqual([]);
    const card = all(board, (e) => e.name === 'article' && e.attrs['aria-label'] === '<img src=x onerror=alert(1)>')[0];
    expect(text(card)).toContain('a "b" & \'c\' </p>');
    expect(byClass(card, 'chip').map(text)).toEqual(['<b>Kansli</b>']);
    expect(text(byClass(card, 'card-when')[0])).toBe('När/Resurs: <script>');
  });

  it('groups the rows of one activity under its Vad and says which row each is', () => {
    const { doc, first } = plan();
    const a = addItem(doc, { directionId: first.id, activity: 'Medlemsvård', how: 'Besök' });
    addItem(doc, { directionId: first.id, activity: 'Medlemsvård', how: 'Nyhetsbrev' }, a);
    const group = all(draw(doc), (e) => e.attrs.class === 'activity-group')[0];
    expect(group.attrs['aria-label']).toBe('Medlemsvård, 2 rader');
    expect(byClass(group, 'run-tag').map(text)).toEqual(['Medlemsvård · rad 1 av 2', 'Medlemsvård · rad 2 av 2']);
    expect(all(group, (e) => e.name === 'article').map((c) => c.attrs['aria-label'])).toEqual(['Medlemsvård: Besök', 'Medlemsvård: Nyhetsbrev']);
  });

  it('shows the priority, the status and a status note that says more than the status', () => {
    const { doc, id } = plan();
    updateItem(doc, id('C'), { statusNote: 'Pågår, klart i maj' });
    updateItem(doc, id('D'), { statusNote: 'ej påbörjad' });
    const board = draw(doc);
    const card = (activity: string) => all(board, (e) => e.attrs['data-item-id'] === id(activity))[0];
    expect(byClass(card('A'), 'priority-badge').map(text)).toEqual(['P1']);
    expect(byClass(card('B'), 'priority-badge')).toEqual([]);
    expect(byClass(card('C'), 'card-status').map(text)).toEqual(['Pågår']);
    expect(byClass(card('C'), 'card-note').map(text)).toEqual(['Statusnotering: Pågår, klart i maj']);
    // A note that only repeats the status is not shown twice.
    expect(byClass(card('D'), 'card-note')).toEqual([]);
  });

  it('speaks English to someone who chose it', () => {
    const { doc } = plan();
    const board = draw(doc, en);
    expect(byClass(board, 'board-column-head').map((h) => text(h.children[0] as Element))).toEqual(Object.values(en.statuses));
    expect(all(board, (e) => e.name === 'section' && e.attrs.class === 'board')[0].attrs['aria-label']).toBe(en.board);
  });
});
