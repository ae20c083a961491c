import type { ItemView } from './schema';

export interface ActivityRuns {
  /** Each item id to the id of the first row of its run. */
  runOf: Map<string, string>;
  /** Each run to its number of rows. */
  size: Map<string, number>;
  /** Each item id to its place in its run, from 1, in plan order. */
  row: Map<string, number>;
}

/** Where one row sits among the rows of its activity. */
export interface RunPlace {
  runId: string;
  row: number;
  of: number;
}

/**
 * The rows of one activity are consecutive items of a direction with the same Vad
 * (the plan document writes the Vad once and leaves it empty on the rows below).
 * Computed once per render from the live items in plan order: a row's status never
 * changes its place, and a deleted or moved row renumbers the others.
 */
export function activityRuns(items: ItemView[]): ActivityRuns {
  const runOf = new Map<string, string>();
  const size = new Map<string, number>();
  const row = new Map<string, number>();
  // Items of all directions come interleaved (order keys are per direction), so the
  // row above is looked up per direction.
  const last = new Map<string, { activity: string; runId: string }>();
  for (const item of items) {
    const activity = item.activity.trim();
    const above = last.get(item.directionId);
    const runId = above && activity !== '' && above.activity === activity ? above.runId : item.id;
    last.set(item.directionId, { activity, runId });
    runOf.set(item.id, runId);
    const n = (size.get(runId) ?? 0) + 1;
    size.set(runId, n);
    row.set(item.id, n);
  }
  return { runOf, size, row };
}

/** The place of an item in a multi-row activity; null for an activity of one row. */
export function runPlace(runs: ActivityRuns, id: string): RunPlace | null {
  const runId = runs.runOf.get(id);
  const of = runId === undefined ? 0 : (runs.size.get(runId) ?? 0);
  if (runId === undefined || of < 2) return null;
  return { runId, row: runs.row.get(id) ?? 1, of };
}

/** Splits a cell's items (in plan order) into consecutive pieces of the same run. */
export function groupCell(items: ItemView[], runOf: Map<string, string>): ItemView[][] {
  const groups: ItemView[][] = [];
  for (const item of items) {
    const last = groups[groups.length - 1];
    if (last && runOf.get(last[0].id) === runOf.get(item.id)) last.push(item);
    else groups.push([item]);
  }
  return groups;
}
