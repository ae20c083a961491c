import type { ItemView } from '../../shared/plan/schema';

/**
 * The rows of one activity are consecutive items of a direction with the same Vad
 * (the plan document writes the Vad once and leaves it empty on the rows below).
 * Maps each item id to the id of the first row of its run, and each run to its size.
 */
export function activityRuns(items: ItemView[]): { runOf: Map<string, string>; size: Map<string, number> } {
  const runOf = new Map<string, string>();
  const size = new Map<string, number>();
  // Items of all directions come interleaved (order keys are per direction), so the
  // row above is looked up per direction.
  const last = new Map<string, { activity: string; runId: string }>();
  for (const item of items) {
    const activity = item.activity.trim();
    const above = last.get(item.directionId);
    const runId = above && activity !== '' && above.activity === activity ? above.runId : item.id;
    last.set(item.directionId, { activity, runId });
    runOf.set(item.id, runId);
    size.set(runId, (size.get(runId) ?? 0) + 1);
  }
  return { runOf, size };
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
