import type { ReactNode } from 'react';
import type { ItemChange, PlanDiff } from '../../shared/snapshot/PlanDiff';
import { ChangedLines } from './ChangedLines';
import { useMeetingTexts, type MeetingTexts } from './meetingTexts';
import { WordDiff } from './WordDiff';

function Section({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  if (count === 0) return null;
  return (
    <section className="diff-section">
      <h4>
        {title} ({count})
      </h4>
      <ul>{children}</ul>
    </section>
  );
}

function changeParts(c: ItemChange, t: MeetingTexts): ReactNode[] {
  const parts: ReactNode[] = [];
  if (c.moved) parts.push(<span key="moved">{t.moved(c.moved.from.title, c.moved.to.title)}</span>);
  if (c.status) parts.push(<span key="status">{`${t.fields.status}: ${t.statuses[c.status.from]} → ${t.statuses[c.status.to]}`}</span>);
  if (c.priority) parts.push(<span key="priority">{`${t.fields.priority}: ${t.priority(c.priority.from)} → ${t.priority(c.priority.to)}`}</span>);
  if (c.who) parts.push(<span key="who">{`${t.fields.who}: ${c.who.from.join(', ') || '–'} → ${c.who.to.join(', ') || '–'}`}</span>);
  for (const text of c.texts) {
    parts.push(
      <span key={text.field} className="diff-text">
        {t.fields[text.field]}: <WordDiff segments={text.segments} />
      </span>,
    );
  }
  return parts;
}

/**
 * What changed between two versions of a plan: the strategy and focus texts, items
 * added, removed, moved and changed (status and priority from → to, texts with the
 * changed words marked), new comments and resolved threads.
 */
export function PlanDiffView({ diff }: { diff: PlanDiff }) {
  const t = useMeetingTexts();
  // A new place in the order alone is not worth a line.
  const changed = diff.items.changed.map((c) => ({ c, parts: changeParts(c, t) })).filter((x) => x.parts.length > 0);
  const renamed = diff.directions.changed.filter((d) => d.title);
  const directions = renamed.length + diff.directions.added.length + diff.directions.removed.length;
  const shown =
    Number(diff.title !== undefined) +
    diff.texts.length +
    directions +
    diff.items.added.length +
    diff.items.removed.length +
    changed.length +
    diff.comments.added.length +
    diff.threads.resolved.length +
    diff.threads.reopened.length;
  if (shown === 0) return <p className="diff-empty">{diff.items.changed.length ? t.onlyOrder : t.noDifferences}</p>;
  return (
    <div className="plan-diff">
      {diff.title && <p>{`${t.sections.title}: ${diff.title.from} → ${diff.title.to}`}</p>}
      <Section title={t.sections.texts} count={diff.texts.length}>
        {diff.texts.map((text) => (
          <li key={text.field} className="diff-text">
            <strong>{t.planTexts[text.field]}</strong> <ChangedLines segments={text.segments} />
          </li>
        ))}
      </Section>
      <Section title={t.sections.directions} count={directions}>
        {renamed.map((d) => (
          <li key={d.id}>{`${d.title!.from} → ${d.title!.to}`}</li>
        ))}
        {diff.directions.added.map((d) => (
          <li key={d.id} className="diff-added">{`+ ${d.title}`}</li>
        ))}
        {diff.directions.removed.map((d) => (
          <li key={d.id} className="diff-removed">{`− ${d.title}`}</li>
        ))}
      </Section>
      <Section title={t.sections.added} count={diff.items.added.length}>
        {diff.items.added.map((i) => (
          <li key={i.id} className="diff-added">
            <strong>{i.activity}</strong> {t.inDirection(i.direction.title)} · {t.statuses[i.status]}
          </li>
        ))}
      </Section>
      <Section title={t.sections.removed} count={diff.items.removed.length}>
        {diff.items.removed.map((i) => (
          <li key={i.id} className="diff-removed">
            <strong>{i.activity}</strong> {t.inDirection(i.direction.title)}
          </li>
        ))}
      </Section>
      <Section title={t.sections.changed} count={changed.length}>
        {changed.map(({ c, parts }) => (
          <li key={c.id}>
            <strong>{c.activity}</strong>
            <ul className="diff-parts">
              {parts.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          </li>
        ))}
      </Section>
      <Section title={t.sections.commentsAdded} count={diff.comments.added.length}>
        {diff.comments.added.map((c) => (
          <li key={c.id}>
            <strong>{c.activity}</strong>: {c.authorName}: {c.body}
          </li>
        ))}
      </Section>
      <Section title={t.sections.resolved} count={diff.threads.resolved.length}>
        {diff.threads.resolved.map((th) => (
          <li key={th.id}>{th.activity}</li>
        ))}
      </Section>
      <Section title={t.sections.reopened} count={diff.threads.reopened.length}>
        {diff.threads.reopened.map((th) => (
          <li key={th.id}>{th.activity}</li>
        ))}
      </Section>
    </div>
  );
}
