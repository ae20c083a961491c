import type { Status } from '../../shared/plan/types';

// Swedish, the default language. en.ts has the same keys; the type below makes the
// compiler hold them together.

const statuses: Record<Status, string> = {
  not_started: 'Ej påbörjad',
  planned: 'Planeras',
  in_progress: 'Pågår',
  paused: 'Vilande',
  done: 'Klart',
};

export const sv = {
  langName: 'Svenska',
  appName: 'Planbord',
  language: 'Språk',
  skipToBoard: 'Hoppa till tavlan',
  loadingPlans: 'Hämtar planer…',
  loadingPlan: 'Laddar planen…',
  plansFailed: 'Kunde inte hämta planerna från servern.',
  retry: 'Försök igen',
  noPlans: 'Det finns ingen plan ännu.',
  plan: 'Plan',
  statuses,
  fields: {
    activity: 'Vad',
    how: 'Hur',
    who: 'Vem',
    when: 'När/Resurs',
    status: 'Status',
    statusNote: 'Statusnotering',
    priority: 'Prioritet',
    direction: 'Inriktning',
  },
  priorityShort: (p: number) => `P${p}`,
  noPriority: 'Ingen prioritet',
  noPriorityShort: 'Prio –',
  board: 'Handlingsplan',
  itemCount: (n: number) => (n === 1 ? '1 aktivitet' : `${n} aktiviteter`),
  cellLabel: (status: string, direction: string) => `${status} – ${direction}`,
  groupLabel: (activity: string, n: number) => `${activity}, ${n} rader`,
  addItem: 'Lägg till',
  addItemIn: (direction: string) => `Lägg till aktivitet i ${direction}`,
  editItem: (activity: string) => `Redigera ${activity}`,
  deleteItem: (activity: string) => `Ta bort ${activity}`,
  moveItem: (activity: string) => `Flytta ${activity}`,
  statusFor: (activity: string) => `Status för ${activity}`,
  priorityFor: (activity: string) => `Prioritet för ${activity}`,
  move: {
    hint: '← → kolumn · ↑ ↓ inriktning · Enter släpper · Esc avbryter',
    pickedUp: (activity: string, status: string, direction: string) =>
      `${activity} lyft från ${status} i ${direction}. Vänster- och högerpil byter kolumn, upp- och nedpil byter inriktning. Enter eller mellanslag släpper, Escape avbryter.`,
    over: (status: string, direction: string) => `${status} i ${direction}`,
    dropped: (activity: string, status: string, direction: string) => `${activity} flyttad till ${status} i ${direction}.`,
    cancelled: (activity: string) => `Flytten av ${activity} avbröts.`,
    failed: 'Aktiviteten kunde inte flyttas: den finns inte längre.',
  },
  filter: {
    label: 'Filter',
    search: 'Sök i planen',
    searchPlaceholder: 'Sök…',
    who: 'Filtrera på vem',
    anyone: 'Alla parter',
    priority: 'Filtrera på prioritet',
    anyPriority: 'Alla prioriteter',
    noPriority: 'Utan prioritet',
    status: 'Filtrera på status',
    anyStatus: 'Alla statusar',
    clear: 'Rensa filter',
    showing: (shown: number, total: number) => `Visar ${shown} av ${total} aktiviteter`,
  },
  dialog: {
    newTitle: (direction: string) => `Ny aktivitet i ${direction}`,
    editTitle: 'Redigera aktivitet',
    save: 'Spara',
    cancel: 'Avbryt',
    close: 'Stäng',
    delete: 'Ta bort',
    activityRequired: 'Skriv vad aktiviteten är.',
    saveFailed: (reason: string) => `Kunde inte spara: ${reason}`,
    goneWhileEditing: 'Aktiviteten har tagits bort av någon annan.',
    howHint: 'En rad per stycke.',
  },
  who: {
    known: 'Parter',
    other: 'Andra namn',
    addName: 'Lägg till namn',
    newName: 'Nytt namn',
    removeName: (name: string) => `Ta bort ${name}`,
  },
  confirmDelete: {
    title: 'Ta bort aktiviteten?',
    body: (activity: string) => `”${activity}” tas bort från tavlan. Du kan ångra direkt efteråt.`,
    confirm: 'Ta bort',
    cancel: 'Avbryt',
  },
  toast: {
    deleted: (activity: string) => `”${activity}” togs bort.`,
    undo: 'Ångra',
    dismiss: 'Stäng meddelandet',
  },
  connection: {
    label: 'Anslutning',
    connecting: 'Ansluter…',
    connected: 'Ansluten',
    reconnecting: 'Återansluter…',
    offline: 'Offline',
    refused: 'Anslutningen nekades',
    pending: 'Ändringar inte delade ännu',
    savedLocally: 'Ändringar sparas i webbläsaren',
  },
  presence: {
    online: 'Online nu',
    count: (n: number) => (n === 1 ? '1 online' : `${n} online`),
    you: 'du',
    yourName: 'Ditt namn',
    changeName: (name: string) => `Ditt namn: ${name}. Byt namn`,
    guest: (n: number) => `Gäst ${n}`,
    nameTitle: 'Vad heter du?',
    nameHelp: 'Namnet visas för andra som har tavlan öppen.',
  },
} as const;

type Widen<T> = T extends (...args: infer A) => infer R
  ? (...args: A) => Widen<R>
  : T extends string
    ? string
    : { [K in keyof T]: Widen<T[K]> };

export type Messages = Widen<typeof sv>;
