import {
  DndContext,
  DragOverlay,
  PointerSensor,
  TouchSensor,
  useDraggable,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragStartEvent,
} from '@dnd-kit/core';
import { useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { copyOfCard } from './copyOfCard';
import { cellOthers, naturalIndex } from '../../../shared/plan/cellPlace';
import { useI18n } from '../../i18n/I18nProvider';
import { shownStatuses, showSlot, slotAt } from './boardGeometry';
import { DRAG_HELP_ID, type DragBridge, type DragLayer } from './DragBridge';
import { DragSession, type Drag } from './DragSession';
import { useDragTexts } from './dragTexts';
import { DropStyle } from './DropStyle';
import './drag.css';
import { nextSlot, sameSlot, type Slot, type SlotGrid, type Step } from './nextSlot';
import { SlotKeyboardSensor, type SlotKeyboardOptions } from './SlotKeyboardSensor';

// The library's one draggable; which card it is, is set as a card is pressed.
const CARD = 'card';

interface Props {
  bridge: DragBridge;
}

/**
 * Drag and drop on the board, with @dnd-kit: a mouse or pen drags a card once it has
 * moved a few pixels, a finger drags it by its move button at once or by its body
 * after holding it still, and the keyboard lifts it with the move button (see
 * SlotKeyboardSensor). A card moves between statuses and directions and to any place
 * within a cell; the library scrolls the page near its edges and speaks each step.
 */
export default function BoardDrag({ bridge }: Props) {
  const t = useDragTexts();
  const { t: app } = useI18n();
  const [session] = useState(() => new DragSession());
  const armed = useRef<{ itemId: string; card: HTMLElement } | null>(null);
  const spoken = useRef<{ to: Slot | null; end: string }>({ to: null, end: '' });
  const root = bridge.root!;

  const grid = (movingId: string): SlotGrid => ({
    directions: bridge.board.directions.map((d) => d.id),
    statuses: shownStatuses(root),
    count: (directionId, status) => cellOthers(bridge.board.visible, directionId, status, movingId).length,
  });
  const placeText = (slot: Slot, movingId: string) =>
    t.place({
      status: app.statuses[slot.status],
      direction: bridge.board.directions.find((d) => d.id === slot.directionId)?.title ?? '',
      position: slot.index + 1,
      of: grid(movingId).count(slot.directionId, slot.status) + 1,
    });

  // The keyboard's steps, read at each key press from the board as it is then.
  const [keyboard] = useState<SlotKeyboardOptions>(() => ({
    step: (step: Step) => {
      const drag = session.get();
      if (!drag?.to) return null;
      const to = nextSlot(grid(drag.itemId), drag.to, step);
      if (sameSlot(to, drag.to)) return null;
      session.moveTo(to);
      const corner = showSlot(root, to, drag.itemId);
      return corner && { x: corner.x - drag.origin.x, y: corner.y - drag.origin.y };
    },
  }));
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 300, tolerance: 8 } }),
    useSensor(SlotKeyboardSensor, keyboard),
  );

  // Where a pointer or finger is, it would land; the keyboard's place is its own.
  const [detect] = useState(() => {
    const placeOf: CollisionDetection = ({ pointerCoordinates }) => {
      const drag = session.get();
      if (!drag) return [];
      const to = drag.byKeyboard ? drag.to : pointerCoordinates && slotAt(root, pointerCoordinates.x, pointerCoordinates.y, drag.itemId);
      return to ? [{ id: `${to.directionId}/${to.status}/${to.index}`, data: { slot: to } }] : [];
    };
    return placeOf;
  });

  const start = ({ activatorEvent }: DragStartEvent) => {
    const item = armed.current && bridge.board.visible.find((i) => i.id === armed.current!.itemId);
    if (!item) return;
    const from: Slot = {
      directionId: item.directionId,
      status: item.status,
      index: naturalIndex(cellOthers(bridge.board.visible, item.directionId, item.status, item.id), item, item.directionId),
    };
    const box = armed.current!.card.getBoundingClientRect();
    spoken.current.to = from;
    session.start({ itemId: item.id, activity: item.activity, card: armed.current!.card, from, to: from, byKeyboard: activatorEvent instanceof KeyboardEvent, origin: { x: box.left, y: box.top } });
  };

  const end = () => {
    const drag = session.get();
    session.end();
    if (!drag) return;
    const { itemId, activity, from, to } = drag;
    if (!to || sameSlot(to, from)) spoken.current.end = t.stayed(activity);
    else if (bridge.board.move(itemId, to)) {
      spoken.current.end = t.dropped(activity, placeText(to, itemId));
      if (drag.byKeyboard) bridge.focusMoveButton(itemId);
    } else spoken.current.end = app.move.failed;
  };

  const announcements: Announcements = {
    onDragStart: () => {
      const drag = session.get();
      return drag ? t.pickedUp(drag.activity, placeText(drag.from, drag.itemId)) : undefined;
    },
    onDragMove: () => {
      const drag = session.get();
      if (!drag || drag.to === spoken.current.to) return undefined;
      spoken.current.to = drag.to;
      return drag.to ? t.over(placeText(drag.to, drag.itemId)) : t.outside;
    },
    onDragOver: () => undefined,
    onDragEnd: () => spoken.current.end,
    onDragCancel: ({ active }) => {
      const activity = bridge.board.visible.find((i) => i.id === armed.current?.itemId)?.activity ?? String(active.id);
      return t.cancelled(activity);
    },
  };

  return (
    <DndContext
      id={DRAG_HELP_ID}
      sensors={sensors}
      collisionDetection={detect}
      // The page scrolls when the pointer comes within a tenth of the screen of its edge (the library's own is a fifth).
      autoScroll={{ threshold: { x: 0.1, y: 0.1 } }}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t.instructions }, restoreFocus: false }}
      onDragStart={start}
      onDragMove={({ collisions }) => session.moveTo((collisions?.[0]?.data?.slot as Slot | undefined) ?? null)}
      onDragEnd={end}
      onDragCancel={() => session.end()}
    >
      <PressedCard bridge={bridge} session={session} armed={armed} />
      <DragOverlay dropAnimation={null} className="drag-overlay">
        <Preview session={session} hint={t.hint} />
      </DragOverlay>
      <DropStyle session={session} root={root} />
    </DndContext>
  );
}

