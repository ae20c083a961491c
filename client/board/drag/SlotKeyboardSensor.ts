import type { Activators, SensorInstance, SensorProps } from '@dnd-kit/core';
import type { KeyboardEvent } from 'react';
import type { Step } from './nextSlot';

export interface SlotKeyboardOptions {
  /** Takes the lifted card one step; returns where its preview goes (as a shift from where it was lifted), or null to stay. */
  step(step: Step): { x: number; y: number } | null;
}

const PICK_UP = [' ', 'Enter'];
const STEPS: Record<string, Step> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

/**
 * The keyboard for a board of cells: Space or Enter on a card's move button lifts the
 * card, each arrow key moves it one place (see nextSlot), Space or Enter drops it and
 * Escape puts it back. dnd-kit's own keyboard sensor moves by pixels and scrolls the
 * page on its own; here a key press is a step between places, and the page scrolls to
 * the place (SlotKeyboardOptions.step). Tab is held while a card is lifted, so the
 * focus stays on the button the announcements speak of.
 */
export class SlotKeyboardSensor implements SensorInstance {
  static activators: Activators<SlotKeyboardOptions> = [
    {
      eventName: 'onKeyDown',
      handler: ({ nativeEvent }: KeyboardEvent) => {
        if (!PICK_UP.includes(nativeEvent.key) || nativeEvent.repeat) return false;
        nativeEvent.preventDefault(); // no click on the button
        return true;
      },
    },
  ];

  autoScrollEnabled = false;
  private readonly document: Document;

  constructor(private readonly props: SensorProps<SlotKeyboardOptions>) {
    this.document = (props.event.target as Node).ownerDocument ?? document;
    // The key that lifted the card is still on its way: listen from the next task.
    setTimeout(() => this.document.addEventListener('keydown', this.onKeyDown, true));
    window.addEventListener('resize', this.cancel);
    this.document.addEventListener('visibilitychange', this.cancel);
    props.onStart({ x: 0, y: 0 });
  }

  private readonly onKeyDown = (event: globalThis.KeyboardEvent) => {
    const step = STEPS[event.key];
    if (step) {
      event.preventDefault();
      const shift = this.props.options.step(step);
      if (shift) this.props.onMove(shift);
    } else if (PICK_UP.includes(event.key)) {
      event.preventDefault();
      if (event.repeat) return;
      this.detach();
      this.props.onEnd();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation(); // it puts the card back, and closes nothing else
      this.cancel();
    } else if (event.key === 'Tab') {
      event.preventDefault();
    }
  };

  private readonly cancel = () => {
    this.detach();
    this.props.onCancel();
  };

  private detach() {
    this.document.removeEventListener('keydown', this.onKeyDown, true);
    window.removeEventListener('resize', this.cancel);
    this.document.removeEventListener('visibilitychange', this.cancel);
  }
}
