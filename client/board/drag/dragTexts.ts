import { useI18n } from '../../i18n/I18nProvider';

// What moving a card says, in Swedish and English: to screen readers through the
// library's live region, and as the hint on the lifted card.

/** Where a place is: "Pågår i Förebild och föregångare, plats 2 av 3". */
export interface PlaceWords {
  status: string;
  direction: string;
  /** From 1. */
  position: number;
  of: number;
}

const sv = {
  instructions:
    'Tryck mellanslag eller Enter för att lyfta kortet. Upp- och nedpil flyttar det en plats i kolumnen och vidare till inriktningen ovanför eller nedanför, vänster- och högerpil till en annan status. Mellanslag eller Enter släpper det, Escape lägger tillbaka det. Med mus eller finger: dra kortet.',
  hint: '↑ ↓ plats · ← → status · Enter släpper · Esc avbryter',
  place: (p: PlaceWords) => `${p.status} i ${p.direction}, plats ${p.position} av ${p.of}`,
  pickedUp: (activity: string, place: string) => `${activity} lyft från ${place}.`,
  over: (place: string) => place,
  outside: 'Utanför tavlan. Släpps kortet här stannar det där det var.',
  dropped: (activity: string, place: string) => `${activity} flyttad till ${place}.`,
  stayed: (activity: string) => `${activity} släppt där det var.`,
  cancelled: (activity: string) => `Flytten av ${activity} avbröts.`,
};

const en: typeof sv = {
  instructions:
    'Press space or Enter to pick the card up. The up and down arrows move it one place in its column and on into the direction above or below, the left and right arrows to another status. Space or Enter drops it, Escape puts it back. With a mouse or a finger: drag the card.',
  hint: '↑ ↓ place · ← → status · Enter drops · Esc cancels',
  place: (p) => `${p.status} in ${p.direction}, place ${p.position} of ${p.of}`,
  pickedUp: (activity, place) => `${activity} picked up from ${place}.`,
  over: (place) => place,
  outside: 'Outside the board. Dropped here, the card stays where it was.',
  dropped: (activity, place) => `${activity} moved to ${place}.`,
  stayed: (activity) => `${activity} dropped where it was.`,
  cancelled: (activity) => `Moving ${activity} was cancelled.`,
};

export type DragTexts = typeof sv;

export const useDragTexts = (): DragTexts => (useI18n().lang === 'en' ? en : sv);
