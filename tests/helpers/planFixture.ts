import * as Y from 'yjs';
import { writePlanDocument } from '../../shared/plan/writePlanDocument';
import type { PlainItem, PlanDocument } from '../../shared/plan/types';

const item = (activity: string, extra: Partial<PlainItem> = {}): PlainItem => ({
  activity,
  how: `Hur för ${activity}`,
  who: ['Kansli'],
  when: 'Löpande',
  status: 'not_started',
  statusNote: '',
  priority: null,
  ...extra,
});

/** A small plan of two directions, built by hand for operation tests. */
export function smallPlan(): PlanDocument {
  return {
    plan: {
      title: 'Verksamhetsplan 2025',
      year: 2025,
      directions: [
        { title: 'Förebild och föregångare', items: [item('A', { priority: 1 }), item('B'), item('C', { status: 'in_progress' })] },
        { title: 'Pådrivare och opinionsbildare', items: [item('D'), item('E', { who: ['Styrelse', 'Kansli'] })] },
      ],
    },
    organisation: 'SVERIGES EKOKOMMUNER',
    version: 'Version 2',
    preamble: [{ text: 'Redovisas vid årsmötet', bold: true }],
    strategy: [{ type: 'heading', level: 1, runs: [{ text: 'Vision' }] }],
    focus: [{ type: 'paragraph', runs: [{ text: 'Fokus' }] }],
  };
}

/** Several replicas of one plan, connected by hand so a test decides when they sync. */
export function replicas(n: number, source = smallPlan()): Y.Doc[] {
  const origin = new Y.Doc();
  writePlanDocument(origin, source);
  const state = Y.encodeStateAsUpdate(origin);
  return Array.from({ length: n }, () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    return doc;
  });
}

/** Exchanges every missing update between all replicas. */
export function syncAll(docs: Y.Doc[]): void {
  for (const a of docs) for (const b of docs) if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
}
