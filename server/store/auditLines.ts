import { continued, mayContinue, type AuditBatch, type LatestChange } from './ChangeStore';

/**
 * One line of the trail in the making: a new one, or a stored one (`id`) that a typing
 * run continued. `since` marks a new line whose item's stored latest line was not read
 * (PostgreSQL decides in the statement that writes it): storage continues that stored
 * line with this one's `to` when the typing rule allows it for an edit made at `since`,
 * and adds this line otherwise.
 */
export interface Line extends LatestChange {
  planId: string;
  itemId: string;
  id: number | null;
  since?: number;
}

/** The lines of one batch of changes, until they are written. */
export class HeldLines {
  readonly added: Line[] = [];
  readonly continued = new Set<Line>();
  /** Each item's latest line so far: held, or read from storage (null: the item has none). */
  readonly latest = new Map<string, Line | null>();
}

/**
 * The item's latest stored line (null: none), or undefined when the writer does not
 * read it and leaves the typing rule against it to the statement that writes the line.
 */
export type ReadLatest = (planId: string, itemId: string) => Line | null | undefined;

/**
 * Adds a batch's changes to the held lines, one line per change unless a typing run
 * continues the item's latest line (held, or read from storage once per batch).
 */
export function holdLines(lines: HeldLines, planId: string, batch: AuditBatch, readLatest: ReadLatest): void {
  for (const { itemId, changes, userId, at } of batch) {
    const key = `${planId}\n${itemId}`;
    for (const change of changes) {
      let since: number | undefined;
      if (mayContinue(change)) {
        let last = lines.latest.get(key);
        if (last === undefined) {
          last = readLatest(planId, itemId);
          if (last !== undefined) lines.latest.set(key, last);
        }
        if (last === undefined) since = at;
        else {
          const extended = continued(change, last ?? undefined, userId, at);
          if (last && extended) {
            last.change = extended;
            last.at = at;
            if (last.id !== null) lines.continued.add(last);
            continue;
          }
        }
      }
      const line: Line = { planId, itemId, change, userId, at, id: null, ...(since === undefined ? {} : { since }) };
      lines.added.push(line);
      lines.latest.set(key, line);
    }
  }
}
