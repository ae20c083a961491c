import * as Y from 'yjs';
import { planFocus, planItems, planStrategy } from '../../shared/plan/schema';

export interface UndoState {
  canUndo: boolean;
  canRedo: boolean;
}

/**
 * One person's undo and redo on a plan: a Y.UndoManager over the items (with every
 * item's Hur inside them), the strategy and the focus text that tracks only changes
 * this browser made. Board operations run through `change`, under an origin of this
 * object's own; the text editors add their binding's origin with `trackOrigin`.
 * Changes that arrive from the server or from the browser's cache carry other origins,
 * so an undo never takes back what someone else did.
 */
export class PlanUndo {
  /** The origin of this browser's own board operations. */
  readonly origin: object = Object.freeze({ planbordLocalChange: true });
  readonly manager: Y.UndoManager;
  private state: UndoState = { canUndo: false, canRedo: false };
  private listeners = new Set<() => void>();

  constructor(private readonly doc: Y.Doc) {
    this.manager = new Y.UndoManager([planItems(doc), planStrategy(doc), planFocus(doc)], {
      trackedOrigins: new Set<unknown>([this.origin]),
    });
    for (const event of ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const) this.manager.on(event, this.refresh);
  }

  /**
   * Runs plan operations as one undo step of this person. Capturing stops before and
   * after, so a board operation never merges with typing just before or after it.
   */
  change<T>(operation: () => T): T {
    this.manager.stopCapturing();
    let result: T | undefined;
    try {
      this.doc.transact(() => {
        result = operation();
      }, this.origin);
    } finally {
      this.manager.stopCapturing();
    }
    return result as T;
  }

  /** Also counts transactions with this origin (a text editor's binding) as this person's. */
  trackOrigin(origin: unknown): void {
    this.manager.addTrackedOrigin(origin);
  }

  undo = (): boolean => this.manager.undo() !== null;

  redo = (): boolean => this.manager.redo() !== null;

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  getSnapshot = (): UndoState => this.state;

  private refresh = () => {
    const next = { canUndo: this.manager.undoStack.length > 0, canRedo: this.manager.redoStack.length > 0 };
    if (next.canUndo === this.state.canUndo && next.canRedo === this.state.canRedo) return;
    this.state = next;
    this.listeners.forEach((l) => l());
  };
}

const perDoc = new WeakMap<Y.Doc, PlanUndo>();

/** The undo history of this browser on this plan document, made on first use. */
export function planUndo(doc: Y.Doc): PlanUndo {
  let undo = perDoc.get(doc);
  if (!undo) {
    undo = new PlanUndo(doc);
    perDoc.set(doc, undo);
  }
  return undo;
}