/** The library's draggable, made the card that is pressed; it hands the sensors' handlers to the board. */
function PressedCard({ bridge, session, armed }: Props & { session: DragSession; armed: { current: { itemId: string; card: HTMLElement } | null } }) {
  const { listeners, setNodeRef, setActivatorNodeRef } = useDraggable({ id: CARD });
  useLayoutEffect(() => {
    const layer: DragLayer = {
      listeners: (listeners ?? {}) as DragLayer['listeners'],
      arm: (itemId, card, handle) => {
        if (session.get()) return false; // one card at a time
        armed.current = { itemId, card };
        setNodeRef(card);
        setActivatorNodeRef(handle ?? card);
        return true;
      },
    };
    bridge.attach(layer);
    return () => bridge.detach(layer);
  }, [bridge, session, armed, listeners, setNodeRef, setActivatorNodeRef]);
  return null;
}

/** The card in the hand: a picture of it, and for the keyboard the keys. */
function Preview({ session, hint }: { session: DragSession; hint: string }) {
  const drag: Drag | null = useSyncExternalStore(session.subscribe, session.get);
  const picture = useRef<HTMLDivElement>(null);
  const card = drag?.card;
  useLayoutEffect(() => {
    if (card) picture.current?.replaceChildren(copyOfCard(card));
  }, [card]);
  if (!drag) return null;
  return (
    <div className="drag-preview" aria-hidden="true">
      <div ref={picture} />
      {drag.byKeyboard && <p className="drag-hint">{hint}</p>}
    </div>
  );
}
