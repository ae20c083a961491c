import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { updateItem } from '../../shared/plan/itemOps';
import { listItems } from '../../shared/plan/schema';
import { writePlanDocument } from '../../shared/plan/writePlanDocument';
import { describePlanDiff } from '../../shared/snapshot/describePlanDiff';
import { diffPlans } from '../../shared/snapshot/diffPlans';
import { diffWords, sidesOf, type WordSegment } from '../../shared/snapshot/diffWords';
import { readKeyedPlan } from '../../shared/snapshot/readKeyedPlan';
import { smallPlan } from '../helpers/planFixture';
import { seeded, sentence } from './snapshotFixtures';

const side = (segments: WordSegment[], skip: WordSegment['op']) =>
  segments
    .filter((s) => s.op !== skip)
    .map((s) => s.text)
    .join('');

describe('word-level highlighting', () => {
  it('marks the changed words only', () => {
    expect(diffWords('Arbeta med hållbar upphandling i kommunerna', 'Arbeta aktivt med cirkulär upphandling i kommunerna')).toEqual([
      { op: 'same', text: 'Arbeta ' },
      { op: 'add', text: 'aktivt ' },
      { op: 'same', text: 'med ' },
      { op: 'del', text: 'hållbar' },
      { op: 'add', text: 'cirkulär' },
      { op: 'same', text: ' upphandling i kommunerna' },
    ]);
  });

  it('treats Swedish letters as part of words and punctuation on its own', () => {
    expect(diffWords('Pågår, delvis klart', 'Pågår. Delvis klart')).toEqual([
      { op: 'same', text: 'Pågår' },
      { op: 'del', text: ', delvis' },
      { op: 'add', text: '. Delvis' },
      { op: 'same', text: ' klart' },
    ]);
  });

  it('a text written from nothing, or emptied, is one segment', () => {
    expect(diffWords('', 'Ny text')).toEqual([{ op: 'add', text: 'Ny text' }]);
    expect(diffWords('Gammal text', '')).toEqual([{ op: 'del', text: 'Gammal text' }]);
    expect(diffWords('', '')).toEqual([]);
    expect(diffWords('Samma', 'Samma')).toEqual([{ op: 'same', text: 'Samma' }]);
  });

  it('never loses a character: the old and the new text can be read back from the segments', () => {
    const rng = seeded(42);
    for (let run = 0; run < 500; run++) {
      const a = sentence(rng, 30);
      const b = rng() < 0.5 ? sentence(rng, 30) : a.replace(/\bi\b/, 'på') + sentence(rng, 3);
      const segments = diffWords(a, b);
      expect(side(segments, 'add')).toBe(a);
      expect(side(segments, 'del')).toBe(b);
      for (let i = 1; i < segments.length; i++) expect(segments[i].op === 'same' && segments[i - 1].op === 'same').toBe(false);
    }
  });

  it('two long texts with little in common still compare, as one removal and one addition in the middle', () => {
    const rng = seeded(3);
    const a = 'Början. ' + Array.from({ length: 3000 }, () => sentence(rng, 1)).join(' ') + ' Slut.';
    const b = 'Början. ' + Array.from({ length: 3000 }, () => sentence(rng, 1)).join(' ') + ' Slut.';
    const segments = diffWords(a, b);
    expect(side(segments, 'add')).toBe(a);
    expect(side(segments, 'del')).toBe(b);
    expect(segments.map((s) => s.op)).toEqual(['same', 'del', 'add', 'same']);
    expect(segments[0].text).toBe('Början. ');
  });
});

describe('a changed text as the old and the new sentence', () => {
  /** The comparison of a plan before and after one item's När changed. */
  const change = (from: string, to: string) => {
    const plan = smallPlan();
    plan.plan.directions[0].items[0] = { ...plan.plan.directions[0].items[0], activity: 'SEKOMS Framtidsagenda', when: from };
    const doc = new Y.Doc();
    writePlanDocument(doc, plan);
    const before = readKeyedPlan(doc);
    updateItem(doc, listItems(doc).find((i) => i.activity === 'SEKOMS Framtidsagenda')!.id, { when: to });
    return diffPlans(before, readKeyedPlan(doc));
  };

  it('shows both texts whole, the removed words marked in the old and the added in the new', () => {
    const diff = change('Hela året', 'Hela året, rapport till årsmötet');
    expect(describePlanDiff(diff)).toEqual(['Items changed (1):', '  SEKOMS Framtidsagenda: when: "Hela året" → "Hela året{+, rapport till årsmötet+}"']);
    expect(sidesOf(diffWords('Pågår, delvis klart', 'Pågår, helt klart'))).toEqual({
      before: [{ op: 'same', text: 'Pågår, ' }, { op: 'del', text: 'delvis' }, { op: 'same', text: ' klart' }],
      after: [{ op: 'same', text: 'Pågår, ' }, { op: 'add', text: 'helt' }, { op: 'same', text: ' klart' }],
    });
  });

  it('gives back exactly the old and the new text', () => {
    for (const [a, b] of [['Hela året', 'Hela året, rapport till årsmötet'], ['', 'Ny'], ['Gammal', ''], ['Till årsmöte', 'Inför årsmötet 2026']]) {
      const { before, after } = sidesOf(diffWords(a, b));
      expect(before.map((s) => s.text).join('')).toBe(a);
      expect(after.map((s) => s.text).join('')).toBe(b);
      expect(before.some((s) => s.op === 'add') || after.some((s) => s.op === 'del')).toBe(false);
    }
  });
});
