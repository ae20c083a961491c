import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { setStatus } from '../../shared/plan/itemOps';
import { writeBlocks, writePlainText } from '../../shared/plan/richText';
import { listItems, planFocus, planStrategy } from '../../shared/plan/schema';
import { applyPlanDiff } from '../../shared/snapshot/applyPlanDiff';
import { changedLines } from '../../shared/snapshot/changedLines';
import { describePlanDiff } from '../../shared/snapshot/describePlanDiff';
import { diffWords } from '../../shared/snapshot/diffWords';
import { diffPlans } from '../../shared/snapshot/diffPlans';
import type { KeyedPlan } from '../../shared/snapshot/KeyedPlan';
import { isEmptyDiff } from '../../shared/snapshot/PlanDiff';
import { readKeyedPlan } from '../../shared/snapshot/readKeyedPlan';
import { restorePlanContent } from '../../shared/snapshot/restorePlanContent';
import { replicas } from '../helpers/planFixture';

// The strategy and the focus text between two snapshots: what the history view shows
// when the board rewrites the strategy page, and what a snapshot stored before these
// texts were kept still gives.

const STRATEGY = ['Vision', 'Sveriges Ekokommuner arbetar för en hållbar utveckling.', 'Vi samverkar med kommunerna.', 'Vi är en förebild.'].join('\n');

function planWithStrategy(): Y.Doc {
  const [doc] = replicas(1);
  writePlainText(planStrategy(doc), STRATEGY);
  return doc;
}

/** A snapshot's plain JSON as it was stored before the strategy and focus were kept. */
function storedBefore(plan: KeyedPlan): KeyedPlan {
  const { strategy: _strategy, focus: _focus, ...rest } = JSON.parse(JSON.stringify(plan)) as KeyedPlan;
  return rest;
}

describe('comparing the strategy and focus texts', () => {
  it('a snapshot keeps both texts in its plain form', () => {
    const doc = planWithStrategy();
    expect(readKeyedPlan(doc)).toMatchObject({ strategy: STRATEGY, focus: 'Fokus' });
  });

  it('a rewritten strategy and focus text carry word-level highlighting and round-trip', () => {
    const doc = planWithStrategy();
    const a = readKeyedPlan(doc);
    writePlainText(planStrategy(doc), STRATEGY.replace('en hållbar utveckling', 'en cirkulär och hållbar utveckling'));
    writePlainText(planFocus(doc), 'Fokus 2026: klimatanpassning');
    const b = readKeyedPlan(doc);
    const diff = diffPlans(a, b);
    expect(isEmptyDiff(diff)).toBe(false);
    expect(diff.items.changed).toEqual([]);
    expect(diff.texts.map((t) => t.field)).toEqual(['strategy', 'focus']);
    expect(diff.texts[0].segments).toEqual([
      { op: 'same', text: 'Vision\nSveriges Ekokommuner arbetar för en ' },
      { op: 'add', text: 'cirkulär och ' },
      { op: 'same', text: 'hållbar utveckling.\nVi samverkar med kommunerna.\nVi är en förebild.' },
    ]);
    expect(diff.texts[1]).toMatchObject({ from: 'Fokus', to: 'Fokus 2026: klimatanpassning' });
    expect(applyPlanDiff(a, diff)).toEqual(b);
    expect(applyPlanDiff(b, diffPlans(b, a))).toEqual(a);
    expect(describePlanDiff(diff)).toEqual([
      'Strategy:',
      '  …',
      '  "Sveriges Ekokommuner arbetar för en hållbar utveckling." → "Sveriges Ekokommuner arbetar för en {+cirkulär och +}hållbar utveckling."',
      '  …',
      'Focus:',
      '  "Fokus" → "Fokus{+ 2026: klimatanpassning+}"',
    ]);
  });

  it('formatting alone is no change of the text', () => {
    const doc = planWithStrategy();
    const a = readKeyedPlan(doc);
    writeBlocks(planStrategy(doc), [
      { type: 'heading', level: 2, runs: [{ text: 'Vision', bold: true }] },
      ...STRATEGY.split('\n').slice(1).map((line) => ({ type: 'paragraph' as const, runs: [{ text: line, italic: true }] })),
    ]);
    expect(isEmptyDiff(diffPlans(a, readKeyedPlan(doc)))).toBe(true);
  });

  it('a restore that brings back an older strategy shows as its change', () => {
    const doc = planWithStrategy();
    const old = new Y.Doc();
    Y.applyUpdate(old, Y.encodeStateAsUpdate(doc));
    writePlainText(planStrategy(doc), 'Vision\nEn helt ny strategi.');
    const before = readKeyedPlan(doc);
    restorePlanContent(doc, old);
    const [change] = diffPlans(before, readKeyedPlan(doc)).texts;
    expect(change).toMatchObject({ field: 'strategy', from: 'Vision\nEn helt ny strategi.', to: STRATEGY });
  });

  it('a snapshot stored before the texts were kept compares without them, and without failing', () => {
    const doc = planWithStrategy();
    const old = storedBefore(readKeyedPlan(doc));
    writePlainText(planStrategy(doc), 'Vision\nOmskriven.');
    setStatus(doc, listItems(doc)[0].id, 'done');
    const now = readKeyedPlan(doc);
    for (const diff of [diffPlans(old, now), diffPlans(now, old)]) {
      // Not known is not empty: the old side's strategy is not reported as written anew.
      expect(diff.texts).toEqual([]);
      expect(diff.items.changed.map((c) => c.status?.to ?? c.status?.from)).toHaveLength(1);
      expect(() => describePlanDiff(diff)).not.toThrow();
    }
    const applied = applyPlanDiff(old, diffPlans(old, now));
    expect('strategy' in applied || 'focus' in applied).toBe(false);
    expect(isEmptyDiff(diffPlans(old, storedBefore(now)))).toBe(false);
    expect(isEmptyDiff(diffPlans(old, old))).toBe(true);
  });
});

describe('the changed lines of a long text', () => {
  it('keeps only the lines a change touched, with a gap for those left out', () => {
    const segments = diffWords(STRATEGY, STRATEGY.replace('Vi samverkar', 'Vi samverkar nära'));
    expect(changedLines(segments)).toEqual([
      null,
      [
        { op: 'same', text: 'Vi samverkar ' },
        { op: 'add', text: 'nära ' },
        { op: 'same', text: 'med kommunerna.' },
      ],
      null,
    ]);
  });

  it('shows both lines around a line break that was added or removed, and the whole of a short text', () => {
    expect(changedLines([{ op: 'same', text: 'Ett' }, { op: 'del', text: ' ' }, { op: 'add', text: '\n' }, { op: 'same', text: 'två\ntre' }])).toEqual([
      [{ op: 'same', text: 'Ett' }, { op: 'del', text: ' ' }],
      [{ op: 'same', text: 'två' }],
      null,
    ]);
    expect(changedLines([{ op: 'del', text: 'Fokus' }, { op: 'add', text: 'Mål' }])).toEqual([
      [
        { op: 'del', text: 'Fokus' },
        { op: 'add', text: 'Mål' },
      ],
    ]);
  });
});
