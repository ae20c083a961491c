import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { exportSourceFromDoc } from '../../shared/export/exportSourceFromDoc';
import { bareStatusWords, statusFromNote } from '../../shared/import/statuses';
import { parsePlanDocument } from '../../shared/import/parsePlanDocument';
import { moveItem, setStatus, updateItem } from '../../shared/plan/itemOps';
import { listItems, planItems } from '../../shared/plan/schema';
import { statusNoteAfter } from '../../shared/plan/statusNoteAfter';
import { STATUSES } from '../../shared/plan/types';
import { writePlanDocument } from '../../shared/plan/writePlanDocument';
import { renderExport } from '../../server/export/renderExport';
import { parseMarkdownTables, readDocx, readPdfText, squash } from './exportReaders';

// A status note that only said the old status goes when the status changes, by any
// path; a note that says more stays. The annual meeting's document must never print
// "Klart" with "Pågår" under it.

const seed = parsePlanDocument(readFileSync(new URL('../../seed/verksamhetsplan-2025.txt', import.meta.url)));
const SEKOM = 'Årets SEKOM-initiativ';
const EXTERNAL = 'Uppdatera föreningens externa informationsmaterial.';

function seedDoc() {
  const doc = new Y.Doc();
  writePlanDocument(doc, seed);
  const find = (pred: (i: ReturnType<typeof listItems>[number]) => boolean) => listItems(doc).find(pred)!;
  return { doc, sekom: find((i) => i.activity === SEKOM), external: find((i) => i.how === EXTERNAL), find };
}

describe('statusNoteAfter', () => {
  it('removes a note that only names the old status, in any of its forms', () => {
    for (const note of ['Pågår', 'pågår', 'Pågående', 'Påbörjat.', '  PÅGÅR ', '[Pågår]', '[Pågår] Pågår', 'In progress']) {
      expect(statusNoteAfter(note, 'in_progress', 'done'), note).toEqual({ note: '', outcome: 'removed' });
    }
    expect(statusNoteAfter('Vilande', 'paused', 'planned').outcome).toBe('removed');
    expect(statusNoteAfter('Färdigt', 'done', 'in_progress').outcome).toBe('removed');
  });

  it('keeps a note that says more than a status, or names another one', () => {
    for (const note of ['Pågår, delvis klart (Utst på Eko-centrum)', 'Håller kontakt en deltar i webinarier.', 'Pågår sedan mars', 'Klart']) {
      expect(statusNoteAfter(note, 'in_progress', 'done'), note).toEqual({ note, outcome: 'kept' });
    }
  });

  it('leaves everything alone when the status stays or there is no note', () => {
    expect(statusNoteAfter('Pågår', 'in_progress', 'in_progress')).toEqual({ note: 'Pågår', outcome: 'unchanged' });
    expect(statusNoteAfter('', 'in_progress', 'done')).toEqual({ note: '', outcome: 'unchanged' });
  });

  it('counts as bare only words that the importer reads as that very status', () => {
    for (const status of STATUSES) {
      for (const word of bareStatusWords(status).filter((w) => !/^[a-z ]+$/.test(w))) expect(statusFromNote(word), word).toBe(status);
    }
  });
});

