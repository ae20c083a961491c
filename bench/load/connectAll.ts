import { LightClient, type Target } from './LightClient';

/**
 * Opens `count` clients, `batch` at a time, and waits until each holds the plan.
 * Joining in batches keeps the connect phase from turning into a join storm (that is
 * measured on its own). Several targets (processes serving one plan) take the
 * clients in turn: client c goes to target c mod their number.
 */
export async function connectAll(
  target: Target | Target[],
  count: number,
  onUpdate: (client: number) => (bytes: Buffer, from: number, now: number) => void,
  batch = 25,
): Promise<LightClient[]> {
  const clients: LightClient[] = [];
  for (let first = 0; first < count; first += batch) {
    const opened: LightClient[] = [];
    for (let c = first; c < Math.min(count, first + batch); c++) {
      opened.push(new LightClient(Array.isArray(target) ? target[c % target.length] : target, onUpdate(c)));
    }
    await Promise.all(opened.map((c) => c.ready()));
    clients.push(...opened);
  }
  return clients;
}

export async function closeAll(clients: LightClient[]): Promise<void> {
  await Promise.all(clients.map((c) => c.close()));
}
