import { statusNamedBy } from '../import/statuses';
import type { Block, PlainItem, TextRun } from '../plan/types';
import { ExportError } from './ExportError';
import { exportRounds, type ExportRound } from './exportRounds';
import { statusLabel } from './statusLabel';
import { swedishDate } from './swedishDate';
import type { ExportMeta, ExportOptions, ExportSource, ExportThread } from './types';

// One view of what an export shows, computed once, so that Word, PDF, Markdown and CSV
// cannot disagree about which directions, rows, statuses and comments are in it.

export interface ExportRow {
  item: PlainItem;
  key: string;
  statusLabel: string;
  /** The document's own status text when it is asked for, says more than the label and does not contradict it. */
  statusNote: string;
  /** Its comment threads that the options ask for. */
  threads: ExportThread[];
}

/** An activity: its first row and the continuation rows under it (Vad shown once). */
export interface ExportGroup {
  activity: string;
  rows: ExportRow[];
}

export interface ExportDirection {
  title: string;
  groups: ExportGroup[];
  rows: ExportRow[];
}

export interface ExportItemComments {
  direction: string;
  activity: string;
  how: string;
  threads: ExportThread[];
}

export interface ExportView {
  title: string;
  year: number;
  organisation: string;
  version: string;
  preamble: TextRun[];
  strategy: Block[];
  focus: Block[];
  directions: ExportDirection[];
  comments: ExportItemComments[];
  /** The consultation rounds' answers the options ask for ("Remissvar"). */
  rounds: ExportRound[];
  /** The date line of the page header: the plan's or the snapshot's date. */
  dateLine: string;
  options: ExportOptions;
}

/** Picks directions by 0-based index or by title (case and surrounding space ignored). */
export function selectDirectionIndexes(titles: string[], wanted: ExportOptions['directions']): number[] {
  if (!wanted || wanted.length === 0) return titles.map((_, i) => i);
  const chosen = new Set<number>();
  for (const w of wanted) {
    const byTitle = titles.findIndex((t) => t.trim().toLowerCase() === String(w).trim().toLowerCase());
    const index = byTitle >= 0 ? byTitle : typeof w === 'number' || /^\d+$/.test(w.trim()) ? Number(w) : -1;
    if (!Number.isInteger(index) || index < 0 || index >= titles.length) {
      throw new ExportError('DIRECTION_NOT_FOUND', `no direction "${w}"; the plan has: ${titles.map((t, i) => `${i} ${t}`).join(', ')}`);
    }
    chosen.add(index);
  }
  return [...chosen].sort((a, b) => a - b);
}

const sameWords = (a: string, b: string) => a.trim().toLocaleLowerCase('sv') === b.trim().toLocaleLowerCase('sv');

/**
 * Whether the status note adds to the status label. A note naming another status
 * ("Pågår" on an item in Klart, left by an edit made before a status change cleared
 * such notes, or typed at the same moment as one) would contradict the label: the
 * document leaves it out.
 */
function noteSaysMore(item: PlainItem, label: string): boolean {
  const named = statusNamedBy(item.statusNote);
  return !sameWords(item.statusNote, label) && (named === null || named === item.status);
}

function wantThread(thread: ExportThread, filter: ExportOptions['comments']): boolean {
  if (filter === 'all') return true;
  if (filter === 'open') return !thread.resolved;
  if (filter === 'resolved') return thread.resolved;
  return false;
}

export function buildExportView(source: ExportSource, options: ExportOptions, meta: ExportMeta): ExportView {
  const { document } = source;
  const all = document.plan.directions;
  const indexes = selectDirectionIndexes(
    all.map((d) => d.title),
    options.directions,
  );
  const threadsByKey = new Map<string, ExportThread[]>();
  if (options.comments !== 'none') {
    for (const entry of source.comments ?? []) {
      const threads = entry.threads.filter((t) => wantThread(t, options.comments) && t.comments.length > 0);
      if (threads.length) threadsByKey.set(entry.itemKey, [...(threadsByKey.get(entry.itemKey) ?? []), ...threads]);
    }
  }
  const comments: ExportItemComments[] = [];
  const directions = indexes.map((d): ExportDirection => {
    const direction = all[d];
    const rows = direction.items.map((item, i): ExportRow => {
      const key = source.itemKeys?.[d]?.[i] ?? `${d}/${i}`;
      const label = statusLabel(item.status);
      const threads = threadsByKey.get(key) ?? [];
      if (threads.length) comments.push({ direction: direction.title, activity: item.activity, how: item.how, threads });
      const note = options.statusNotes && noteSaysMore(item, label) ? item.statusNote.trim() : '';
      return { item, key, statusLabel: label, statusNote: note, threads };
    });
    const groups: ExportGroup[] = [];
    for (const row of rows) {
      const last = groups[groups.length - 1];
      // A continuation row carries the activity of the row above; an empty Vad never merges.
      if (last && row.item.activity !== '' && last.activity === row.item.activity) last.rows.push(row);
      else groups.push({ activity: row.item.activity, rows: [row] });
    }
    return { title: direction.title, groups, rows };
  });
  const dateLine = meta.snapshotLabel
    ? `Ögonblicksbild ${swedishDate(meta.date)}: ${meta.snapshotLabel}`
    : swedishDate(meta.date);
  return {
    title: document.plan.title,
    year: document.plan.year,
    organisation: document.organisation,
    version: document.version,
    preamble: document.preamble,
    strategy: document.strategy,
    focus: document.focus,
    directions,
    comments,
    rounds: exportRounds(source.rounds, options.rounds, options.directions?.length ? new Set(indexes.map((d) => all[d].title)) : null),
    dateLine,
    options,
  };
}