describe('changing a status', () => {
  it.each([
    ['the status select', (doc: Y.Doc, id: string) => setStatus(doc, id, 'done')],
    ['a move on the board', (doc: Y.Doc, id: string) => moveItem(doc, id, { status: 'done' })],
    ['the dialog', (doc: Y.Doc, id: string) => updateItem(doc, id, { status: 'done', when: 'Maj' })],
  ])('by %s drops "Pågår" in the same single update, and keeps a note that says more', (_, change) => {
    const { doc, sekom, external, find } = seedDoc();
    expect([sekom.status, sekom.statusNote]).toEqual(['in_progress', 'Pågår']);
    let updates = 0;
    doc.on('update', () => updates++);
    change(doc, sekom.id);
    change(doc, external.id);
    expect(updates).toBe(2);
    expect([find((i) => i.id === sekom.id).status, find((i) => i.id === sekom.id).statusNote]).toEqual(['done', '']);
    expect(find((i) => i.id === external.id).statusNote).toBe('Pågår, delvis klart (Utst på Eko-centrum)');
  });

  it('keeps the note the same change writes itself', () => {
    const { doc, sekom, find } = seedDoc();
    updateItem(doc, sekom.id, { status: 'done', statusNote: 'Pågår' });
    expect(find((i) => i.id === sekom.id).statusNote).toBe('Pågår');
  });

  it('is one undo step: undo brings status and note back together, redo takes both again', () => {
    const { doc, sekom, find } = seedDoc();
    const origin = { local: true };
    const undo = new Y.UndoManager(planItems(doc), { trackedOrigins: new Set([origin]) });
    doc.transact(() => moveItem(doc, sekom.id, { status: 'done' }), origin);
    const now = () => [find((i) => i.id === sekom.id).status, find((i) => i.id === sekom.id).statusNote];
    expect(now()).toEqual(['done', '']);
    undo.undo();
    expect(now()).toEqual(['in_progress', 'Pågår']);
    expect(undo.undoStack).toHaveLength(0);
    undo.redo();
    expect(now()).toEqual(['done', '']);
  });
});

describe('a note naming another status than its item has (an older plan, or typed during a move)', () => {
  it('is left out of the document, and a note that says more is not', async () => {
    const { doc, sekom, external } = seedDoc();
    doc.transact(() => {
      planItems(doc).get(sekom.id)!.set('status', 'done');
      planItems(doc).get(external.id)!.set('status', 'done');
    });
    const md = new TextDecoder().decode(
      (await renderExport('md', exportSourceFromDoc(doc), { statusNotes: true, comments: 'none' }, { date: '2025-05-23T10:00:00Z' })).body,
    );
    const rows = parseMarkdownTables(md).flat();
    expect(rows.find((cells) => cells[0] === SEKOM)?.[4]).toBe('Klart');
    expect(rows.find((cells) => cells[1] === EXTERNAL)?.[4]).toBe('Klart\n*Pågår, delvis klart (Utst på Eko-centrum)*');
    const docx = await readDocx(
      (await renderExport('docx', exportSourceFromDoc(doc), { statusNotes: true, comments: 'none' }, { date: '2025-05-23T10:00:00Z' })).body,
    );
    const cells = docx.tables.flat();
    expect(squash(cells.find((row) => row[0].text === SEKOM)![4].text)).toBe('Klart');
  });
});

describe('the exports of the 2025 plan after "Årets SEKOM-initiativ" moved to Klart', async () => {
  const { doc, sekom } = seedDoc();
  moveItem(doc, sekom.id, { status: 'done' });
  const render = (format: 'docx' | 'pdf' | 'md' | 'txt') =>
    renderExport(format, exportSourceFromDoc(doc), { statusNotes: true, comments: 'none' }, { date: '2025-05-23T10:00:00Z' });

  it('Word prints Klart alone', async () => {
    const docx = await readDocx((await render('docx')).body);
    const row = docx.tables[0].find((cells) => cells[0].text === SEKOM)!;
    expect(row[4].text).toBe('Klart');
  });

  it('PDF prints Klart alone', async () => {
    const text = squash(await readPdfText((await render('pdf')).body));
    const row = text.slice(text.indexOf(squash(SEKOM)), text.indexOf(squash('SIS tekniska kommitté')));
    expect(row).toContain('Klart');
    expect(row).not.toContain('Pågår');
  });

  it('Markdown prints Klart alone', async () => {
    const tables = parseMarkdownTables(new TextDecoder().decode((await render('md')).body));
    expect(tables[0].find((cells) => cells[0] === SEKOM)?.[4]).toBe('Klart');
  });

  it('the text format reads back as Klart with no note', async () => {
    const back = parsePlanDocument(Buffer.from((await render('txt')).body));
    const item = back.plan.directions[0].items.find((i) => i.activity === SEKOM)!;
    expect([item.status, item.statusNote]).toEqual(['done', '']);
  });
});
