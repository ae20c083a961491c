/**
 * The plan a page opens: the first of the wanted ids that names a plan, else the newest
 * year. The browser and the server that draws the page's first board choose alike.
 */
export function pickPlan<T extends { id: string; year: number }>(plans: readonly T[], ...wanted: (string | null)[]): T | null {
  for (const id of wanted) {
    const plan = id === null ? undefined : plans.find((p) => p.id === id);
    if (plan) return plan;
  }
  return [...plans].sort((a, b) => b.year - a.year)[0] ?? null;
}
