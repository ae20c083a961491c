import type { ItemFieldChange } from '../../shared/plan/itemChanges';
import type { Priority, Status } from '../../shared/plan/types';
import { useI18n } from '../i18n/I18nProvider';

// The discussion's texts in Swedish and English, kept beside the components that use
// them; the language comes from the app's I18nProvider.

const statusSv: Record<Status, string> = { not_started: 'Ej påbörjad', planned: 'Planeras', in_progress: 'Pågår', paused: 'Vilande', done: 'Klart' };
const statusEn: Record<Status, string> = { not_started: 'Not started', planned: 'Planned', in_progress: 'In progress', paused: 'Paused', done: 'Done' };

const sv = {
  locale: 'sv-SE',
  comments: 'Kommentarer',
  commentsOn: (activity: string) => `Kommentarer: ${activity}`,
  badge: (activity: string, count: number, unread: number) =>
    `${count === 0 ? 'Inga kommentarer' : count === 1 ? '1 kommentar' : `${count} kommentarer`}${unread ? `, ${unread} olästa` : ''}. Öppna kommentarer för ${activity}`,
  unreadMarker: 'Oläst',
  noThreads: 'Inga kommentarer ännu.',
  newThread: 'Ny kommentar',
  newThreadLabel: 'Skriv en kommentar',
  send: 'Kommentera',
  reply: 'Svara',
  replyLabel: 'Skriv ett svar',
  sendReply: 'Skicka svar',
  edit: 'Redigera',
  editLabel: 'Redigera kommentaren',
  save: 'Spara',
  cancel: 'Avbryt',
  remove: 'Ta bort',
  confirmRemove: 'Ta bort kommentaren? Tråden finns kvar och visar att en kommentar tagits bort.',
  hide: 'Dölj',
  confirmHide: 'Dölja kommentaren för alla? Den visas som dold av kansliet.',
  resolve: 'Markera som löst',
  reopen: 'Öppna igen',
  resolvedBy: (name: string, at: string) => `Löst av ${name}, ${at}`,
  edited: 'redigerad',
  deleted: 'Kommentaren har tagits bort.',
  hidden: 'Kommentaren har dolts av kansliet.',
  replies: (n: number) => (n === 1 ? '1 svar' : `${n} svar`),
  sending: 'Skickar…',
  loadingEditor: 'Laddar textredigeraren…',
  loading: 'Hämtar…',
  failed: 'Något gick fel. Försök igen.',
  archivedNote: 'Punkten har tagits bort. Kommentarerna finns kvar att läsa.',
  snapshotNote: 'Kommentarerna som de var när ögonblicksbilden sparades. De går inte att ändra här.',
  toolbar: 'Formatering',
  bold: 'Fetstil',
  italic: 'Kursiv',
  bulletList: 'Punktlista',
  orderedList: 'Numrerad lista',
  link: 'Länk',
  linkAddress: 'Länkadress (https://… eller mailto:…)',
  addLink: 'Lägg till länk',
  removeLink: 'Ta bort länk',
  badLink: 'Länken måste börja med http://, https:// eller mailto:.',
  mentionSuggestions: 'Personer att nämna',
  mentionAnnounce: (name: string, n: number, of: number) => `${name}, ${n} av ${of}. Pil upp och ned byter, Enter väljer.`,
  noPeople: 'Ingen person hittades',
  submitHint: 'Ctrl+Enter skickar',
  whatsNew: 'Nytt sedan ditt senaste besök',
  whatsNewSince: (at: string) => `Sedan ${at}`,
  nothingNew: 'Inget nytt sedan ditt senaste besök.',
  markAllSeen: 'Markera allt som sett',
  openComments: (activity: string) => `Öppna kommentarer för ${activity}`,
  newComments: (n: number) => (n === 1 ? '1 ny kommentar' : `${n} nya kommentarer`),
  mentionsYou: 'nämner dig',
  isReply: 'svar',
  threadResolved: (name: string) => `En tråd markerades som löst av ${name}`,
  changesBy: (names: string[], at: string) => `${names.filter(Boolean).join(', ') || 'Servern'}, ${at}`,
  deletedItem: 'Borttagen punkt',
  archive: 'Arkiv',
  archiveTitle: 'Kommentarer på borttagna punkter',
  archiveEmpty: 'Inga borttagna punkter har kommentarer.',
  fields: { activity: 'Vad', how: 'Hur', when: 'När/Resurs', statusNote: 'Statusnotering', direction: 'Inriktning', who: 'Vem', status: 'Status', priority: 'Prioritet' },
  created: 'Punkten lades till',
  removedItem: 'Punkten togs bort',
  restored: 'Punkten återställdes',
  textChanged: (field: string) => `${field} ändrades`,
  status: statusSv,
  priority: (p: Priority) => (p === null ? 'ingen' : `P${p}`),
  none: 'ingen',
  errors: {
    EMPTY_COMMENT: 'Kommentaren är tom.',
    COMMENT_TOO_LONG: 'Kommentaren är för lång (högst 20 000 tecken).',
    UNSAFE_LINK: 'Länkar måste vara webbadresser eller e-postadresser.',
    NOT_YOURS: 'Du kan bara ändra dina egna kommentarer.',
    FORBIDDEN: 'Din roll får inte göra det här.',
  } as Record<string, string>,
};

