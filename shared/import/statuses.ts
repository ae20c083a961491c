import { STATUS_LABELS } from '../export/statusLabel';
import { STATUSES, type Status } from '../plan/types';

// Plan documents write their status as free text. It maps to one of five categories
// and the text itself is kept (statusNote). The first rule that matches wins:
//   empty, "Ej …", "Inte …"                       -> not_started  (nothing recorded yet)
//   "… delvis …" ("Pågår, delvis klart (…)")      -> in_progress  (partly done is not done)
//   starts with Klart, Färdigt, Genomfört, …      -> done         ("Klart (Sotenäs)", "Färdigt för 2025")
//   Pågår, Pågående, Påbörjat, Håller …, inlett,  -> in_progress  ("Håller kontakt …", "Håller på att
//   Löpande                                                          återstarta …", "Samarbete inlett …")
//   Vilande, Pausad, Avvaktar                     -> paused
//   Planeras, Planerad, Efter/Vid behov           -> planned      (will happen, or happens when needed)
//   contains klart, färdig, genomför              -> done
//   anything else                                 -> not_started  (a card claims no progress its text does not)
const RULES: Array<[RegExp, Status]> = [
  [/^$|^(?:ej|inte)(?!\p{L})/u, 'not_started'],
  [/delvis/u, 'in_progress'],
  [/^(?:klar|klart|färdig|färdigt|genomförd|genomfört|avslutad|avslutat|slutförd|slutfört)(?!\p{L})/u, 'done'],
  [/pågå|påbörja|håller|inlett|inledd|startat|löpande|igång/u, 'in_progress'],
  [/vilande|vilar|pausad|pausat|avvakta/u, 'paused'],
  [/planer|behov/u, 'planned'],
  [/klar|färdig|genomför/u, 'done'],
];

/** The category a free-text status names, or null when no rule recognises it. */
export function knownStatus(note: string): Status | null {
  const text = note.trim().toLowerCase();
  return RULES.find(([rule]) => rule.test(text))?.[1] ?? null;
}

/** The category a free-text status names. */
export const statusFromNote = (note: string): Status => knownStatus(note) ?? 'not_started';

/** The category whose name (or id) the text is, ignoring case and surrounding space. */
export const byLabel = (label: string): Status | undefined => {
  const wanted = label.trim().toLowerCase();
  return STATUSES.find((s) => s === wanted || STATUS_LABELS[s].toLowerCase() === wanted);
};

// When the category was changed on the board, the text no longer says it. The cell
// then names the category first, in brackets: "[Klart] Pågår, delvis klart".
const EXPLICIT = /^\[([^\]\n]*)\] ?([\s\S]*)$/;

/** The status cell's text as a category and the note it keeps. */
export function readStatusCell(text: string): { status: Status; statusNote: string } {
  const explicit = EXPLICIT.exec(text);
  const status = explicit ? byLabel(explicit[1]) : undefined;
  if (explicit && status) return { status, statusNote: explicit[2] };
  return { status: statusFromNote(text), statusNote: text };
}

/** The status cell for a category and a note; `explicit` always names the category. */
export function formatStatusCell(status: Status, note: string, explicit = false): string {
  if (!explicit && !note.startsWith('[') && statusFromNote(note) === status) return note;
  return `[${STATUS_LABELS[status]}]${note ? ` ${note}` : ''}`;
}
