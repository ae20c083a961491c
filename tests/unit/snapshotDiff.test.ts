import { describe, expect, it } from 'vitest';
import { applyPlanDiff } from '../../shared/snapshot/applyPlanDiff';
import { diffPlans } from '../../shared/snapshot/diffPlans';
import { isEmptyDiff } from '../../shared/snapshot/PlanDiff';
import { randomPlan, seeded } from './snapshotFixtures';
import { mutatePlan, planPair } from './snapshotMutations';

describe('comparing two snapshots, round trips on random plans', () => {
  it('applying the comparison of a and b to a gives b, for 300 random pairs', () => {
    const rng = seeded(20250312);
    for (let run = 0; run < 300; run++) {
      const a = randomPlan(rng, { items: 1 + Math.floor(rng() * 40), comments: Math.floor(rng() * 60) });
      const b = mutatePlan(rng, a, 1 + Math.floor(rng() * 25));
      const diff = diffPlans(a, b);
      expect(applyPlanDiff(a, diff), `run ${run}`).toEqual(b);
      expect(isEmptyDiff(diffPlans(applyPlanDiff(a, diff), b))).toBe(true);
    }
  });

  it('the comparison backwards undoes the change', () => {
    const rng = seeded(7);
    for (let run = 0; run < 100; run++) {
      const a = randomPlan(rng, { items: 20, comments: 30 });
      const b = mutatePlan(rng, a, 10);
      expect(applyPlanDiff(b, diffPlans(b, a))).toEqual(a);
    }
  });

  it('a plan compared with itself has no differences', () => {
    const a = randomPlan(seeded(1), { items: 50, comments: 100 });
    const diff = diffPlans(a, structuredClone(a));
    expect(isEmptyDiff(diff)).toBe(true);
    expect(applyPlanDiff(a, diff)).toEqual(a);
  });

  it('a plan of 1,000 items with 5,000 comments compares and round-trips', () => {
    const { a, b } = planPair(1000, { items: 1000, comments: 5000 }, 400);
    const diff = diffPlans(a, b);
    expect(a.directions.flatMap((d) => d.items)).toHaveLength(1000);
    expect(a.threads.flatMap((t) => t.comments)).toHaveLength(5000);
    expect(isEmptyDiff(diff)).toBe(false);
    expect(applyPlanDiff(a, diff)).toEqual(b);
  });
});