export type CommentTexts = typeof sv;

const en: CommentTexts = {
  ...sv,
  locale: 'en-GB',
  comments: 'Comments',
  commentsOn: (activity) => `Comments: ${activity}`,
  badge: (activity, count, unread) =>
    `${count === 0 ? 'No comments' : count === 1 ? '1 comment' : `${count} comments`}${unread ? `, ${unread} unread` : ''}. Open comments on ${activity}`,
  unreadMarker: 'Unread',
  noThreads: 'No comments yet.',
  newThread: 'New comment',
  newThreadLabel: 'Write a comment',
  send: 'Comment',
  reply: 'Reply',
  replyLabel: 'Write a reply',
  sendReply: 'Send reply',
  edit: 'Edit',
  editLabel: 'Edit the comment',
  save: 'Save',
  cancel: 'Cancel',
  remove: 'Delete',
  confirmRemove: 'Delete the comment? The thread stays and shows that a comment was deleted.',
  hide: 'Hide',
  confirmHide: 'Hide the comment from everyone? It is shown as hidden by the secretariat.',
  resolve: 'Resolve',
  reopen: 'Reopen',
  resolvedBy: (name, at) => `Resolved by ${name}, ${at}`,
  edited: 'edited',
  deleted: 'This comment was deleted.',
  hidden: 'This comment was hidden by the secretariat.',
  replies: (n) => (n === 1 ? '1 reply' : `${n} replies`),
  sending: 'Sending…',
  loadingEditor: 'Loading the editor…',
  loading: 'Loading…',
  failed: 'Something went wrong. Please try again.',
  archivedNote: 'This item was deleted. Its comments can still be read.',
  snapshotNote: 'The comments as they were when the snapshot was saved. They cannot be changed here.',
  toolbar: 'Formatting',
  bold: 'Bold',
  italic: 'Italic',
  bulletList: 'Bulleted list',
  orderedList: 'Numbered list',
  link: 'Link',
  linkAddress: 'Link address (https://… or mailto:…)',
  addLink: 'Add link',
  removeLink: 'Remove link',
  badLink: 'A link must start with http://, https:// or mailto:.',
  mentionSuggestions: 'People to mention',
  mentionAnnounce: (name, n, of) => `${name}, ${n} of ${of}. Arrow keys move, Enter chooses.`,
  noPeople: 'No one found',
  submitHint: 'Ctrl+Enter sends',
  whatsNew: 'New since your last visit',
  whatsNewSince: (at) => `Since ${at}`,
  nothingNew: 'Nothing new since your last visit.',
  markAllSeen: 'Mark all as seen',
  openComments: (activity) => `Open comments on ${activity}`,
  newComments: (n) => (n === 1 ? '1 new comment' : `${n} new comments`),
  mentionsYou: 'mentions you',
  isReply: 'reply',
  threadResolved: (name) => `A thread was resolved by ${name}`,
  changesBy: (names, at) => `${names.filter(Boolean).join(', ') || 'The server'}, ${at}`,
  deletedItem: 'Deleted item',
  archive: 'Archive',
  archiveTitle: 'Comments on deleted items',
  archiveEmpty: 'No deleted item has comments.',
  fields: { activity: 'What', how: 'How', when: 'When/Resources', statusNote: 'Status note', direction: 'Direction', who: 'Who', status: 'Status', priority: 'Priority' },
  created: 'The item was added',
  removedItem: 'The item was deleted',
  restored: 'The item was restored',
  textChanged: (field) => `${field} changed`,
  status: statusEn,
  priority: (p) => (p === null ? 'none' : `P${p}`),
  none: 'none',
  errors: {
    EMPTY_COMMENT: 'The comment is empty.',
    COMMENT_TOO_LONG: 'The comment is too long (at most 20,000 characters).',
    UNSAFE_LINK: 'Links must be web or e-mail addresses.',
    NOT_YOURS: 'You can only change your own comments.',
    FORBIDDEN: 'Your role may not do this.',
  },
};

export function useCommentTexts(): CommentTexts {
  return useI18n().lang === 'en' ? en : sv;
}

/** One line for a field change, e.g. "Status: Pågår → Klart". */
export function describeChange(t: CommentTexts, change: ItemFieldChange): string {
  switch (change.field) {
    case 'created':
      return t.created;
    case 'deleted':
      return t.removedItem;
    case 'restored':
      return t.restored;
    case 'status':
      return `${t.fields.status}: ${t.status[change.from]} → ${t.status[change.to]}`;
    case 'priority':
      return `${t.fields.priority}: ${t.priority(change.from)} → ${t.priority(change.to)}`;
    case 'who':
      return `${t.fields.who}: ${change.from.join(', ') || t.none} → ${change.to.join(', ') || t.none}`;
    case 'how':
      return t.textChanged(t.fields.how);
    default:
      return `${t.fields[change.field]}: ${change.from || t.none} → ${change.to || t.none}`;
  }
}

export const formatTime = (t: CommentTexts, at: number) =>
  new Intl.DateTimeFormat(t.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at));
