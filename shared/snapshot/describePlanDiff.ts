import type { PlanTextField } from '../plan/planTextChanges';
import { changedLines } from './changedLines';
import { sidesOf, type WordSegment } from './diffWords';
import { isEmptyDiff, type PlanDiff } from './PlanDiff';

// A comparison as plain lines of text, for the command line and for logs. A changed
// text is shown as its old and its new version, each readable as written, with the
// changed words marked the way wdiff marks them: [-removed-] in the old, {+added+} in
// the new.

const markWords = (segments: WordSegment[]) =>
  segments.map((s) => (s.op === 'same' ? s.text : s.op === 'del' ? `[-${s.text}-]` : `{+${s.text}+}`)).join('');

/** A text's change as the old and the new text, each whole: "Hela året" → "Hela året{+, rapport till årsmötet+}". */
export function describeTextChange(segments: WordSegment[]): string {
  const { before, after } = sidesOf(segments);
  return `"${markWords(before)}" → "${markWords(after)}"`;
}

const PLAN_TEXT_NAMES: Record<PlanTextField, string> = { strategy: 'Strategy', focus: 'Focus' };

const show = (value: unknown) => (value === null ? '–' : Array.isArray(value) ? value.join(', ') || '–' : String(value));

export function describePlanDiff(diff: PlanDiff): string[] {
  const lines: string[] = [];
  const section = (title: string, entries: string[]) => {
    if (entries.length) lines.push(`${title} (${entries.length}):`, ...entries.map((e) => `  ${e}`));
  };
  if (diff.title) lines.push(`Title: ${diff.title.from} → ${diff.title.to}`);
  if (diff.year) lines.push(`Year: ${diff.year.from} → ${diff.year.to}`);
  // The lines that changed, with … for the unchanged ones between them.
  for (const t of diff.texts) lines.push(`${PLAN_TEXT_NAMES[t.field]}:`, ...changedLines(t.segments).map((l) => `  ${l ? describeTextChange(l) : '…'}`));
  section('Directions added', diff.directions.added.map((d) => `+ ${d.title}`));
  section('Directions removed', diff.directions.removed.map((d) => `- ${d.title}`));
  section('Directions renamed', diff.directions.changed.flatMap((d) => (d.title ? [`${d.title.from} → ${d.title.to}`] : [])));
  section('Items added', diff.items.added.map((i) => `+ ${i.activity} (${i.direction.title})`));
  section('Items removed', diff.items.removed.map((i) => `- ${i.activity} (${i.direction.title})`));
  const changed: string[] = [];
  for (const c of diff.items.changed) {
    const parts: string[] = [];
    if (c.moved) parts.push(`moved ${c.moved.from.title} → ${c.moved.to.title}`);
    if (c.status) parts.push(`status ${c.status.from} → ${c.status.to}`);
    if (c.priority) parts.push(`priority ${show(c.priority.from)} → ${show(c.priority.to)}`);
    if (c.who) parts.push(`who ${show(c.who.from)} → ${show(c.who.to)}`);
    for (const t of c.texts) parts.push(`${t.field}: ${describeTextChange(t.segments)}`);
    // A new place within the same direction alone is not worth a line.
    if (parts.length) changed.push(`${c.activity}: ${parts.join('; ')}`);
  }
  section('Items changed', changed);
  section('Comments added', diff.comments.added.map((c) => `${c.activity}: ${c.authorName}: ${c.body}`));
  section('Threads resolved', diff.threads.resolved.map((t) => t.activity));
  section('Threads reopened', diff.threads.reopened.map((t) => t.activity));
  if (!lines.length) lines.push(isEmptyDiff(diff) ? 'No differences.' : 'Only the order of items changed.');
  return lines;
}
