import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { activityRuns, runPlace } from '../../shared/plan/activityRuns';
import { filterItems, isFiltering, rowsFilter } from '../../client/board/filterItems';
import { parsePlanDocument } from '../../shared/import/parsePlanDocument';
import { deleteItem, moveItem, setStatus, updateItem } from '../../shared/plan/itemOps';
import { listDirections, listItems } from '../../shared/plan/schema';
import { writePlanDocument } from '../../shared/plan/writePlanDocument';

const seed = parsePlanDocument(readFileSync(new URL('../../seed/verksamhetsplan-2025.txt', import.meta.url)));

function seededDoc(): Y.Doc {
  const doc = new Y.Doc();
  writePlanDocument(doc, seed);
  return doc;
}

/** "row k of n" for every live row with this Vad, in plan order; "-" for a row of its own. */
function places(doc: Y.Doc, activity: string): string[] {
  const items = listItems(doc);
  const runs = activityRuns(items);
  return items
    .filter((i) => i.activity === activity)
    .map((i) => {
      const place = runPlace(runs, i.id);
      return place ? `${place.row}/${place.of}` : '-';
    });
}

const rowsOf = (doc: Y.Doc, activity: string) => listItems(doc).filter((i) => i.activity === activity);

describe('the rows of one activity', () => {
  it('are numbered in plan order, whatever column each row is in', () => {
    const doc = seededDoc();
    expect(rowsOf(doc, 'Medlemsvård').map((i) => i.status)).toEqual(['done', 'not_started', 'in_progress']);
    expect(places(doc, 'Medlemsvård')).toEqual(['1/3', '2/3', '3/3']);
    expect(places(doc, 'Lobbying')).toEqual(['1/2', '2/2']);
    expect(places(doc, 'Extern kommunikation')).toEqual(['1/3', '2/3', '3/3']);
    expect(places(doc, 'Informationspaket för medlemmar')).toEqual(['-']);
  });

  it('share one run, named by its first row', () => {
    const doc = seededDoc();
    const runs = activityRuns(listItems(doc));
    const [first, ...rest] = rowsOf(doc, 'Medlemsvård');
    for (const row of rest) expect(runPlace(runs, row.id)?.runId).toBe(first.id);
    const lobbying = rowsOf(doc, 'Lobbying')[0];
    expect(runPlace(runs, lobbying.id)?.runId).not.toBe(first.id);
  });

  it('keep their numbers when a row changes column', () => {
    const doc = seededDoc();
    const [first, , third] = rowsOf(doc, 'Medlemsvård');
    setStatus(doc, third.id, 'paused');
    moveItem(doc, first.id, { status: 'planned' });
    expect(places(doc, 'Medlemsvård')).toEqual(['1/3', '2/3', '3/3']);
    expect(rowsOf(doc, 'Medlemsvård').map((i) => i.id)[2]).toBe(third.id);
  });

  it('are renumbered when a row is deleted, the first one included', () => {
    const doc = seededDoc();
    const [first, second, third] = rowsOf(doc, 'Medlemsvård');
    deleteItem(doc, second.id);
    expect(places(doc, 'Medlemsvård')).toEqual(['1/2', '2/2']);
    deleteItem(doc, first.id);
    expect(places(doc, 'Medlemsvård')).toEqual(['-']);
    expect(runPlace(activityRuns(listItems(doc)), third.id)).toBeNull();
  });

  it('follow the new order when a row is moved within the activity', () => {
    const doc = seededDoc();
    const [first, second, third] = rowsOf(doc, 'Medlemsvård');
    moveItem(doc, third.id, { beforeId: first.id });
    const items = listItems(doc);
    const runs = activityRuns(items);
    expect([third, first, second].map((i) => runPlace(runs, i.id)?.row)).toEqual([1, 2, 3]);
  });

  it('lose a row that is moved to another direction or given another Vad', () => {
    const doc = seededDoc();
    const [first, second, third] = rowsOf(doc, 'Medlemsvård');
    const other = listDirections(doc).find((d) => d.id !== first.directionId)!;
    moveItem(doc, second.id, { directionId: other.id });
    let runs = activityRuns(listItems(doc));
    // The two left close up and stay one activity; the moved row stands alone in its
    // new direction, though items of all directions come interleaved.
    expect(runPlace(runs, first.id)).toMatchObject({ row: 1, of: 2 });
    expect(runPlace(runs, third.id)).toMatchObject({ row: 2, of: 2, runId: first.id });
    expect(runPlace(runs, second.id)).toBeNull();
    updateItem(doc, third.id, { activity: 'Kontaktuppgifter' });
    runs = activityRuns(listItems(doc));
    expect(runPlace(runs, first.id)).toBeNull();
    expect(runPlace(runs, third.id)).toBeNull();
  });

  it('are all that the filter for one of them shows, and nothing else', () => {
    const doc = seededDoc();
    const items = listItems(doc);
    const runs = activityRuns(items);
    const second = rowsOf(doc, 'Medlemsvård')[1];
    const filter = rowsFilter(second);
    expect(isFiltering(filter)).toBe(true);
    const shown = filterItems(items, filter);
    expect(shown.map((i) => i.id)).toEqual(items.filter((i) => runs.runOf.get(i.id) === runs.runOf.get(second.id)).map((i) => i.id));
    expect(shown).toHaveLength(3);
    // Other filters would hide some of the rows; showing the rows clears them.
    expect(filter).toMatchObject({ text: '', who: null, priority: 'any', status: null });
  });
});
