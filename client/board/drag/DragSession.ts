import { sameSlot, type Slot } from './nextSlot';

export interface Drag {
  itemId: string;
  activity: string;
  /** The card on the board. */
  card: HTMLElement;
  /** Where the card was lifted from. */
  from: Slot;
  /** Where it would land now; null outside the board. */
  to: Slot | null;
  byKeyboard: boolean;
  /** The card's top left corner on the screen when it was lifted (the keyboard's preview moves from there). */
  origin: { x: number; y: number };
}

/**
 * The drag under way, outside React state: a move over a new place re-renders the
 * one style element that marks it, not the board's cards.
 */
export class DragSession {
  private drag: Drag | null = null;
  private readonly listeners = new Set<() => void>();

  readonly get = () => this.drag;

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  start(drag: Drag) {
    this.set(drag);
  }

  /** Returns whether the place changed. */
  moveTo(to: Slot | null): boolean {
    const drag = this.drag;
    if (!drag || sameOrBothNull(drag.to, to)) return false;
    this.set({ ...drag, to });
    return true;
  }

  end() {
    this.set(null);
  }

  private set(drag: Drag | null) {
    this.drag = drag;
    this.listeners.forEach((l) => l());
  }
}

const sameOrBothNull = (a: Slot | null, b: Slot | null) => a === b || (a !== null && b !== null && sameSlot(a, b));
