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

// The words that name a status and say nothing more: a note of only these (in any case,
// with a full stop or an exclamation mark) is the status written out, not a remark.
// Each reads back as its own status through the rules above; the English ones are the
// app's own names for the statuses in English.
const BARE_WORDS: Record<Status, string[]> = {
  not_started: ['ej påbörjad', 'ej påbörjat', 'ej startad', 'ej startat', 'inte påbörjad', 'inte påbörjat', 'inte startad', 'inte startat', 'not started'],
  planned: ['planeras', 'planerad', 'planerat', 'planerade', 'planned'],
  in_progress: ['pågår', 'pågående', 'påbörjad', 'påbörjat', 'påbörjade', 'startad', 'startat', 'igång', 'löpande', 'in progress'],
  paused: ['vilande', 'vilar', 'pausad', 'pausat', 'avvaktar', 'paused'],
  done: ['klar', 'klart', 'klara', 'färdig', 'färdigt', 'genomförd', 'genomfört', 'avslutad', 'avslutat', 'slutförd', 'slutfört', 'done'],
};

export const bareStatusWords = (status: Status): readonly string[] => BARE_WORDS[status];

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

/**
 * The status a note names when it says nothing else: "Pågår", "pågående.", "[Pågår]",
 * "[Klart] Klart". Null for a note that says more ("Pågår, delvis klart", "Klart
 * (Sotenäs)") or nothing at all.
 */
export function statusNamedBy(note: string): Status | null {
  const explicit = EXPLICIT.exec(note.trim());
  const label = explicit ? byLabel(explicit[1]) : undefined;
  if (explicit && label) {
    const rest = statusNamedBy(explicit[2]);
    return explicit[2].trim() === '' || rest === label ? label : null;
  }
  const words = note.trim().toLocaleLowerCase('sv').replace(/[.!]+$/, '').replace(/\s+/g, ' ');
  return STATUSES.find((s) => BARE_WORDS[s].includes(words)) ?? null;
}
