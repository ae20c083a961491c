import type { KeyboardEvent, PointerEvent, SyntheticEvent, TouchEvent } from 'react';
import type { DirectionView, ItemView } from '../../../shared/plan/schema';
import type { Slot } from './nextSlot';

/** What the drag layer needs of the board, as it is at the latest render. */
export interface DragBoard {
  directions: DirectionView[];
  /** The items shown, in plan order: the cards a drop lands among. */
  visible: ItemView[];
  /** Moves the item to the place; false when it could not be moved (deleted meanwhile). */
  move(itemId: string, slot: Slot): boolean;
}

/** The hidden instructions of the drag layer, which every move button is described by. */
export const DRAG_HELP_ID = 'board-drag-help';

/** The drag layer's side: the sensors' handlers and a way to make a card its one draggable. */
export interface DragLayer {
  listeners: { [event: string]: ((event: SyntheticEvent) => void) | undefined };
  /** Makes this card the draggable the next pressed sensor starts with; false while another is dragged. */
  arm(itemId: string, card: HTMLElement, handle: HTMLElement | null): boolean;
}

// A press on these inside a card is theirs, not the start of a drag.
const CONTROLS = 'button, a, input, select, textarea, label, [contenteditable="true"]';

/**
 * Between the board, painted first, and its drag and drop, loaded after the first paint
 * (BoardDrag, with @dnd-kit). No card carries a drag hook: the board listens once for
 * presses, and the card pressed becomes the one draggable just before the press reaches
 * the library's sensors. A press that comes before the layer is there asks for it; a
 * key press on a move button is then handed over as soon as the layer arrives.
 */
export class DragBridge {
  /** Set by the board at each render. */
  board: DragBoard = { directions: [], visible: [], move: () => false };
  /** The board's own element: presses and cells are looked for inside it. */
  root: HTMLElement | null = null;
  private layer: DragLayer | null = null;
  private wanted = false;
  private waitingKey: HTMLElement | null = null;
  private focusAfterRender: string | null = null;
  private readonly listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  readonly isWanted = () => this.wanted;

  /** Asks for the drag layer (once). */
  readonly want = () => {
    if (this.wanted) return;
    this.wanted = true;
    this.listeners.forEach((l) => l());
  };

  attach(layer: DragLayer) {
    this.layer = layer;
    const key = this.waitingKey;
    this.waitingKey = null;
    // The key press that came too early, again, if its button still has the focus.
    if (key && key === document.activeElement) key.dispatchEvent(new window.KeyboardEvent('keydown', { key: ' ', code: 'Space', bubbles: true, cancelable: true }));
  }

  detach(layer: DragLayer) {
    if (this.layer === layer) this.layer = null;
  }

  /** A card moved with the keyboard is drawn anew in its new place: its move button gets the focus back there. */
  focusMoveButton(itemId: string) {
    this.focusAfterRender = itemId;
  }

  /** Called by the board after each render. */
  restoreFocus() {
    const id = this.focusAfterRender;
    const button = id && this.root?.querySelector<HTMLElement>(`[data-move-button="${CSS.escape(id)}"]`);
    if (!button) return;
    if (document.activeElement !== button) button.focus();
    this.focusAfterRender = null;
  }

  /** The board's handlers, delegated: one set for all cards. */
  readonly handlers = {
    onPointerOver: this.want,
    onFocus: this.want,
    onPointerDown: (e: PointerEvent) => {
      const pressed = this.pressed(e);
      // A finger on a card's body scrolls the page; holding it still lifts the card (the touch sensor).
      if (pressed && (e.pointerType !== 'touch' || pressed.handle)) this.forward('onPointerDown', e, pressed);
    },
    onTouchStart: (e: TouchEvent) => {
      const pressed = this.pressed(e);
      if (pressed && !pressed.handle) this.forward('onTouchStart', e, pressed);
    },
    onKeyDown: (e: KeyboardEvent) => {
      const pressed = this.pressed(e);
      if (!pressed?.handle) return;
      if (this.layer) this.forward('onKeyDown', e, pressed);
      else if (e.key === ' ' || e.key === 'Enter') {
        e.preventDefault(); // the button's click would open the dialog instead
        this.waitingKey = pressed.handle;
        this.want();
      }
    },
  };

  private pressed(e: SyntheticEvent): { itemId: string; card: HTMLElement; handle: HTMLElement | null } | null {
    const target = e.target;
    if (!(target instanceof Element) || !this.root) return null;
    const card = target.closest<HTMLElement>('[data-item-id]');
    if (!card || !this.root.contains(card)) return null;
    const handle = target.closest<HTMLElement>('[data-move-button]');
    if (!handle && target.closest(CONTROLS)) return null;
    return { itemId: card.dataset.itemId!, card, handle };
  }

  private forward(event: string, e: SyntheticEvent, pressed: NonNullable<ReturnType<DragBridge['pressed']>>) {
    const handler = this.layer?.listeners[event];
    if (!this.layer || !handler) return this.want();
    if (this.layer.arm(pressed.itemId, pressed.card, pressed.handle)) handler(e);
  }
}
