import { distribution, type Distribution } from '../stats';
import { closeAll } from './connectAll';
import { LightClient, type Target } from './LightClient';

// Everybody opens the board at once (a meeting starts): `count` clients connect in the
// same instant and each must receive the whole plan.

export interface StormResult {
  /** From the first connection attempt until the last client holds the plan. */
  allMs: number;
  perClientMs: Distribution;
  planBytes: number;
  failed: number;
}

export async function joinStorm(target: Target, count: number): Promise<StormResult> {
  const clients = Array.from({ length: count }, () => new LightClient(target));
  const settled = await Promise.allSettled(clients.map((c) => c.ready()));
  const ok = clients.filter((_, i) => settled[i].status === 'fulfilled');
  const first = Math.min(...clients.map((c) => c.startedAt));
  const result = {
    allMs: Math.max(...ok.map((c) => c.syncedAt)) - first,
    perClientMs: distribution(ok.map((c) => c.syncedAt - c.startedAt)),
    planBytes: ok[0]?.planBytes ?? 0,
    failed: count - ok.length,
  };
  await closeAll(clients);
  return result;
}
